import type { Context, Role } from './context-type.js';
import type { Domain, StateValue } from './domains.js';

export type { Role } from './context-type.js';

export type Attributes = Readonly<Record<string, unknown>>;

/** A frozen snapshot of one entity, replaced whole on every change (DESIGN §2). */
export interface EntityState {
  readonly id: string;
  readonly domain: Domain;
  readonly name: string;
  readonly area: string | null;
  readonly state: StateValue | null;
  readonly attributes: Attributes;
  readonly available: boolean;
  /** ISO 8601 UTC: moves only when `state` changes. */
  readonly lastChanged: string;
  /** ISO 8601 UTC: moves when state or attributes change. */
  readonly lastUpdated: string;
  readonly context: Context;
}

/** Static facts about an entity, held by the registry. */
export interface EntityInfo {
  readonly id: string;
  readonly domain: Domain;
  readonly name: string;
  readonly area: string | null;
  /** Plugin instance (or remote node, `node:<name>`) that owns the entity. */
  readonly owner: string;
  /** Roles allowed to command it; absent = every signed-in role. */
  readonly allowedRoles?: readonly Role[];
  /** Mirrored from another hub (MQTT federation); never re-exported. */
  readonly remote?: { node: string };
  readonly recorder?: RecorderHints;
}

/** How history records an entity (the live state is never affected). */
export interface RecorderHints {
  /**
   * Attributes left out of history rows: big ones that change on every update (a weather
   * forecast is 6–8 KB) would otherwise add a new stored attribute set at each reading.
   */
  readonly excludeAttributes?: readonly string[];
}

/** Turns `living_room_temperature` into `Living room temperature`. */
export function nameFromId(id: string): string {
  const object = id.slice(id.indexOf('.') + 1).replace(/_/g, ' ');
  return object.charAt(0).toUpperCase() + object.slice(1);
}
