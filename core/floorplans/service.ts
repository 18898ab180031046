import type { Logger } from 'pino';
import { describeZodIssues } from '../config/zod-issues.js';
import { formatPath, type KeyPath } from '../config/index.js';
import type { DatabaseHandle } from '../db/index.js';
import { ConflictError, NotFoundError, UnsupportedMediaTypeError, ValidationError } from '../errors.js';
import type { Kernel } from '../kernel/index.js';
import { floorplanSchema, type FloorplanDefinition } from './definition.js';
import { IMAGE_TYPES, sniffImage, type ImageType } from './image.js';
import './events.js';
import { createFloorplanStore } from './store.js';
import { sanitiseSvg, SvgRejected } from './svg.js';

/** A plan as the API shows it: its definition, and where its uploaded background is. */
export type Floorplan = Omit<FloorplanDefinition, 'background'> & {
  background: { kind: 'drawn' | 'image'; image?: { contentType: ImageType; url: string } };
};

export interface PersonLocation {
  userId: string;
  area: string;
  /** ISO time the pin disappears. */
  until: string;
}

export interface FloorplansDeps {
  database: DatabaseHandle;
  kernel: Pick<Kernel, 'registry' | 'bus'>;
  /** The areas of hearth.yaml; those of the entities count too. */
  areas: () => readonly string[];
  log: Logger;
  /** How long an "I am here" pin stays, unless its request says otherwise. */
  pinMinutes?: number;
  now?: () => number;
}

interface Issue {
  path: string;
  message: string;
}

function invalid(issues: readonly Issue[]): never {
  throw new ValidationError(`invalid floor plan: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`, issues);
}

const issue = (path: KeyPath, message: string): Issue => ({ path: formatPath(path), message });

const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 40) || 'plan';

