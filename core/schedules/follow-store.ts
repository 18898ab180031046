import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/index.js';
import { scheduleFollows } from './schema.js';

export interface StoredFollow {
  entityId: string;
  /** `schedule.<id>`. */
  schedule: string;
}

export function createFollowStore({ db }: DatabaseHandle, now: () => number = Date.now) {
  return {
    list(): StoredFollow[] {
      return db.select({ entityId: scheduleFollows.entityId, schedule: scheduleFollows.schedule }).from(scheduleFollows).all();
    },
    put(entityId: string, schedule: string): void {
      const updatedAt = now();
      db.insert(scheduleFollows).values({ entityId, schedule, updatedAt }).onConflictDoUpdate({ target: scheduleFollows.entityId, set: { schedule, updatedAt } }).run();
    },
    remove(entityId: string): void {
      db.delete(scheduleFollows).where(eq(scheduleFollows.entityId, entityId)).run();
    },
  };
}
