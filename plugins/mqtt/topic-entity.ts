import { entityBaseOf, type CommandHandler, type CommandName, type Domain, type EntityHandle, type PluginContext } from '../../core/plugin-api.js';
import type { MqttPluginConfig, TopicEntity } from './config.js';
import { commandRenderer, fromDevice, optimisticUpdate, readPath, toState, type CommandRenderer, type Optimistic } from './mapping.js';
import { availabilitySources, availabilityTracker, valueReader, type ValueReader } from './readers.js';

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

/** Attributes on the device's own scale, turned into Hearth's 0–100. */
const SCALED = new Set(['brightness', 'position']);

export type Route = (payload: string) => void;
export type PublishFn = (topic: string, payload: string, options: { qos: 0 | 1 | 2; retain: boolean }) => unknown;

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
  const render = commandRenderer(entity);
  for (const command of COMMANDS[domain] ?? []) {
    const topic = entity.commandTopics?.[command] ?? entity.commandTopic;
    if (topic === undefined || entity.unsupportedCommands?.includes(command)) continue;
    const handler: CommandHandler<D, CommandName<D>> = (params) => {
      const sent = domain === 'light' && command === 'turn_on' ? lightOn(entity, render, topic, params, sinks) : send(render, command, topic, params, sinks);
      if (!sent || !sinks.apply) return;
      const update = optimisticUpdate(domain, command, params, new Date());
      if (update) sinks.apply(update);
    };
    commands[command] = handler;
  }
  return commands;
}

function send(render: CommandRenderer, command: string, topic: string, params: Readonly<Record<string, unknown>>, sinks: CommandSinks): boolean {
  const payload = render(command, params);
  if (payload === undefined) return false;
  sinks.publish(topic, payload);
  return true;
}

/** A light with a brightness-only topic (Tasmota's Dimmer) takes the brightness there, with or without the on payload (`onCommandType`). */
function lightOn(entity: TopicEntity, render: CommandRenderer, topic: string, params: Readonly<Record<string, unknown>>, sinks: CommandSinks): boolean {
  const brightnessTopic = entity.brightnessCommandTopic;
  if (brightnessTopic === undefined || typeof params.brightness !== 'number') return send(render, 'turn_on', topic, params, sinks);
  if (entity.onCommandType === 'first') send(render, 'turn_on', topic, params, sinks);
  send(render, 'brightness', brightnessTopic, params, sinks);
  if (entity.onCommandType === 'last') send(render, 'turn_on', topic, params, sinks);
  return true;
}

function applyUpdate(handle: EntityHandle, update: Optimistic): void {
  if (update.state !== undefined) handle.setState(update.state, update.attributes);
  else if (update.attributes) handle.setAttributes(update.attributes);
}

export function addTopicEntity(ctx: PluginContext, config: MqttPluginConfig, entity: TopicEntity, route: (topic: string, fn: Route) => void, publish: PublishFn): EntityHandle {
  const domain = entity.id.slice(0, entity.id.indexOf('.')) as Domain;
  const attributeTopics = Object.entries(entity.attributeTopics ?? {});
  const optimistic = entity.optimistic ?? (entity.stateTopic === undefined && attributeTopics.length === 0);
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
  const scaled = (name: string, raw: unknown) => (SCALED.has(name) ? fromDevice(entity, name as 'brightness' | 'position', raw) : raw);
  // Attributes carried by the state message are applied with the state, as one change.
  const alongside = attributeTopics.filter(([, source]) => source.topic === entity.stateTopic).map(([name, source]) => [name, valueReader(source)] as const);
  const attributesOf = (payload: string) => {
    // The common case (a plain reading) allocates nothing per message.
    if (!entity.attributePaths && alongside.length === 0) return undefined;
    const found = { ...attributesFrom(payload, entity.attributePaths), ...Object.fromEntries(alongside.map(([name, read]) => [name, numberOrText(read(payload))])) };
    return scaledAttributes(found, scaled);
  };
  const position = () => ctx.states.get(entity.id)?.attributes.position as number | undefined;
  if (entity.stateTopic) {
    const read = valueReader({ path: entity.statePath, valueTemplate: entity.valueTemplate });
    route(entity.stateTopic, (payload) => {
      const raw = read(payload);
      const attributes = attributesOf(payload);
      // An event (a remote's button): each one is a press, at the time it came, of the type it names.
      if (domain === 'button') {
        if (typeof raw === 'string' && raw !== '') handle.setState(new Date().toISOString(), { ...attributes, eventType: raw });
        return;
      }
      const moving = domain === 'cover' || domain === 'valve';
      const shape = { textual: entity.attributes?.deviceClass === 'enum', ...(moving && { position: (attributes?.position as number | undefined) ?? position() }) };
      const state = toState(domain, raw, entity.stateMap, shape);
      if (state !== undefined) handle.setState(state, attributes);
      else if (attributes) handle.setAttributes(attributes);
      else ctx.log.debug({ entityId: entity.id, payload: payload.slice(0, 80) }, 'state payload not understood');
    });
  }
  for (const [name, source] of attributeTopics) {
    if (entity.stateTopic && source.topic === entity.stateTopic) continue;
    const read: ValueReader = valueReader(source);
    route(source.topic, (payload) => {
      const value = scaled(name, numberOrText(read(payload)));
      if (value === undefined) return;
      // A cover that reports only its position (Tasmota's shutter) is closed at 0 and open elsewhere.
      if (name === 'position' && !entity.stateTopic && (domain === 'cover' || domain === 'valve')) handle.setState(value === 0 ? 'closed' : 'open', { position: value });
      else handle.setAttributes({ [name]: value });
    });
  }
  const sources = availabilitySources(entity);
  const tracker = availabilityTracker(sources, entity.availabilityMode);
  sources.forEach((source, index) =>
    route(source.topic, (payload) => {
      const available = tracker.report(index, payload);
      if (available !== undefined) handle.setAvailable(available);
    }),
  );
  return handle;
}

function numberOrText(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  const n = Number(raw);
  return raw.trim() !== '' && Number.isFinite(n) ? n : raw;
}

function scaledAttributes(attributes: Record<string, unknown>, scaled: (name: string, raw: unknown) => unknown): Record<string, unknown> | undefined {
  const out = Object.entries(attributes)
    .map(([name, raw]) => [name, scaled(name, raw)] as const)
    .filter(([, v]) => v !== undefined);
  return out.length ? Object.fromEntries(out) : undefined;
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
