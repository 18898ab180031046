import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

import type { Context } from './context-type.js';

export type { Context } from './context-type.js';

export type ContextOrigin = Omit<Context, 'id'>;

export function createContext(origin: ContextOrigin = {}): Context {
  return Object.freeze({ id: randomUUID(), ...stripUndefined(origin) });
}

/** A context caused by `parent`: keeps the user, links back through `parentId`. */
export function childContext(parent: Context, origin: ContextOrigin = {}): Context {
  return createContext({ userId: parent.userId, ...stripUndefined(origin), parentId: parent.id });
}

/**
 * The context of the command being handled. A plugin's handler (and the timers it
 * starts) run inside it, so a state set later — a shutter reaching its end stop —
 * still says who asked for it without the plugin passing contexts around.
 */
const current = new AsyncLocalStorage<Context>();

export function runInContext<T>(context: Context, fn: () => T): T {
  return current.run(context, fn);
}

export function currentContext(): Context | undefined {
  return current.getStore();
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
