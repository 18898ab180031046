import type { Kernel } from '../kernel/index.js';
import { discoveryPayload, discoveryTopic, type DiscoveryScope } from './discovery.js';

export type Publish = (topic: string, payload: string, retain: boolean) => void;

export interface ExporterDeps {
  kernel: Kernel;
  scope: DiscoveryScope;
  discovery: boolean;
  publish: Publish;
}

/** Publishes this hub's own entities: retained JSON states and, optionally, HA discovery configs. */
export interface Exporter {
  /** Everything again: after (re)connecting, or when Home Assistant comes online. */
  publishAll(): void;
  publishDiscovery(): void;
  /** Starts following the bus; returns the function that stops it. */
  follow(): () => void;
  isExported(entityId: string): boolean;
  /** Clears the retained state and discovery config of an entity that is gone. */
  clear(entityId: string): void;
}

export function createExporter({ kernel, scope, discovery, publish }: ExporterDeps): Exporter {
  const exported = new Set<string>();
  const lastDiscovery = new Map<string, string>();
  const isLocal = (id: string) => {
    const info = kernel.registry.get(id);
    return info !== undefined && !info.remote;
  };

  function publishState(id: string) {
    const state = kernel.states.get(id);
    if (!state || !isLocal(id)) return;
    exported.add(id);
    publish(scope.topics.state(scope.node, id), JSON.stringify(state), true);
  }

  /** Sends the config only when it differs from the last one (a light turns dimmable on its first reading). */
  function publishConfig(id: string, force: boolean) {
    const info = kernel.registry.get(id);
    if (!discovery || !info || info.remote) return;
    const text = JSON.stringify(discoveryPayload(scope, info, kernel.states.get(id)));
    if (!force && lastDiscovery.get(id) === text) return;
    lastDiscovery.set(id, text);
    publish(discoveryTopic(scope, id), text, true);
  }

  function clear(id: string) {
    exported.delete(id);
    lastDiscovery.delete(id);
    publish(scope.topics.state(scope.node, id), '', true);
    if (discovery) publish(discoveryTopic(scope, id), '', true);
  }

  const locals = () => kernel.registry.list().filter((e) => !e.remote).map((e) => e.id);

  return {
    publishAll() {
      for (const id of locals()) {
        publishConfig(id, true);
        publishState(id);
      }
    },
    publishDiscovery() {
      for (const id of locals()) publishConfig(id, true);
    },
    follow() {
      const offChanged = kernel.bus.on('state_changed', ({ entityId, oldState, newState }) => {
        if (!newState) {
          if (exported.has(entityId)) clear(entityId);
          return;
        }
        if (oldState?.attributes !== newState.attributes || !oldState) publishConfig(entityId, false);
        publishState(entityId);
      });
      const offRemoved = kernel.bus.on('entity_removed', ({ entityId }) => {
        if (exported.has(entityId)) clear(entityId);
      });
      return () => {
        offChanged();
        offRemoved();
      };
    },
    isExported: (id) => exported.has(id),
    clear,
  };
}
