import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { patchYaml } from '../../../core/config/patch-yaml.js';
import { keptSecretTag } from '../../../core/config/secret-tag.js';

const FIXTURE = join(import.meta.dirname, '../../fixtures/configs/commented.yaml');
const text = readFileSync(FIXTURE, 'utf8');

type Raw = { areas: string[]; plugins: { use: string; enabled?: boolean; entities: Record<string, unknown>[] }[]; mqtt: Record<string, unknown>; [key: string]: unknown };

/** The fixture patched by `change` applied to what it says. */
function edited(change: (raw: Raw) => void): string {
  const doc = parseDocument(text, { customTags: [keptSecretTag] });
  const raw = doc.toJS() as Raw;
  change(raw);
  return patchYaml(text, doc, raw);
}

/** The lines of `after` that are not in `before`, and those of `before` gone from `after`, in order. */
function lineDiff(before: string, after: string): { added: string[]; removed: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  return { removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail) };
}

describe('patchYaml: only what changed is rewritten', () => {
  it('an unchanged value gives the text back byte for byte (comments, blank lines, hex, anchors, !secret)', () => {
    expect(edited(() => {})).toBe(text);
  });

  it('an entity added beside one-line entities is one more line, in their style', () => {
    const out = edited((raw) => raw.plugins[0]!.entities.push({ id: 'switch.pump', line: 22, area: 'kitchen' }));
    expect(lineDiff(text, out)).toEqual({ removed: [], added: ['      - { id: switch.pump, line: 22, area: kitchen }'] });
  });

  it('a scalar inside a flow map is replaced alone; the comment after the map stays', () => {
    const out = edited((raw) => (raw.plugins[0]!.entities[0]!.area = 'kitchen'));
    expect(lineDiff(text, out)).toEqual({
      removed: ['      - { id: light.hall, line: 27, activeLow: true, area: hall }     # by the door'],
      added: ['      - { id: light.hall, line: 27, activeLow: true, area: kitchen }     # by the door'],
    });
  });

  it('a plugin removed takes only its own lines; a plugin disabled gains one key', () => {
    const removed = edited((raw) => raw.plugins.splice(0, 1));
    expect(removed).not.toMatch(/light\.hall/);
    expect(removed).toContain('  - use: shutter   # living room\n');
    expect(removed).toContain('        travelUpS: 0x16   # 22 s, written in hex on purpose\n');
    const disabled = edited((raw) => (raw.plugins[1]!.enabled = false));
    expect(lineDiff(text, disabled)).toEqual({ removed: [], added: ['    enabled: false'] });
  });

  it('a plugin appended after one that gained a key lands after it, and a new section at the end', () => {
    const out = edited((raw) => {
      raw.plugins[1]!.enabled = false;
      raw.plugins.push({ use: 'gpio', entities: [{ id: 'switch.x', line: 4 }] });
      raw.logging = { level: 'debug' };
    });
    expect(out).toContain('        area: living_room\n    enabled: false\n  - use: gpio\n    entities:\n      - id: switch.x\n        line: 4\n');
    expect(out.endsWith('  password: !secret mqtt_password   # from secrets.yaml\nlogging:\n  level: debug\n')).toBe(true);
    expect(parseDocument(out, { customTags: [keptSecretTag] }).toJS()).toMatchObject({ plugins: [{ use: 'gpio' }, { use: 'shutter', enabled: false }, { use: 'gpio' }] });
  });

  it('a renamed area changes that word alone; the !secret next to a removed key survives', () => {
    const out = edited((raw) => {
      raw.areas = ['hall', 'lounge', 'kitchen'];
      delete raw.mqtt.url;
    });
    expect(out).toBe(text.replace('areas: [hall, living_room,   kitchen]', 'areas: [hall, lounge,   kitchen]').replace('  url: mqtt://localhost:1883\n', ''));
    expect(out).toContain('mqtt:\n  password: !secret mqtt_password   # from secrets.yaml\n');
    expect(out).not.toContain('mqtt://localhost');
  });

  it('a list that changes length is rewritten on its line', () => {
    const out = edited((raw) => (raw.areas = ['hall', 'kitchen']));
    expect(lineDiff(text, out)).toEqual({ removed: ['areas: [hall, living_room,   kitchen]'], added: ['areas: [hall, kitchen]'] });
  });

  it('a changed key whose value was a block is rewritten on its own line, still parsing to the new value', () => {
    const out = edited((raw) => (raw.defaults = ['x', 'y']));
    expect(parseDocument(out).toJS()).toMatchObject({ defaults: ['x', 'y'], name: 'Test house' });
    expect(out).toContain('# Rooms, in the order the dashboard shows them.\n');
  });
});
