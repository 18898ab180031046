/**
 * Which plugin's code is running. The runtime sets the scope around everything it
 * calls in a plugin (setup, handlers, timers, subscriptions); Node carries it into
 * whatever that code starts — a raw `setTimeout`, an event emitter's socket, a
 * promise chain — so an error thrown there can still be blamed on its plugin.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { dirname, sep } from 'node:path';

export interface PluginScope {
  pluginId: string;
  /** The entity whose command handler started this work, if any. */
  entityId?: string;
}

const scope = new AsyncLocalStorage<PluginScope>();

export function runInPluginScope<T>(current: PluginScope, fn: () => T): T {
  return scope.run(current, fn);
}

/**
 * Runs hub code a plugin called into (a state update, an event) outside its scope:
 * timers an automation starts there are the hub's, not the plugin's.
 */
export function runOutsidePluginScope<T>(fn: () => T): T {
  return scope.exit(fn);
}

export function currentPluginScope(): PluginScope | undefined {
  return scope.getStore();
}

/** A plugin whose module folder can be searched for in stack traces. */
export interface PluginModule {
  pluginId: string;
  file: string;
}

/**
 * The plugins to blame for an error: the scope it surfaced in, else every plugin
 * whose module folder holds the innermost stack frame that belongs to any (instances
 * of one module share its code, so none of them can be told apart). Bun runs an
 * unhandled rejection's handler outside the scope; the stack still names the module.
 */
export function blamedPlugins(err: unknown, modules: readonly PluginModule[]): string[] {
  const inScope = scope.getStore();
  if (inScope) return [inScope.pluginId];
  const stack = err instanceof Error ? (err.stack ?? '') : '';
  const folders = modules.map((m) => ({ pluginId: m.pluginId, folder: dirname(m.file) + sep }));
  for (const line of stack.split('\n').slice(1)) {
    const frame = line.replace(/file:\/\//g, '');
    const owners = folders.filter((f) => frame.includes(f.folder)).map((f) => f.pluginId);
    if (owners.length) return owners;
  }
  return [];
}
