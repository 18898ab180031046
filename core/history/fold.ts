/**
 * Moves staged readings into the entity-clustered `states` table in one
 * transaction: a crash leaves every row in exactly one of the two tables.
 * Done rarely (hourly), so each page of `states` is written about once, full.
 */
import type { SqlConnection } from '../db/index.js';
import { STAGED_TO_KEY } from './keys.js';

/** Returns a function that folds every staged row and answers how many it moved. */
export function createFold(sqlite: SqlConnection): () => number {
  // in `states` key order, so each entity's new rows are appended together
  const move = sqlite.prepare(
    `INSERT OR REPLACE INTO states (key, value, text, attributes)
     SELECT ${STAGED_TO_KEY} AS k, value, text, attributes FROM states_staged ORDER BY k`,
  );
  const clear = sqlite.prepare('DELETE FROM states_staged');
  return () =>
    sqlite.transaction(() => {
      const moved = move.run().changes;
      clear.run();
      return moved;
    });
}
