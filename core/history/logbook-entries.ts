/** Pure mapping from bus events to logbook rows: what the audit trail keeps of each. */
import type { Context, EventMap } from '../kernel/index.js';
import type { LogbookEntry } from './logbook-entry.js';

/** A logbook entry before it has an id, its details still as stored (JSON). */
export type LogbookRow = Omit<LogbookEntry, 'id' | 'details'> & { details: string | null };

/**
 * A state change is logged when the state itself or the availability moved.
 * Numeric sensors change every few seconds; their story is told by history graphs,
 * so only their availability is logged (as Home Assistant does).
 */
export function stateEntry(event: EventMap['state_changed'], ms: number): LogbookRow | undefined {
  const { oldState, newState, entityId } = event;
  if (!newState) return row(ms, 'state', entityId, 'removed', null, oldState?.context ?? null);
  const availabilityMoved = (oldState?.available ?? true) !== newState.available;
  if (availabilityMoved) return row(ms, 'state', entityId, newState.available ? 'available' : 'unavailable', null, newState.context);
  if (newState.domain === 'sensor' || !oldState || oldState.state === newState.state || newState.state === null) return undefined;
  return row(ms, 'state', entityId, String(newState.state), null, newState.context);
}

export function commandEntry(event: EventMap['command_executed'], ms: number): LogbookRow {
  const details = Object.keys(event.params).length ? { params: event.params } : undefined;
  return {
    ...row(ms, 'command', event.entityId, event.command, event.ok ? 'ok' : 'failed', event.context),
    address: event.address ?? null,
    details: json({ ...details, ...(event.error && { error: event.error }) }),
  };
}

export function auditEntry(event: EventMap['audit'], ms: number): LogbookRow {
  return {
    ...row(ms, 'audit', event.target ?? null, event.action, event.outcome, event.context),
    address: event.address ?? null,
    details: json(event.details ?? {}),
  };
}

function row(ms: number, kind: LogbookRow['kind'], entityId: string | null, what: string, outcome: string | null, context: Context | null): LogbookRow {
  return { ms, kind, entityId, what, outcome, context, address: null, details: null };
}

function json(value: Record<string, unknown>): string | null {
  return Object.keys(value).length ? JSON.stringify(value) : null;
}

/**
 * A row as GET /api/logbook will read it back once written: the context keeps only its
 * stored columns and details go through JSON, so live subscribers see the same shape.
 */
export function writtenEntry(row: LogbookRow, id: number): LogbookEntry {
  const c = row.context;
  const context = c && (Object.fromEntries(
    Object.entries({ id: c.id, userId: c.userId, automationId: c.automationId, parentId: c.parentId, node: c.node }).filter(([, v]) => v !== undefined),
  ) as unknown as Context);
  return {
    id, ms: row.ms, kind: row.kind, entityId: row.entityId, what: row.what, outcome: row.outcome, context, address: row.address,
    details: row.details === null ? null : (JSON.parse(row.details) as Record<string, unknown>),
  };
}
