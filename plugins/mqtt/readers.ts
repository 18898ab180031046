import type { AvailabilitySource, TopicEntity } from './config.js';
import { extract } from './mapping.js';
import { compileTemplate } from './template.js';

/** A payload's raw value: rendered by a value template (with `value` and `value_json`, as Home Assistant gives them), else by a JSON path. */
export type ValueReader = (payload: string) => unknown;

export function valueReader(source: { path?: string | undefined; valueTemplate?: string | undefined }): ValueReader {
  if (source.valueTemplate === undefined) return (payload) => extract(payload, source.path);
  const template = compileTemplate(source.valueTemplate);
  return (payload) => {
    const rendered = template.render({ value: payload, value_json: parseJson(payload) }).trim();
    // Nothing rendered: the template says the payload holds no value (`{% if value != -1 %}…`).
    return rendered === '' ? undefined : rendered;
  };
}

function parseJson(payload: string): unknown {
  const first = payload.trimStart()[0];
  if (first !== '{' && first !== '[' && first !== '"' && !/^[-\d.tfn]/.test(first ?? '')) return undefined;
  try {
    return JSON.parse(payload);
  } catch {
    return undefined;
  }
}

/** Every availability source of an entity: `availabilityTopic` first, then the `availability` list. */
export function availabilitySources(entity: Pick<TopicEntity, 'availabilityTopic' | 'payloadAvailable' | 'payloadNotAvailable' | 'availability'>): AvailabilitySource[] {
  const single = entity.availabilityTopic ? [{ topic: entity.availabilityTopic, payloadAvailable: entity.payloadAvailable, payloadNotAvailable: entity.payloadNotAvailable }] : [];
  return [...single, ...(entity.availability ?? [])];
}

/**
 * Combines availability messages as Home Assistant does: `latest` takes the last word of any
 * source, `all` needs every source available (one that has said nothing yet does not count
 * against it), `any` one source that said available. Until a first word the entity keeps the
 * availability it has, so it is not greyed out before its device speaks.
 * `report` answers the entity's availability after a message, or undefined when the payload
 * is neither of the source's words.
 */
export function availabilityTracker(sources: readonly AvailabilitySource[], mode: TopicEntity['availabilityMode']) {
  const readers = sources.map((s) => valueReader({ valueTemplate: s.valueTemplate }));
  const known: (boolean | undefined)[] = sources.map(() => undefined);
  return {
    report(index: number, payload: string): boolean | undefined {
      const source = sources[index]!;
      const word = source.valueTemplate === undefined ? payload : String(readers[index]!(payload) ?? '');
      const available = word === source.payloadAvailable ? true : word === source.payloadNotAvailable ? false : undefined;
      if (available === undefined) return undefined;
      known[index] = available;
      if (mode === 'latest') return available;
      return mode === 'all' ? known.every((k) => k !== false) : known.some((k) => k === true);
    },
  };
}
