import { connect, type MqttClient } from 'mqtt';
import type { Logger } from 'pino';
import type { MqttConfig } from '../config/index.js';
import { errorMessage, ValidationError } from '../errors.js';
import { createContext, type Kernel } from '../kernel/index.js';
import type { Service } from '../service.js';
import { parseSetPayload, type SetCommand } from './commands.js';
import { entityOfDiscoveryTopic, ownDiscoveryFilter, type DiscoveryScope } from './discovery.js';
import { createExporter } from './exporter.js';
import { createFederation } from './federation.js';
import { backoffMs, clientOptions, nodeName } from './options.js';
import { isValidFilter, topicLayout, topicMatches } from './topics.js';

export interface MqttBridgeDeps {
  kernel: Kernel;
  log: Logger;
  /** The `mqtt:` section of the config. */
  config: MqttConfig;
  /** Device name in Home Assistant; default the node name. */
  hubName?: string;
  version?: string;
  /** TLS file paths are relative to it. */
  configDir?: string;
  /** How long after connecting a retained state or discovery config of an unknown own entity is cleared. */
  staleGraceMs?: number;
}

export interface MqttBridge extends Service {
  readonly node: string;
  readonly connected: boolean;
  /** Emits bus `mqtt_message` for every message on `filter` (for `mqtt` triggers); returns the unsubscribe. */
  subscribe(filter: string): () => void;
  /** Resolves once connected (at once when already connected). */
  whenConnected(): Promise<void>;
  /** Publishes one message (not retained); rejects while disconnected, so the caller can retry (notification channels). */
  publishMessage(topic: string, payload: string): Promise<void>;
}

/**
 * The MQTT bridge (DESIGN §10): publishes this hub's states and HA discovery,
 * takes commands on `/set`, mirrors other hubs, reconnects with back-off.
 */
