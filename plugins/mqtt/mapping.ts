import type { Domain, StateValue } from '../../core/plugin-api.js';
import type { TopicEntity } from './config.js';

/** Walks `a.b[0].c` (an optional leading `$.` is ignored) through a parsed JSON value. */
export function readPath(value: unknown, path: string): unknown {
  const steps = path.replace(/^\$\.?/, '').match(/[^.[\]]+/g) ?? [];
  let at = value;
  for (const step of steps) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string, unknown>)[step];
  }
  return at;
}

/** The raw value of a payload: the JSON value at `path`, else the payload itself (a number when it is one). */
export function extract(payload: string, path: string | undefined): unknown {
  if (path !== undefined) {
    try {
      return readPath(JSON.parse(payload), path);
    } catch {
      return undefined;
    }
  }
  const trimmed = payload.trim();
  return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}

const ON = new Set(['on', 'true', '1', 'yes', 'open']);
const OFF = new Set(['off', 'false', '0', 'no', 'closed', 'close']);
const COVER = new Set(['open', 'opening', 'closed', 'closing']);

/** A raw value as the domain's state, or undefined when it means nothing to that domain. */
export function toState(domain: Domain, raw: unknown, map?: Readonly<Record<string, string | number>>): StateValue | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === null) return null;
  const mapped = map && Object.hasOwn(map, String(raw)) ? map[String(raw)] : raw;
  const word = String(mapped).toLowerCase();
  switch (domain) {
    case 'sensor': {
      const n = typeof mapped === 'number' ? mapped : Number(mapped);
      return typeof mapped !== 'boolean' && String(mapped).trim() !== '' && Number.isFinite(n) ? n : undefined;
    }
    case 'cover':
      return COVER.has(word) ? (word as StateValue) : undefined;
    default:
      return ON.has(word) ? 'on' : OFF.has(word) ? 'off' : undefined;
  }
}

const DEFAULT_PAYLOADS: Readonly<Record<string, string>> = {
  turn_on: 'ON',
  turn_off: 'OFF',
  open: 'OPEN',
  close: 'CLOSE',
  stop: 'STOP',
  set_position: '{{position}}',
};

/** The payload a command sends, from the entity's template (or the common default) and the command's params. */
export function commandPayload(entity: Pick<TopicEntity, 'commandPayloads'>, command: string, params: Readonly<Record<string, unknown>>): string | undefined {
  const template = entity.commandPayloads?.[command] ?? DEFAULT_PAYLOADS[command];
  if (template === undefined) return undefined;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => (params[name] === undefined ? '' : String(params[name])));
}

/** The state a command leads to, for optimistic entities (no state topic to confirm it). */
export function optimisticState(command: string): StateValue | undefined {
  return ({ turn_on: 'on', turn_off: 'off', open: 'open', close: 'closed' } as const)[command as 'turn_on'];
}
