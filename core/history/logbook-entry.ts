/** The logbook's wire shapes. Dependency-free on purpose: the dashboard imports them as they are. */
import type { Context } from '../kernel/context-type.js';

export interface LogbookEntry {
  id: number;
  ms: number;
  kind: 'state' | 'command' | 'audit';
  entityId: string | null;
  what: string;
  outcome: string | null;
  context: Context | null;
  address: string | null;
  details: Record<string, unknown> | null;
}

/** A logbook entry as clients get it, over REST (GET /api/logbook) and the WebSocket alike. */
export type LogbookView = LogbookEntry & { when: string; userName?: string };

export interface LogbookPage {
  entries: LogbookEntry[];
  /** Pass as `before` for the next (older) page; absent on the last page. */
  next?: number;
}
