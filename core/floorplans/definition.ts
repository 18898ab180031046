import { z } from 'zod';
import { selfIntersection } from './geometry.js';

const AREA_ID = /^[a-z0-9_]+$/;

/** A corner on the plan's grid: whole cells, so every room is snapped. */
const point = z.tuple([z.number().int('snap to the grid: whole cells only').min(0), z.number().int('snap to the grid: whole cells only').min(0)]);

const room = z.strictObject({
  area: z.string().regex(AREA_ID, 'an area id: lower-case letters, digits and _'),
  /** Shown instead of the area's name. */
  label: z.string().min(1).max(60).optional(),
  /** Corners in grid cells, in drawing order; a rectangle is four corners. */
  polygon: z.array(point).min(3, 'a room needs at least 3 corners').max(64),
});

const item = z.strictObject({
  entityId: z.string().regex(/^[a-z_]+\.[a-z0-9_]+$/, 'an entity id such as light.kitchen'),
  /** Relative to the plan's width and height (0–1), so a placement survives any resize. */
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
});

export const floorplanSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9_-]{1,40}$/, 'use 1–40 lower-case letters, digits, - and _').optional(),
    name: z.string().min(1).max(60),
    /** 0 the ground floor, 1 the first floor, -1 the cellar: one plan per level. */
    level: z.number().int().min(-5).max(30).default(0),
    /** The drawing grid, in cells; rooms' corners lie on it. */
    grid: z.strictObject({ columns: z.number().int().min(4).max(200), rows: z.number().int().min(4).max(200) }).default({ columns: 40, rows: 30 }),
    /** `drawn`: the rooms are the picture; `image`: the uploaded picture (PUT …/image) lies under them. */
    background: z.strictObject({ kind: z.enum(['drawn', 'image']) }).default({ kind: 'drawn' }),
    rooms: z.array(room).max(100).default([]),
    items: z.array(item).max(500).default([]),
  })
  .superRefine((plan, ctx) => {
    plan.rooms.forEach((r, i) => {
      const path = ['rooms', i, 'polygon'];
      r.polygon.forEach(([x, y], k) => {
        if (x > plan.grid.columns || y > plan.grid.rows) ctx.addIssue({ code: 'custom', path: [...path, k], message: `outside the ${plan.grid.columns}×${plan.grid.rows} grid` });
      });
      const repeated = r.polygon.findIndex(([x, y], k) => r.polygon.findIndex(([x2, y2]) => x2 === x && y2 === y) !== k);
      if (repeated >= 0) return ctx.addIssue({ code: 'custom', path: [...path, repeated], message: 'a corner is repeated' });
      const crossing = selfIntersection(r.polygon);
      // A simple outline always encloses an area, so this also refuses flat rooms.
      if (crossing) ctx.addIssue({ code: 'custom', path, message: `the outline crosses itself (edges ${crossing[0]} and ${crossing[1]})` });
    });
    const seen = new Set<string>();
    plan.items.forEach((it, i) => {
      if (seen.has(it.entityId)) ctx.addIssue({ code: 'custom', path: ['items', i, 'entityId'], message: `${it.entityId} is placed twice` });
      seen.add(it.entityId);
    });
  });

export type FloorplanInput = z.input<typeof floorplanSchema>;
export type FloorplanDefinition = z.output<typeof floorplanSchema> & { id: string };
export type Room = z.output<typeof room>;
export type PlacedItem = z.output<typeof item>;
