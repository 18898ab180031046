import type { Context } from '../kernel/context.js';
import type { CommandHandlers } from '../kernel/dispatcher.js';
import type { EntityState } from '../kernel/entity.js';
import type { Kernel, StatePatch } from '../kernel/index.js';
import { createContext, currentContext } from '../kernel/index.js';
import type { EntityDefinition } from '../plugin-api.js';

/**
 * What a plugin runtime needs from the hub's entity world. In process it is the
 * kernel itself; in an isolated child it is a mirror plus IPC to the parent, so the
 * same runtime code serves both modes and a plugin cannot tell them apart.
 */
export interface EntityPort {
  /** Registers the entity for `owner`, initialises its state, installs command handlers. Throws on a clash. */
  add(definition: EntityDefinition, owner: string, handlers: CommandHandlers | undefined): void;
  update(entityId: string, patch: StatePatch, context?: Context): void;
  get(entityId: string): EntityState | undefined;
  onChange(cb: (newState: EntityState, oldState: EntityState | null) => void): () => void;
  fire(type: string, data: Record<string, unknown>, origin: string): void;
}

export function createKernelPort(kernel: Kernel): EntityPort {
  return {
    add(def, owner, handlers) {
      const info = kernel.registry.add({ id: def.id, owner, name: def.name, area: def.area, allowedRoles: def.allowedRoles });
      kernel.states.init(info, def.attributes);
      if (handlers) kernel.dispatcher.register(info.id, handlers);
    },
    update: (entityId, patch, context) => void kernel.states.update(entityId, patch, context),
    get: (entityId) => kernel.states.get(entityId),
    onChange: (cb) =>
      kernel.bus.on('state_changed', ({ newState, oldState }) => {
        if (newState) cb(newState, oldState);
      }),
    fire(type, data, origin) {
      kernel.bus.emit('event', { type, data, context: currentContext() ?? createContext(), origin });
    },
  };
}
