import type { SqlConnection } from '../db/index.js';
import type { Dictionary } from './dictionary.js';
import { STAGED_PACK } from './keys.js';
import { encodeValue, storesText, type StoredState } from './kinds.js';
import type { LogbookRow } from './logbook-entries.js';

/** One recorded state, as queued between commits. */
export interface QueuedState {
  entityId: string;
  ms: number;
  state: StoredState;
  /** Attributes as JSON, or `undefined` when unchanged since this entity's previous row. */
  attributesJson: string | undefined;
  /** With new attributes: whether they make the entity a counter (`stateClass: total_increasing`). */
  counter?: boolean;
}

/** Writes a batch in one transaction: one fsync-worth of work per commit interval; answers the logbook rows' ids, in order. */
export function createWriter(sqlite: SqlConnection, dictionary: Dictionary) {
  // appended to the time-clustered staging table (fold.ts moves it on); OR REPLACE:
  // two changes of one entity in the same millisecond keep the last
  const insertState = sqlite.prepare(`INSERT OR REPLACE INTO states_staged (key, value, text, attributes) VALUES (${STAGED_PACK}, ?, ?, ?)`);
  const insertLogbook = sqlite.prepare(
    `INSERT INTO logbook (ms, kind, entity_id, what, outcome, context_id, user_id, automation_id, parent_id, node, address, details)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const lastAttributes = new Map<string, number | null>();

  const write = (batch: readonly QueuedState[], entries: readonly LogbookRow[]): number[] =>
    sqlite.transaction(() => {
      for (const item of batch) {
        const entity = dictionary.ensureEntity(item.entityId);
        if (item.counter !== undefined) dictionary.markCounter(item.entityId, item.counter);
        const text = storesText(entity.kind, item.state) ? dictionary.ensureText(item.state) : null;
        let attributes = lastAttributes.get(item.entityId) ?? null;
        if (item.attributesJson !== undefined) {
          attributes = item.attributesJson === '{}' ? null : dictionary.ensureAttributes(item.attributesJson);
          lastAttributes.set(item.entityId, attributes);
        }
        insertState.run(item.ms, entity.id, encodeValue(entity.kind, item.state), text, attributes);
      }
      return entries.map((e) => {
        const c = e.context;
        return insertLogbook.run(
          e.ms, e.kind, e.entityId, e.what, e.outcome,
          c?.id ?? null, c?.userId ?? null, c?.automationId ?? null, c?.parentId ?? null, c?.node ?? null,
          e.address, e.details,
        ).lastInsertRowid;
      });
    });

  return (batch: readonly QueuedState[], entries: readonly LogbookRow[]): number[] => {
    try {
      return write(batch, entries);
    } catch (err) {
      // ids handed out inside the rolled-back transaction do not exist; the batch is retried whole, in order
      dictionary.reset();
      throw err;
    }
  };
}
