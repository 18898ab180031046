import type { LogbookEntry, LogbookView } from './logbook-entry.js';

export type { LogbookView } from './logbook-entry.js';

/** Resolves a user id to a name, so entries can say "Alice" rather than an id. */
export type ResolveUserName = (userId: string) => string | undefined;

export function presentLogbookEntry(entry: LogbookEntry, resolveUserName?: ResolveUserName): LogbookView {
  const userId = entry.context?.userId;
  const userName = userId === undefined ? undefined : resolveUserName?.(userId);
  return { ...entry, when: new Date(entry.ms).toISOString(), ...(userName !== undefined && { userName }) };
}
