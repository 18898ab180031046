import type { SqlConnection, SqlValue } from '../db/index.js';
import type { Context } from '../kernel/index.js';
import type { LogbookEntry, LogbookPage } from './logbook-entry.js';

export type { LogbookEntry, LogbookPage } from './logbook-entry.js';

export interface LogbookQuery {
  start: number;
  end: number;
  entity?: string;
  /** Entries about any of these entities (an area's); an empty list matches nothing. */
  entities?: readonly string[];
  kinds?: readonly LogbookEntry['kind'][];
  /** Entries whose context names this user or this automation. */
  userId?: string;
  automationId?: string;
  limit: number;
  /** Cursor: only entries older than this id (the `next` of the previous page). */
  before?: number;
}


type Raw = Record<string, SqlValue> & {
  id: number; ms: number; kind: LogbookEntry['kind']; entity_id: string | null; what: string; outcome: string | null;
  context_id: string | null; user_id: string | null; automation_id: string | null; parent_id: string | null; node: string | null;
  address: string | null; details: string | null;
};

/** Newest first, paginated by id (entries are inserted in time order). */
export function createLogbookQuery(sqlite: SqlConnection) {
  return (q: LogbookQuery): LogbookPage => {
    const where = ['ms BETWEEN ? AND ?'];
    const params: SqlValue[] = [q.start, q.end];
    if (q.entity !== undefined) {
      where.push('entity_id = ?');
      params.push(q.entity);
    }
    const any = (column: string, values: readonly SqlValue[]) => {
      where.push(`${column} IN (${values.map(() => '?').join(', ') || 'NULL'})`);
      params.push(...values);
    };
    if (q.entities !== undefined) any('entity_id', q.entities);
    if (q.kinds !== undefined) any('kind', q.kinds);
    if (q.userId !== undefined) any('user_id', [q.userId]);
    if (q.automationId !== undefined) any('automation_id', [q.automationId]);
    if (q.before !== undefined) {
      where.push('id < ?');
      params.push(q.before);
    }
    const found = sqlite.prepare(`SELECT * FROM logbook WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT ?`).all<Raw>(...params, q.limit + 1);
    const entries = found.slice(0, q.limit).map(toEntry);
    return found.length > q.limit ? { entries, next: entries.at(-1)!.id } : { entries };
  };
}

function toEntry(r: Raw): LogbookEntry {
  const context: Context | null = r.context_id === null ? null : Object.fromEntries(
    Object.entries({ id: r.context_id, userId: r.user_id, automationId: r.automation_id, parentId: r.parent_id, node: r.node }).filter(([, v]) => v !== null),
  ) as unknown as Context;
  return {
    id: r.id, ms: r.ms, kind: r.kind, entityId: r.entity_id, what: r.what, outcome: r.outcome, context, address: r.address,
    details: r.details === null ? null : (JSON.parse(r.details) as Record<string, unknown>),
  };
}
