import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

import type { Context } from './context-type.js';

export type { Context } from './context-type.js';

export type ContextOrigin = Omit<Context, 'id'>;

/**
 * Context ids need to be unique, not secret: a random prefix per process and a counter
 * cost a fraction of a UUID, and a busy sensor makes one per reading.
 */
const idPrefix = randomBytes(9).toString('base64url');
let idCounter = 0;

export function createContext(origin: ContextOrigin = {}): Context {
  return Object.freeze(definedOnly({ id: `${idPrefix}.${(++idCounter).toString(36)}` }, origin));
}

/** A context caused by `parent`: keeps the user, links back through `parentId`. */
export function childContext(parent: Context, origin: ContextOrigin = {}): Context {
  return createContext({ ...origin, userId: origin.userId ?? parent.userId, parentId: parent.id });
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

/** `target` with the keys of `source` that are not undefined (plain objects only). */
function definedOnly<T extends object>(target: T, source: object): T {
  for (const key in source) {
    const value = (source as Record<string, unknown>)[key];
    if (value !== undefined) (target as Record<string, unknown>)[key] = value;
  }
  return target;
}
