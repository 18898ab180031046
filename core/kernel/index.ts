import type { Logger } from 'pino';
import { createCommandDispatcher, type CommandDispatcher } from './dispatcher.js';
import { createEventBus, type EventBus } from './events.js';
import { createEntityRegistry, type EntityRegistry } from './registry.js';
import { createStateStore, type StateStore } from './state-store.js';

export * from './context.js';
export * from './domains.js';
export * from './entity.js';
export * from './events.js';
export * from './iso-time.js';
export * from './roles.js';
export type { CommandDispatcher, CommandHandler, CommandHandlers, CommandParamsObject, CommandRequest } from './dispatcher.js';
export type { EntityRegistration, EntityRegistry } from './registry.js';
export type { StatePatch, StateStore } from './state-store.js';

/** The four separate pieces of the runtime's heart, wired together. */
export interface Kernel {
  readonly bus: EventBus;
  readonly registry: EntityRegistry;
  readonly states: StateStore;
  readonly dispatcher: CommandDispatcher;
}

export function createKernel(log: Logger, now?: () => number): Kernel {
  const bus = createEventBus(log);
  const registry = createEntityRegistry(bus);
  const states = createStateStore(bus, now);
  const dispatcher = createCommandDispatcher({ bus, registry, states });
  return { bus, registry, states, dispatcher };
}
