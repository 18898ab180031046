import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/index.js';
import { schedules } from './schema.js';

export interface StoredSchedule {
  id: string;
  /** As saved; parsed again at start, since the schema may have moved on. */
  definition: unknown;
}

export function createScheduleStore({ db }: DatabaseHandle, now: () => number = Date.now) {
  return {
    list(): StoredSchedule[] {
      return db.select().from(schedules).all().map((r) => ({ id: r.id, definition: JSON.parse(r.definition) as unknown }));
    },
    put(id: string, definition: unknown): void {
      const at = now();
      const json = JSON.stringify(definition);
      db.insert(schedules).values({ id, definition: json, createdAt: at, updatedAt: at }).onConflictDoUpdate({ target: schedules.id, set: { definition: json, updatedAt: at } }).run();
    },
    remove(id: string): void {
      db.delete(schedules).where(eq(schedules.id, id)).run();
    },
  };
}
