import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { initialLocale, pickLocale } from '../../../frontend/src/lib/i18n.js';
import { templates } from '../../../frontend/src/locales/fr.js';

const SRC = fileURLToPath(new URL('../../../frontend/src', import.meta.url));

interface SourceMessage { id: string; kind: 'plain' | 'str' | 'html'; text: string; expressions: number; where: string }

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'locales' ? [] : sourceFiles(path);
    // i18n.ts shows a call in its doc comment; it defines msg, it has no messages.
    return d.name.endsWith('.ts') && d.name !== 'i18n.ts' ? [path] : [];
  });
}

// A message is written one way only: msg('…' | "…" | str`…` | html`…`, { id: 'area.key' }), no backquote inside ${}.
const CALL = /\bmsg\(\s*(?:(str|html)`((?:[^`\\]|\\.)*)`|'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\s*,\s*\{\s*id:\s*'([\w.-]+)'\s*\}\s*\)/g;

function sourceMessages(): { messages: SourceMessage[]; unparsed: string[] } {
  const messages: SourceMessage[] = [];
  const unparsed: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const where = relative(SRC, file);
    const parsed = [...text.matchAll(CALL)];
    const calls = text.match(/\bmsg\(/g)?.length ?? 0;
    if (calls !== parsed.length) unparsed.push(`${where}: ${calls - parsed.length} msg() call(s) not of the form msg('…', { id: 'area.key' })`);
    for (const m of parsed) {
      const body = m[2] ?? m[3] ?? m[4] ?? '';
      messages.push({ id: m[5]!, kind: (m[1] as 'str' | 'html' | undefined) ?? 'plain', text: body, expressions: body.match(/\$\{/g)?.length ?? 0, where });
    }
  }
  return { messages, unparsed };
}

type Template = string | { strTag: true; values: number[] } | { values: number[]; _$litType$: number };
const french = templates as Record<string, Template>;
const kindOf = (t: Template): SourceMessage['kind'] => (typeof t === 'string' ? 'plain' : 'strTag' in t ? 'str' : 'html');
const indices = (t: Template) => (typeof t === 'string' ? [] : [...t.values].sort((a, b) => a - b));

describe('message catalogue', () => {
  const { messages, unparsed } = sourceMessages();
  const ids = new Set(messages.map((m) => m.id));

  it('finds the dashboard’s messages, every msg() call in the checkable form', () => {
    expect(unparsed).toEqual([]);
    expect(ids.size).toBeGreaterThan(100);
  });

  it('gives every message a French translation', () => {
    expect(messages.filter((m) => !(m.id in french)).map((m) => `${m.where}: ${m.id}`)).toEqual([]);
  });

  it('keeps no French for ids the source no longer uses', () => {
    expect(Object.keys(french).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('uses one English text per id', () => {
    const first = new Map<string, string>();
    const clashes = messages.filter((m) => {
      const seen = first.get(m.id);
      if (seen === undefined) first.set(m.id, m.text);
      return seen !== undefined && seen !== m.text;
    });
    expect(clashes.map((m) => `${m.where}: ${m.id}`)).toEqual([]);
  });

  it('keeps each message’s kind and every placeholder, once, in French', () => {
    const wrong = messages
      .filter((m) => m.id in french)
      .filter((m) => kindOf(french[m.id]!) !== m.kind || indices(french[m.id]!).join() !== [...Array(m.expressions).keys()].join())
      .map((m) => `${m.where}: ${m.id}`);
    expect([...new Set(wrong)]).toEqual([]);
  });
});

describe('language choice', () => {
  it('takes the first browser language the dashboard speaks', () => {
    expect(pickLocale(['de-DE', 'fr-CA', 'en'])).toBe('fr');
    expect(pickLocale(['en-GB', 'fr'])).toBe('en');
    expect(pickLocale(['de', 'it'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });

  it('prefers the language this browser last showed', () => {
    const storage = (value: string | null) => ({ getItem: () => value });
    expect(initialLocale(storage('fr'), ['en-US'])).toBe('fr');
    expect(initialLocale(storage('xx'), ['fr-FR'])).toBe('fr');
    expect(initialLocale(storage(null), ['en-US'])).toBe('en');
  });
});
