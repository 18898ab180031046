import { connect, type MqttClient } from 'mqtt';
import { definePlugin } from '../../core/plugin-api.js';
import { mqttPluginConfigSchema, topicEntitySchema, type TopicEntityInput } from './config.js';
import { importDiscovery, type Unmapped } from './ha-import.js';
import { addTopicEntity, type PublishFn, type Route } from './topic-entity.js';

/**
 * MQTT devices as Hearth entities: each entity is a state topic (with a JSON path and
 * a value mapping) and a command topic, so Tasmota, Shelly or Zigbee2MQTT devices fit
 * without code. Optionally imports other systems' Home Assistant discovery announcements.
 */
export default definePlugin({
  manifest: {
    id: 'mqtt',
    name: 'MQTT devices',
    version: '1.0.0',
    apiVersion: 1,
    description: 'Entities from MQTT topics (Tasmota, Shelly, Zigbee2MQTT), optional Home Assistant discovery import',
  },
  config: mqttPluginConfigSchema,
  async setup(ctx) {
    const { config } = ctx;
    const routes = new Map<string, Route[]>();
    // Declared before the client exists: retained discovery configs arrive while setup still awaits the connection.
    const imported = new Set<string>();
    // Each config is judged once (Zigbee2MQTT republishes them), and what was not taken is kept for the plugin's status.
    const reported = new Set<string>();
    const skipped: { topic: string; reason: string }[] = [];
    const unmapped: { entityId: string; fields: Unmapped[] }[] = [];
    const client = connect(config.url, {
      clientId: config.clientId ?? `hearth_${ctx.pluginId}_${Math.random().toString(16).slice(2, 8)}`,
      ...(config.username !== undefined && { username: config.username }),
      ...(config.password !== undefined && { password: config.password }),
      // mqtt.js's `debug` logger allocates an argument array per call even when disabled.
      ...(!process.env.DEBUG && { log: () => undefined }),
    });
    ctx.onStop(() => client.endAsync());
    client.on('error', (err) => ctx.log.warn({ err: err.message }, 'MQTT error'));
    // Setup waits for the first connection (or its failure) so retained states arrive before the hub reports running.
    let ready: () => void = () => undefined;
    const connected = new Promise<void>((resolve) => (ready = resolve));
    client.once('close', () => ready());
    client.on('connect', () => {
      noDelay(client);
      const topics = [...routes.keys()];
      if (config.discovery.import) topics.push(`${config.discovery.prefix}/+/+/config`, `${config.discovery.prefix}/+/+/+/config`);
      ctx.log.info({ url: config.url, topics: topics.length }, 'connected to the MQTT broker');
      if (topics.length) client.subscribe(topics, { qos: config.qos }, () => ready());
      else ready();
    });
    client.on('message', (topic, message) => {
      const payload = message.toString();
      for (const route of routes.get(topic) ?? []) {
        try {
          route(payload);
        } catch (err) {
          ctx.log.warn({ topic, err: (err as Error).message }, 'could not apply an MQTT message');
        }
      }
      if (!config.discovery.import || !topic.startsWith(`${config.discovery.prefix}/`) || !topic.endsWith('/config')) return;
      // One config the plugin cannot take must not take the plugin (or the hub's start) down with it.
      try {
        onDiscovery(topic, payload);
      } catch (err) {
        ctx.log.warn({ topic, err: (err as Error).message }, 'discovery config not imported');
      }
    });

    const route = (topic: string, fn: Route) => {
      const list = routes.get(topic);
      if (list) return void list.push(fn);
      routes.set(topic, [fn]);
      if (client.connected) client.subscribe(topic, { qos: config.qos });
    };

    const publish = batchedPublish(client);
    for (const entity of config.entities) addTopicEntity(ctx, config, entity, route, publish);

    function onDiscovery(topic: string, payload: string) {
      if (payload === '' || reported.has(topic)) return;
      const result = importDiscovery(topic, payload, config.discovery.prefix);
      if (!result.ok) {
        reported.add(topic);
        skipped.push({ topic, reason: result.reason });
        report();
        return ctx.log.info({ topic, reason: result.reason }, 'discovery config not imported');
      }
      const entity = topicEntitySchema.parse({ ...result.entity, ...(config.discovery.area && { area: config.discovery.area }) } satisfies TopicEntityInput);
      reported.add(topic);
      if (imported.has(entity.id)) return;
      imported.add(entity.id);
      addTopicEntity(ctx, config, entity, route, publish);
      ctx.log.info({ entityId: entity.id, topic }, 'imported from Home Assistant discovery');
      if (result.unmapped.length) {
        unmapped.push({ entityId: entity.id, fields: result.unmapped });
        ctx.log.info({ entityId: entity.id, unmapped: result.unmapped.map((u) => `${u.field}: ${u.reason}`) }, 'discovery fields not mapped');
      }
      report();
    }

    /** The import's account on the plugin's status (`details` in GET /api/plugins). */
    function report() {
      ctx.status.set({ imported: imported.size, unmapped, notImported: skipped });
    }
    await connected;
  },
});

/** A command is one small packet: it must not sit in Nagle's buffer waiting for a delayed ACK (~40 ms). */
function noDelay(client: MqttClient): void {
  (client.stream as { setNoDelay?: (on: boolean) => void } | undefined)?.setNoDelay?.(true);
}

/**
 * Publishes leave in one socket write per turn of the event loop and, under a steady
 * stream, at most one write per WRITE_INTERVAL_MS: on loopback a write costs ~20 µs of
 * syscall, more than the publish itself, and a burst of answers would pay it for each.
 * After a quiet spell the first write goes out at once, so a lone command waits for nothing.
 */
function batchedPublish(client: MqttClient): PublishFn {
  let corked = false;
  let lastWrite = 0;
  return (topic, payload, options) => {
    const stream = client.stream as MqttClient['stream'] | undefined;
    if (!corked && stream && client.connected) {
      corked = true;
      stream.cork();
      const write = () => {
        corked = false;
        lastWrite = performance.now();
        stream.uncork();
      };
      const wait = lastWrite + WRITE_INTERVAL_MS - performance.now();
      if (wait > 0) setTimeout(write, wait);
      else setImmediate(write);
    }
    return client.publish(topic, payload, options);
  };
}

const WRITE_INTERVAL_MS = 1;
