import type { SqlConnection } from '../db/index.js';
import { kindOf, type EntityKind } from './kinds.js';

export interface EntityRef {
  id: number;
  kind: EntityKind;
  /** A `total_increasing` sensor: its statistics carry `change` and `sum`. */
  counter: boolean;
}

/**
 * Small integer ids for entity ids, text states and attribute sets, cached in
 * memory. `ensure*` inserts when missing, so call it inside a write transaction.
 */
export interface Dictionary {
  entity(entityId: string): EntityRef | undefined;
  ensureEntity(entityId: string): EntityRef;
  /** Records whether an entity is a counter (its state class, read when its attributes change). */
  markCounter(entityId: string, counter: boolean): void;
  ensureText(text: string): number;
  ensureAttributes(json: string): number;
  text(id: number): string | undefined;
  attributes(id: number): string | undefined;
  /** Forgets every cached id: after a rolled-back transaction they may not exist. */
  reset(): void;
}

export function createDictionary(sqlite: SqlConnection): Dictionary {
  const entities = new Map<string, EntityRef>();
  const findEntity = sqlite.prepare('SELECT id, kind, counter FROM history_entities WHERE entity_id = ?');
  const addEntity = sqlite.prepare('INSERT INTO history_entities (entity_id, kind) VALUES (?, ?) RETURNING id');
  const setCounter = sqlite.prepare('UPDATE history_entities SET counter = ? WHERE id = ?');
  const texts = lookup(sqlite, 'history_texts', 'text');
  const attributes = lookup(sqlite, 'history_attributes', 'json');

  function entity(entityId: string): EntityRef | undefined {
    const cached = entities.get(entityId);
    if (cached) return cached;
    const row = findEntity.get<{ id: number; kind: EntityKind; counter: number }>(entityId);
    if (row) entities.set(entityId, { id: row.id, kind: row.kind, counter: row.counter === 1 });
    return row && entities.get(entityId);
  }

  return {
    entity,
    ensureEntity(entityId) {
      const found = entity(entityId);
      if (found) return found;
      const kind = kindOf(entityId);
      const row = addEntity.get<{ id: number }>(entityId, kind);
      const ref = { id: row!.id, kind, counter: false };
      entities.set(entityId, ref);
      return ref;
    },
    markCounter(entityId, counter) {
      const ref = entity(entityId);
      if (!ref || ref.counter === counter || ref.kind !== 'numeric') return;
      setCounter.run(counter ? 1 : 0, ref.id);
      entities.set(entityId, { ...ref, counter });
    },
    ensureText: texts.ensure,
    ensureAttributes: attributes.ensure,
    text: texts.byId,
    attributes: attributes.byId,
    reset() {
      entities.clear();
      texts.reset();
      attributes.reset();
    },
  };
}

/** A two-way cache over a (id, unique text column) table. */
function lookup(sqlite: SqlConnection, table: string, column: string) {
  const ids = new Map<string, number>();
  const values = new Map<number, string>();
  const find = sqlite.prepare(`SELECT id FROM ${table} WHERE ${column} = ?`);
  const byIdStmt = sqlite.prepare(`SELECT ${column} AS v FROM ${table} WHERE id = ?`);
  const add = sqlite.prepare(`INSERT INTO ${table} (${column}) VALUES (?) RETURNING id`);
  const remember = (value: string, id: number) => {
    ids.set(value, id);
    values.set(id, value);
    return id;
  };
  return {
    ensure(value: string): number {
      const cached = ids.get(value);
      if (cached !== undefined) return cached;
      const row = find.get<{ id: number }>(value) ?? add.get<{ id: number }>(value);
      return remember(value, row!.id);
    },
    byId(id: number): string | undefined {
      const cached = values.get(id);
      if (cached !== undefined) return cached;
      const row = byIdStmt.get<{ v: string }>(id);
      if (!row) return undefined;
      remember(row.v, id);
      return row.v;
    },
    reset() {
      ids.clear();
      values.clear();
    },
  };
}