export function createMqttBridge(deps: MqttBridgeDeps): MqttBridge {
  const { kernel, config } = deps;
  const node = nodeName(config);
  const log = deps.log.child({ component: 'mqtt', node });
  const topics = topicLayout(config.topicPrefix);
  const filters = topics.filters(node);
  const scope: DiscoveryScope = { node, hubName: deps.hubName ?? node, version: deps.version ?? '0', prefix: config.discoveryPrefix, topics };
  const haStatus = `${config.discoveryPrefix}/status`;
  const userFilters = new Map<string, number>();
  const stale = new Set<string>();
  let client: MqttClient | undefined;
  let stopping = false;
  let attempt = 0;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let staleTimer: NodeJS.Timeout | undefined;
  let unfollow: (() => void) | undefined;
  let waiters: (() => void)[] = [];

  const publish = (topic: string, payload: string, retain: boolean) => {
    if (client?.connected) client.publish(topic, payload, { qos: config.qos, retain }, (err) => err && log.warn({ topic, err: err.message }, 'publish failed'));
  };
  const exporter = createExporter({ kernel, scope, discovery: config.discovery, publish });
  const federation = createFederation({
    kernel,
    log,
    self: node,
    sendCommand: (owner, entityId, command: SetCommand) =>
      new Promise((resolve, reject) => {
        if (!client?.connected) return reject(new ValidationError(`MQTT is disconnected; cannot reach node '${owner}'`));
        client.publish(topics.set(owner, entityId), JSON.stringify(command), { qos: config.qos }, (err) => (err ? reject(err) : resolve()));
      }),
  });

  function ownFilters(): string[] {
    const list = [filters.commands, ...userFilters.keys()];
    list.push(config.federation ? filters.status : topics.status(node));
    list.push(config.federation ? filters.states : topics.state(node, '+'));
    if (config.discovery) list.push(haStatus, ownDiscoveryFilter(scope));
    return [...new Set(list)];
  }

  /** A retained message about one of our own entities that no longer exists: cleared after the grace period. */
  function noteStale(entityId: string, retained: boolean) {
    if (!retained || kernel.registry.get(entityId)) return;
    stale.add(entityId);
    staleTimer ??= setTimeout(() => {
      staleTimer = undefined;
      for (const id of stale) if (!kernel.registry.get(id)) exporter.clear(id);
      stale.clear();
    }, deps.staleGraceMs ?? 10_000);
  }

  async function runCommand(entityId: string, payload: string) {
    const info = kernel.registry.get(entityId);
    if (!info || info.remote) return log.warn({ entityId }, 'command for an entity this node does not own; ignored');
    const parsed = parseSetPayload(payload, info.domain);
    if (!parsed.ok) return log.warn({ entityId, error: parsed.error }, 'malformed command ignored');
    const { command, params, node: from } = parsed.value;
    try {
      await kernel.dispatcher.dispatch({ entityId, command, params, context: createContext({ node: from ?? 'mqtt', role: config.commandRole }) });
    } catch (err) {
      log.warn({ entityId, command, from, err: errorMessage(err) }, 'command from MQTT failed');
    }
  }

  function onMessage(topic: string, message: Buffer, retained: boolean) {
    const payload = message.toString();
    for (const filter of userFilters.keys()) {
      if (topicMatches(filter, topic)) {
        kernel.bus.emit('mqtt_message', { topic, payload, retained });
        break;
      }
    }
    if (topic === haStatus) {
      if (payload === 'online') exporter.publishDiscovery();
      return;
    }
    const parsed = topics.parse(topic);
    if (parsed?.kind === 'set' && parsed.node === node) return void runCommand(parsed.entityId, payload);
    if (parsed?.kind === 'state') {
      if (parsed.node === node) return payload === '' ? undefined : noteStale(parsed.entityId, retained);
      if (config.federation) federation.onState(parsed.node, parsed.entityId, payload);
      return;
    }
    if (parsed?.kind === 'status' && config.federation) return federation.onStatus(parsed.node, payload);
    const own = config.discovery ? entityOfDiscoveryTopic(scope, topic) : undefined;
    if (own && payload !== '') noteStale(own, retained);
  }

  function onConnect() {
    attempt = 0;
    // States and commands are small packets: no waiting in Nagle's buffer for a delayed ACK.
    (client?.stream as { setNoDelay?: (on: boolean) => void } | undefined)?.setNoDelay?.(true);
    log.info({ url: config.url }, 'connected to the MQTT broker');
    publish(topics.status(node), 'online', true);
    client!.subscribe(ownFilters(), { qos: config.qos }, (err) => err && log.error({ err: err.message }, 'subscribe failed'));
    exporter.publishAll();
    for (const resolve of waiters) resolve();
    waiters = [];
  }

  function onClose() {
    if (stopping || reconnectTimer) return;
    federation.onDisconnected();
    const delay = backoffMs(attempt++, config.reconnect);
    log.warn({ delayMs: delay }, 'MQTT connection lost; reconnecting');
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined;
      if (!stopping) client?.reconnect();
    }, delay);
  }

  return {
    name: 'mqtt',
    node,
    get connected() {
      return client?.connected ?? false;
    },
    async start() {
      stopping = false;
      const options = clientOptions(config, node, topics.status(node), deps.configDir);
      unfollow = exporter.follow();
      const c = connect(config.url, options);
      client = c;
      c.on('message', (topic, message, packet) => onMessage(topic, message, packet.retain));
      c.on('connect', onConnect);
      c.on('close', onClose);
      c.on('error', (err) => log.warn({ err: err.message }, 'MQTT error'));
      // The hub starts even when the broker is down; the bridge keeps retrying.
      await new Promise<void>((resolve) => {
        c.once('connect', () => resolve());
        c.once('close', () => resolve());
      });
    },
    async stop() {
      stopping = true;
      clearTimeout(reconnectTimer);
      clearTimeout(staleTimer);
      reconnectTimer = staleTimer = undefined;
      unfollow?.();
      const c = client;
      client = undefined;
      if (c?.connected) await c.publishAsync(topics.status(node), 'offline', { qos: config.qos, retain: true }).catch(() => undefined);
      await c?.endAsync();
      federation.clear();
    },
    async publishMessage(topic, payload) {
      if (!client?.connected) throw new Error('not connected to the MQTT broker');
      await client.publishAsync(topic, payload, { qos: config.qos });
    },
    subscribe(filter) {
      if (!isValidFilter(filter)) throw new ValidationError(`invalid MQTT topic filter '${filter}'`);
      const count = userFilters.get(filter) ?? 0;
      userFilters.set(filter, count + 1);
      if (count === 0 && client?.connected) client.subscribe(filter, { qos: config.qos });
      let done = false;
      return () => {
        if (done) return;
        done = true;
        const left = (userFilters.get(filter) ?? 1) - 1;
        if (left > 0) return void userFilters.set(filter, left);
        userFilters.delete(filter);
        if (client?.connected && !ownFilters().includes(filter)) client.unsubscribe(filter);
      };
    },
    whenConnected() {
      if (client?.connected) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
  };
}
