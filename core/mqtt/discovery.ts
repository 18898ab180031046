import type { EntityInfo, EntityState } from '../kernel/index.js';
import type { TopicLayout } from './topics.js';

/** What every discovery payload of one hub shares. */
export interface DiscoveryScope {
  node: string;
  hubName: string;
  version: string;
  prefix: string;
  topics: TopicLayout;
}

export type DiscoveryPayload = Readonly<Record<string, unknown>>;

const STATE = '{{ value_json.state }}';

export function discoveryTopic(scope: DiscoveryScope, entityId: string): string {
  const [component, objectId] = entityId.split('.');
  return `${scope.prefix}/${component}/${scope.node}/${objectId}/config`;
}

/** The filter that catches this hub's own retained discovery configs (to clear stale ones). */
export function ownDiscoveryFilter(scope: DiscoveryScope): string {
  return `${scope.prefix}/+/${scope.node}/+/config`;
}

/** The entity a discovery topic of this hub describes, or undefined for someone else's. */
export function entityOfDiscoveryTopic(scope: DiscoveryScope, topic: string): string | undefined {
  const parts = topic.split('/');
  const base = scope.prefix.split('/').length;
  if (parts.length !== base + 4 || parts[base + 1] !== scope.node || parts[base + 3] !== 'config') return undefined;
  return `${parts[base]}.${parts[base + 2]}`;
}

/**
 * Home Assistant MQTT discovery config for one entity: state read from Hearth's
 * JSON state topic by templates, commands sent as the plain words `/set` accepts.
 */
export function discoveryPayload(scope: DiscoveryScope, info: EntityInfo, state: EntityState | undefined): DiscoveryPayload {
  const stateTopic = scope.topics.state(scope.node, info.id);
  const setTopic = scope.topics.set(scope.node, info.id);
  const objectId = info.id.slice(info.id.indexOf('.') + 1);
  const attributes = state?.attributes ?? {};
  const common = {
    name: info.name,
    unique_id: `hearth_${scope.node}_${info.id.replace('.', '_')}`,
    object_id: objectId,
    availability_mode: 'all',
    availability: [
      { topic: scope.topics.status(scope.node), payload_available: 'online', payload_not_available: 'offline' },
      { topic: stateTopic, value_template: "{{ 'online' if value_json.available else 'offline' }}" },
    ],
    json_attributes_topic: stateTopic,
    json_attributes_template: '{{ value_json.attributes | tojson }}',
    device: {
      identifiers: [`hearth_${scope.node}`],
      name: scope.hubName,
      manufacturer: 'Hearth',
      model: 'Hearth hub',
      sw_version: scope.version,
    },
  };
  switch (info.domain) {
    case 'sensor':
      return {
        ...common,
        state_topic: stateTopic,
        value_template: STATE,
        ...optional('device_class', attributes.deviceClass),
        ...optional('unit_of_measurement', attributes.unit),
        ...optional('state_class', attributes.stateClass),
      };
    case 'binary_sensor':
      return { ...common, state_topic: stateTopic, value_template: STATE, payload_on: 'on', payload_off: 'off', ...optional('device_class', attributes.deviceClass) };
    case 'switch':
      return { ...common, state_topic: stateTopic, value_template: STATE, state_on: 'on', state_off: 'off', command_topic: setTopic, payload_on: 'ON', payload_off: 'OFF' };
    case 'light':
      return {
        ...common,
        state_topic: stateTopic,
        state_value_template: '{{ value_json.state | upper }}',
        command_topic: setTopic,
        payload_on: 'ON',
        payload_off: 'OFF',
        ...(typeof attributes.brightness === 'number' && {
          brightness_state_topic: stateTopic,
          brightness_value_template: '{{ value_json.attributes.brightness }}',
          brightness_command_topic: setTopic,
          brightness_command_template: '{"command":"turn_on","params":{"brightness":{{ value }}}}',
          brightness_scale: 100,
        }),
      };
    case 'cover':
      return {
        ...common,
        ...optional('device_class', attributes.deviceClass),
        state_topic: stateTopic,
        value_template: STATE,
        state_open: 'open',
        state_opening: 'opening',
        state_closed: 'closed',
        state_closing: 'closing',
        command_topic: setTopic,
        payload_open: 'OPEN',
        payload_close: 'CLOSE',
        payload_stop: 'STOP',
        position_topic: stateTopic,
        position_template: '{{ value_json.attributes.position }}',
        set_position_topic: setTopic,
        set_position_template: '{"command":"set_position","params":{"position":{{ position }}}}',
        position_open: 100,
        position_closed: 0,
      };
    default:
      return { ...common, state_topic: stateTopic, value_template: STATE };
  }
}

function optional(key: string, value: unknown): Record<string, unknown> {
  return typeof value === 'string' && value ? { [key]: value } : {};
}
