import { connect, type MqttClient } from 'mqtt';
import { definePlugin, entityBaseOf, type CommandHandler, type CommandName, type Domain, type EntityHandle, type PluginContext } from '../../core/plugin-api.js';
import { mqttPluginConfigSchema, topicEntitySchema, type MqttPluginConfig, type TopicEntity, type TopicEntityInput } from './config.js';
import { importDiscovery } from './ha-import.js';
import { commandPayload, extract, optimisticUpdate, readPath, toState, type Optimistic } from './mapping.js';

/** The commands a topic entity of each domain sends (`toggle` comes from on/off). */
const COMMANDS: { readonly [D in Domain]?: readonly CommandName<D>[] } = {
  sensor: [],
  binary_sensor: [],
  switch: ['turn_on', 'turn_off'],
  light: ['turn_on', 'turn_off'],
  cover: ['open', 'close', 'stop', 'set_position'],
  climate: ['set_hvac_mode', 'set_temperature', 'set_preset', 'turn_on', 'turn_off'],
  lock: ['lock', 'unlock', 'open'],
  valve: ['open', 'close', 'stop', 'set_position'],
  fan: ['turn_on', 'turn_off', 'set_percentage'],
  siren: ['turn_on', 'turn_off'],
  button: ['press'],
  number: ['set_value'],
  select: ['select_option'],
  alarm_control_panel: ['arm_home', 'arm_away', 'arm_night', 'disarm', 'trigger'],
  weather: [],
};

type Route = (payload: string) => void;

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
      if (payload === '') return;
      const result = importDiscovery(topic, payload, config.discovery.prefix);
      if (!result.ok) return ctx.log.debug({ topic, reason: result.reason }, 'discovery config not imported');
      const entity = topicEntitySchema.parse({ ...result.entity, ...(config.discovery.area && { area: config.discovery.area }) } satisfies TopicEntityInput);
      if (imported.has(entity.id)) return;
      imported.add(entity.id);
      addTopicEntity(ctx, config, entity, route, publish);
      ctx.log.info({ entityId: entity.id, topic }, 'imported from Home Assistant discovery');
    }
    await connected;
  },
});

type PublishFn = (topic: string, payload: string, options: { qos: 0 | 1 | 2; retain: boolean }) => unknown;

interface CommandSinks {
  publish(topic: string, payload: string): void;
  /** Set for optimistic entities: what a command leads to, shown without waiting for the device. */
  apply: ((update: Optimistic) => void) | undefined;
}

/**
 * The entity's command handlers, each typed by its domain and command (generic in the
 * domain so `optimisticUpdate` reads the params the dispatcher validated for that command).
 */
function topicCommands<D extends Domain>(domain: D, entity: TopicEntity, sinks: CommandSinks): Record<string, CommandHandler> {
  const commands: Record<string, CommandHandler> = {};
  for (const command of COMMANDS[domain] ?? []) {
    const topic = entity.commandTopics?.[command] ?? entity.commandTopic;
    if (topic === undefined) continue;
    const handler: CommandHandler<D, CommandName<D>> = (params) => {
      const payload = commandPayload(entity, command, params);
      if (payload === undefined) return;
      sinks.publish(topic, payload);
      if (!sinks.apply) return;
      const update = optimisticUpdate(domain, command, params, new Date());
      if (update) sinks.apply(update);
    };
    commands[command] = handler;
  }
  return commands;
}

function applyUpdate(handle: EntityHandle, update: Optimistic): void {
  if (update.state !== undefined) handle.setState(update.state, update.attributes);
  else if (update.attributes) handle.setAttributes(update.attributes);
}

function addTopicEntity(ctx: PluginContext, config: MqttPluginConfig, entity: TopicEntity, route: (topic: string, fn: Route) => void, publish: PublishFn): EntityHandle {
  const domain = entity.id.slice(0, entity.id.indexOf('.')) as Domain;
  const optimistic = entity.optimistic ?? entity.stateTopic === undefined;
  const commands = topicCommands(domain, entity, {
    publish: (topic, payload) => publish(topic, payload, { qos: config.qos, retain: entity.retain }),
    // A button has no state to report: its state is when it was last pressed.
    apply: optimistic || domain === 'button' ? (update) => applyUpdate(handle, update) : undefined,
  });
  const handle = ctx.entities.add({
    id: entity.id,
    ...entityBaseOf(entity),
    ...(entity.attributes && { attributes: entity.attributes }),
    ...(Object.keys(commands).length && { commands }),
  });
  if (entity.stateTopic) {
    route(entity.stateTopic, (payload) => {
      const state = toState(domain, extract(payload, entity.statePath), entity.stateMap, { textual: entity.attributes?.deviceClass === 'enum' });
      const attributes = attributesFrom(payload, entity.attributePaths);
      if (state !== undefined) handle.setState(state, attributes);
      else if (attributes) handle.setAttributes(attributes);
      else ctx.log.debug({ entityId: entity.id, payload: payload.slice(0, 80) }, 'state payload not understood');
    });
  }
  if (entity.availabilityTopic) {
    route(entity.availabilityTopic, (payload) => {
      if (payload === entity.payloadAvailable) handle.setAvailable(true);
      else if (payload === entity.payloadNotAvailable) handle.setAvailable(false);
    });
  }
  return handle;
}

function attributesFrom(payload: string, paths: Readonly<Record<string, string>> | undefined): Record<string, unknown> | undefined {
  if (!paths) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return undefined;
  }
  const found = Object.entries(paths)
    .map(([name, path]) => [name, readPath(json, path)] as const)
    .filter(([, v]) => v !== undefined);
  return found.length ? Object.fromEntries(found) : undefined;
}

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
