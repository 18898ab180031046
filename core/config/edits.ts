/** Pure changes of what the config file says (the `raw` of a ConfigSnapshot), for the config-edit API. */
import { ValidationError } from '../errors.js';
import { formatPath, type KeyPath } from './issues.js';

type Raw = Record<string, unknown>;

/** `raw` with the value at `path` replaced (or removed when `value` is undefined); missing maps on the way are created. */
export function setAt(raw: Raw, path: KeyPath, value: unknown): Raw {
  if (path.length === 0) throw new ValidationError('give a path of at least one key');
  const [head, ...rest] = path;
  return setIn(raw, head!, rest, value, []) as Raw;
}

function setIn(container: unknown, key: string | number, rest: KeyPath, value: unknown, at: (string | number)[]): unknown {
  const here = [...at, key];
  if (Array.isArray(container)) {
    if (typeof key !== 'number' || key < 0 || key > container.length) throw new ValidationError(`${formatPath(here)}: no such list item`);
    const copy = [...container];
    const child = rest.length ? setIn(copy[key] ?? {}, rest[0]!, rest.slice(1), value, here) : value;
    if (child === undefined) copy.splice(key, 1);
    else copy[key] = child;
    return copy;
  }
  if (container === null || typeof container !== 'object') throw new ValidationError(`${formatPath(at)}: not a mapping`);
  const copy: Raw = { ...(container as Raw) };
  const child = rest.length ? setIn(copy[String(key)] ?? {}, rest[0]!, rest.slice(1), value, here) : value;
  if (child === undefined) delete copy[String(key)];
  else copy[String(key)] = child;
  return copy;
}

export interface AreasChange {
  /** The new list, in dashboard order. */
  areas: readonly string[];
  /** Old name → new name: devices in the old area follow. */
  renamed?: Readonly<Record<string, string>>;
  /** A removed area → where its devices go (another area, or `null`: none). Default: none. */
  moveDevices?: Readonly<Record<string, string | null>>;
}

/**
 * `raw` with a new `areas:` list, every `area:` key under `plugins:` following the
 * renames, and devices of a removed area moved where `moveDevices` says.
 */
export function changeAreas(raw: Raw, change: AreasChange): Raw {
  const before = Array.isArray(raw.areas) ? (raw.areas as unknown[]).map(String) : [];
  const renamed = change.renamed ?? {};
  const removed = new Set(before.filter((a) => !change.areas.includes(a) && !Object.hasOwn(renamed, a)));
  const retarget = (area: string): string | null | undefined => {
    if (Object.hasOwn(renamed, area)) return renamed[area];
    if (removed.has(area)) return change.moveDevices?.[area] ?? null;
    return area;
  };
  return { ...raw, areas: [...change.areas], plugins: mapAreaKeys(raw.plugins, retarget) };
}

function mapAreaKeys(value: unknown, retarget: (area: string) => string | null | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => mapAreaKeys(v, retarget));
  if (value === null || typeof value !== 'object') return value;
  const out: Raw = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === 'area' && typeof child === 'string') {
      const area = retarget(child);
      if (area !== null && area !== undefined) out[key] = area;
    } else out[key] = mapAreaKeys(child, retarget);
  }
  return out;
}
