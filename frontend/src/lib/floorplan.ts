import type { EntityState, Floorplan } from '../api/types.js';

export type Corner = [number, number];
export type Tint = 'alarm' | 'open' | 'light' | 'none';

/** What a room shows at a glance: its temperature, lights on, and the tint of the most urgent state. */
export interface RoomSummary {
  temperature?: string;
  lightsOn: number;
  tint: Tint;
}

const numeric = (e: EntityState) => typeof e.state === 'number';

export function summariseRoom(area: string, entities: Iterable<EntityState>): RoomSummary {
  let temperature: string | undefined;
  let lightsOn = 0;
  let open = false;
  let alarm = false;
  for (const e of entities) {
    if (e.area !== area || !e.available) continue;
    if (e.domain === 'light' && e.state === 'on') lightsOn++;
    if (e.domain === 'binary_sensor' && e.state === 'on' && (e.attributes.deviceClass === 'window' || e.attributes.deviceClass === 'door')) open = true;
    if (e.domain === 'alarm_control_panel' && e.state === 'triggered') alarm = true;
    if (temperature === undefined && e.domain === 'sensor' && e.attributes.deviceClass === 'temperature' && numeric(e)) {
      temperature = `${(e.state as number).toFixed(1)} ${typeof e.attributes.unit === 'string' ? e.attributes.unit : '°C'}`;
    }
  }
  // An alarm zone sounding in the room counts too: the panel names its open zones.
  for (const e of entities) if (e.domain === 'alarm_control_panel' && e.state === 'triggered' && zonesIn(e, area)) alarm = true;
  const tint: Tint = alarm ? 'alarm' : open ? 'open' : lightsOn > 0 ? 'light' : 'none';
  return { ...(temperature !== undefined && { temperature }), lightsOn, tint };
}

function zonesIn(panel: EntityState, area: string): boolean {
  const zones = panel.attributes.openZones;
  return Array.isArray(zones) && zones.some((z) => typeof z === 'string' && z.includes(area));
}

/**
 * Where a room's label goes: the cell centre inside the room farthest from its walls, so
 * an L-shaped garden gets its label in the garden, not in the bedroom its corners surround.
 */
export function labelPoint(polygon: readonly Corner[]): Corner {
  const cached = labels.get(polygon);
  if (cached) return cached;
  const xs = polygon.map((p) => p[0]);
  const ys = polygon.map((p) => p[1]);
  // Ties (every cell of a rectangle's middle band) go to the one nearest the corners' mean.
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let best: Corner = [mx, my];
  let bestScore = -Infinity;
  for (let x = Math.min(...xs) + 0.5; x < Math.max(...xs); x++) {
    for (let y = Math.min(...ys) + 0.5; y < Math.max(...ys); y++) {
      if (!inside(polygon, x, y)) continue;
      const score = distanceToEdges(polygon, x, y) - 0.01 * Math.hypot(x - mx, y - my);
      if (score > bestScore) [best, bestScore] = [[x, y], score];
    }
  }
  labels.set(polygon, best);
  return best;
}
const labels = new WeakMap<readonly Corner[], Corner>();

function inside(polygon: readonly Corner[], x: number, y: number): boolean {
  let result = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i]!;
    const [xj, yj] = polygon[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) result = !result;
  }
  return result;
}

function distanceToEdges(polygon: readonly Corner[], x: number, y: number): number {
  let min = Infinity;
  for (let i = 0; i < polygon.length; i++) {
    const [ax, ay] = polygon[i]!;
    const [bx, by] = polygon[(i + 1) % polygon.length]!;
    const len2 = (bx - ax) ** 2 + (by - ay) ** 2;
    const t = len2 ? Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / len2)) : 0;
    min = Math.min(min, Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))));
  }
  return min;
}

/** A pointer position (relative 0–1) to the nearest grid corner. */
export function snap(rx: number, ry: number, grid: Floorplan['grid']): Corner {
  return [Math.round(clamp01(rx) * grid.columns), Math.round(clamp01(ry) * grid.rows)];
}

export const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/** A pointer's position relative to a box, each axis 0–1 (clamped: a drag may leave it). */
export function relativeTo(rect: { left: number; top: number; width: number; height: number }, clientX: number, clientY: number): { x: number; y: number } {
  return { x: clamp01((clientX - rect.left) / rect.width), y: clamp01((clientY - rect.top) / rect.height) };
}

/** Pinch zoom: the new scale keeps the point between the fingers where it was. */
export interface View {
  scale: number;
  x: number;
  y: number;
}

export function zoomAbout(view: View, factor: number, cx: number, cy: number, min = 1, max = 5): View {
  const scale = Math.min(max, Math.max(min, view.scale * factor));
  const k = scale / view.scale;
  return { scale, x: cx - (cx - view.x) * k, y: cy - (cy - view.y) * k };
}

/** What `PUT /api/floorplans/:id/image` takes (core/floorplans/image.ts), checked before sending. */
export const BACKGROUND_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;
export const MAX_BACKGROUND_BYTES = 2 * 1024 * 1024;

/** Why a picked file cannot be a background, before uploading 2 MB for the hub to say so. */
export function backgroundProblem(file: { size: number; type: string }): 'type' | 'size' | undefined {
  if (!(BACKGROUND_TYPES as readonly string[]).includes(file.type)) return 'type';
  return file.size > MAX_BACKGROUND_BYTES ? 'size' : undefined;
}
