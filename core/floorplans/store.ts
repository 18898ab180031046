import { asc, eq, gt, lte } from 'drizzle-orm';
import type { DatabaseHandle } from '../db/index.js';
import type { ImageType } from './image.js';
import { floorplans, peopleLocations } from './schema.js';

export interface StoredFloorplan {
  id: string;
  level: number;
  /** As saved; parsed again on read, since the schema may have moved on. */
  definition: unknown;
  imageType: ImageType | null;
}

export interface StoredLocation {
  userId: string;
  area: string;
  until: number;
}

export function createFloorplanStore({ db }: DatabaseHandle, now: () => number) {
  const columns = { id: floorplans.id, level: floorplans.level, definition: floorplans.definition, imageType: floorplans.imageType };
  const toStored = (r: { id: string; level: number; definition: string; imageType: string | null }): StoredFloorplan => ({
    ...r,
    definition: JSON.parse(r.definition) as unknown,
    imageType: r.imageType as ImageType | null,
  });
  return {
    list(): StoredFloorplan[] {
      return db.select(columns).from(floorplans).orderBy(asc(floorplans.level)).all().map(toStored);
    },
    get(id: string): StoredFloorplan | undefined {
      const row = db.select(columns).from(floorplans).where(eq(floorplans.id, id)).get();
      return row && toStored(row);
    },
    atLevel(level: number): string | undefined {
      return db.select({ id: floorplans.id }).from(floorplans).where(eq(floorplans.level, level)).get()?.id;
    },
    put(id: string, level: number, definition: unknown): void {
      const at = now();
      const json = JSON.stringify(definition);
      db.insert(floorplans).values({ id, level, definition: json, createdAt: at, updatedAt: at }).onConflictDoUpdate({ target: floorplans.id, set: { level, definition: json, updatedAt: at } }).run();
    },
    remove(id: string): void {
      db.delete(floorplans).where(eq(floorplans.id, id)).run();
    },
    removeImage(id: string): void {
      db.update(floorplans).set({ image: null, imageType: null, updatedAt: now() }).where(eq(floorplans.id, id)).run();
    },
    putImage(id: string, image: Buffer, type: ImageType): void {
      db.update(floorplans).set({ image, imageType: type, updatedAt: now() }).where(eq(floorplans.id, id)).run();
    },
    image(id: string): { image: Buffer; type: ImageType } | undefined {
      const row = db.select({ image: floorplans.image, type: floorplans.imageType }).from(floorplans).where(eq(floorplans.id, id)).get();
      return row?.image && row.type ? { image: Buffer.from(row.image), type: row.type as ImageType } : undefined;
    },
    locations(): StoredLocation[] {
      return db.select().from(peopleLocations).where(gt(peopleLocations.until, now())).all();
    },
    setLocation(userId: string, area: string | null, until: number): void {
      // Expired pins go on every write: they are never read again.
      db.delete(peopleLocations).where(lte(peopleLocations.until, now())).run();
      if (area === null) db.delete(peopleLocations).where(eq(peopleLocations.userId, userId)).run();
      else db.insert(peopleLocations).values({ userId, area, until }).onConflictDoUpdate({ target: peopleLocations.userId, set: { area, until } }).run();
    },
  };
}
export type FloorplanStore = ReturnType<typeof createFloorplanStore>;
