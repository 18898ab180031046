import type { LogbookEntry } from './logbook-query.js';

/** A logbook entry as clients get it, over REST (GET /api/logbook) and the WebSocket alike. */
export type LogbookView = LogbookEntry & { when: string; userName?: string };

/** Resolves a user id to a name, so entries can say "Alice" rather than an id. */
export type ResolveUserName = (userId: string) => string | undefined;

export function presentLogbookEntry(entry: LogbookEntry, resolveUserName?: ResolveUserName): LogbookView {
  const userId = entry.context?.userId;
  const userName = userId === undefined ? undefined : resolveUserName?.(userId);
  return { ...entry, when: new Date(entry.ms).toISOString(), ...(userName !== undefined && { userName }) };
}