export function createFloorplans(deps: FloorplansDeps) {
  const now = deps.now ?? Date.now;
  const store = createFloorplanStore(deps.database, now);
  const pinMinutes = deps.pinMinutes ?? 240;

  /** When the next pin expires, so its disappearance is announced like any other change. */
  let expiry: ReturnType<typeof setTimeout> | undefined;

  function people(): PersonLocation[] {
    return store.locations().map((l) => ({ userId: l.userId, area: l.area, until: new Date(l.until).toISOString() }));
  }

  function announce(): void {
    clearTimeout(expiry);
    const current = people();
    deps.kernel.bus.emit('people_changed', { people: current });
    watchExpiry(current);
  }

  function watchExpiry(current: readonly PersonLocation[]): void {
    clearTimeout(expiry);
    if (!current.length) return;
    const next = Math.min(...current.map((p) => Date.parse(p.until)));
    // +1: a pin whose `until` is now still counts (the store keeps `until > now`).
    expiry = setTimeout(announce, Math.max(0, next - now() + 1));
    expiry.unref();
  }

  const knownAreas = () => new Set([...deps.areas(), ...deps.kernel.registry.list().flatMap((e) => (e.area ? [e.area] : []))]);

  /** Shape by zod, then what only the running hub knows: its areas and entities. */
  function parse(input: unknown): Omit<FloorplanDefinition, 'id'> & { id?: string } {
    const parsed = floorplanSchema.safeParse(input);
    if (!parsed.success) invalid(describeZodIssues(floorplanSchema, parsed.error.issues, input).map((i) => issue(i.path, i.message)));
    const plan = parsed.data!;
    const areas = knownAreas();
    const issues = [
      ...plan.rooms.flatMap((r, i) => (areas.has(r.area) ? [] : [issue(['rooms', i, 'area'], `unknown area '${r.area}' (known: ${[...areas].join(', ') || 'none'})`)])),
      ...plan.items.flatMap((it, i) => (deps.kernel.registry.get(it.entityId) ? [] : [issue(['items', i, 'entityId'], `unknown entity ${it.entityId}`)])),
    ];
    if (issues.length) invalid(issues);
    return plan;
  }

  function present(id: string): Floorplan {
    const stored = store.get(id);
    if (!stored) throw new NotFoundError(`no floor plan ${id}`);
    const definition = stored.definition as FloorplanDefinition;
    const image = stored.imageType ? { contentType: stored.imageType, url: `/api/floorplans/${encodeURIComponent(id)}/image` } : undefined;
    return { ...definition, id, background: { kind: definition.background.kind, ...(image && { image }) } };
  }

  function save(id: string, plan: Omit<FloorplanDefinition, 'id'>): Floorplan {
    const other = store.atLevel(plan.level);
    if (other !== undefined && other !== id) throw new ConflictError(`level ${plan.level} already has the plan ${other}; one plan per level`);
    store.put(id, plan.level, { ...plan, id });
    return present(id);
  }

  return {
    name: 'floorplans',
    async start(): Promise<void> {
      watchExpiry(people());
    },
    async stop(): Promise<void> {
      clearTimeout(expiry);
      expiry = undefined;
    },
    list(): Floorplan[] {
      return store.list().map((p) => present(p.id));
    },
    get: present,
    create(input: unknown): Floorplan {
      const plan = parse(input);
      const id = plan.id ?? slug(plan.name);
      if (store.get(id)) throw new ConflictError(`a floor plan ${id} exists already`);
      return save(id, plan);
    },
    replace(id: string, input: unknown): Floorplan {
      present(id);
      const plan = parse(input);
      if (plan.id !== undefined && plan.id !== id) invalid([issue(['id'], `the body says ${plan.id} but the path says ${id}`)]);
      return save(id, plan);
    },
    remove(id: string): void {
      present(id);
      store.remove(id);
    },
    /** Checks the bytes, not the declared type; an SVG is stored sanitised. */
    putImage(id: string, bytes: Uint8Array, declared: string | undefined): Floorplan {
      present(id);
      const type = sniffImage(bytes);
      if (!type) throw new UnsupportedMediaTypeError(`a background must be ${IMAGE_TYPES.join(', ')}; these bytes are none of them`);
      const claimed = declared?.split(';')[0]!.trim().toLowerCase();
      if (claimed && claimed !== 'application/octet-stream' && claimed !== type) throw new UnsupportedMediaTypeError(`the body is ${type} but Content-Type says ${claimed}`);
      let image = Buffer.from(bytes);
      if (type === 'image/svg+xml') {
        try {
          image = Buffer.from(sanitiseSvg(new TextDecoder('utf-8', { fatal: true }).decode(bytes)));
        } catch (err) {
          if (err instanceof SvgRejected || err instanceof TypeError) throw new ValidationError(`refused SVG: ${err.message}`);
          throw err;
        }
      }
      store.putImage(id, image, type);
      return present(id);
    },
    /** Back to the drawn rooms alone; a plan without a picture is left as it is. */
    removeImage(id: string): Floorplan {
      present(id);
      store.removeImage(id);
      return present(id);
    },
    image(id: string): { image: Buffer; type: ImageType } {
      present(id);
      const found = store.image(id);
      if (!found) throw new NotFoundError(`the floor plan ${id} has no uploaded background`);
      return found;
    },
    /** Plans for a hub that has none yet (the demo house's); never again once any plan was saved. */
    seed(plans: readonly unknown[]): void {
      if (store.list().length) return;
      for (const [i, input] of plans.entries()) {
        try {
          this.create(input);
        } catch (err) {
          deps.log.error({ err: (err as Error).message }, `floor plan seed ${i} skipped`);
        }
      }
    },
    people,
    /** A user's "I am here" pin (null removes it); it disappears by itself after `minutes`. */
    pin(userId: string, area: string | null, minutes = pinMinutes): PersonLocation | undefined {
      if (area !== null && !knownAreas().has(area)) throw new ValidationError(`area: unknown area '${area}'`, [{ path: 'area', message: `unknown area '${area}'` }]);
      const until = now() + minutes * 60_000;
      store.setLocation(userId, area, until);
      announce();
      return area === null ? undefined : { userId, area, until: new Date(until).toISOString() };
    },
  };
}
export type Floorplans = ReturnType<typeof createFloorplans>;
