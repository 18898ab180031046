import { domainOf, isEntityId, type EntityInfo, type EntityState } from '../kernel/index.js';
import { componentConfig, componentOf } from './ha-components.js';
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

/**
 * `<prefix>/<component>/<node>/<object_id>/config`. A domain published as another
 * component (weather as a sensor) keeps its domain in the object id, `weather-home`:
 * entity object ids never hold a `-`, so the topic can be read back and never
 * collides with a real `sensor.home`.
 */
export function discoveryTopic(scope: DiscoveryScope, entityId: string): string {
  const domain = domainOf(entityId);
  const objectId = entityId.slice(domain.length + 1);
  const component = componentOf(domain);
  return `${scope.prefix}/${component}/${scope.node}/${component === domain ? objectId : `${domain}-${objectId}`}/config`;
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
  const objectId = parts[base + 2]!;
  const dash = objectId.indexOf('-');
  const entityId = dash < 0 ? `${parts[base]}.${objectId}` : `${objectId.slice(0, dash)}.${objectId.slice(dash + 1)}`;
  // Only a topic this hub would have written names one of its entities.
  return isEntityId(entityId) && discoveryTopic(scope, entityId) === topic ? entityId : undefined;
}

/**
 * Home Assistant MQTT discovery config for one entity: state read from Hearth's
 * JSON state topic by templates, commands sent as the plain words or the
 * `{command, params}` JSON that `/set` accepts (templates build the JSON).
 */
export function discoveryPayload(scope: DiscoveryScope, info: EntityInfo, state: EntityState | undefined): DiscoveryPayload {
  const stateTopic = scope.topics.state(scope.node, info.id);
  const setTopic = scope.topics.set(scope.node, info.id);
  const component = componentOf(info.domain);
  const objectId = info.id.slice(info.id.indexOf('.') + 1);
  const attributes = state?.attributes ?? {};
  const entityObjectId = component === info.domain ? objectId : `${info.domain}_${objectId}`;
  const common = {
    name: info.name,
    unique_id: `hearth_${scope.node}_${info.id.replace('.', '_')}`,
    // HA names the entity after it: `sensor.weather_home` for a stand-in, not a clash with `sensor.home`.
    // `default_entity_id` is its successor (HA 2025.10 deprecates object_id); older HA reads object_id.
    object_id: entityObjectId,
    default_entity_id: `${component}.${entityObjectId}`,
    availability_mode: 'all',
    availability: [
      { topic: scope.topics.status(scope.node), payload_available: 'online', payload_not_available: 'offline' },
      { topic: stateTopic, value_template: "{{ 'online' if value_json.available else 'offline' }}" },
    ],
    json_attributes_topic: stateTopic,
    json_attributes_template: '{{ value_json.attributes | tojson }}',
    origin: { name: 'Hearth', sw_version: scope.version },
    device: {
      identifiers: [`hearth_${scope.node}`],
      name: scope.hubName,
      manufacturer: 'Hearth',
      model: 'Hearth hub',
      sw_version: scope.version,
    },
  };
  return { ...common, ...componentConfig(info.domain, { state: stateTopic, set: setTopic }, attributes) };
}
