import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

export interface FieldError {
  /** Dotted path, e.g. `triggers.0.entity`; empty for document-level errors. */
  path: string;
  message: string;
  /** 1-based line and column in the YAML text, when known. */
  line?: number;
  col?: number;
}

export interface ParsedYaml {
  value: unknown;
  errors: FieldError[];
}

/** Parses editor text; syntax errors come back with their line so the editor can mark it. */
export function parseYaml(source: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  const errors = doc.errors.map((e) => {
    const pos = e.linePos?.[0] ?? lineCounter.linePos(e.pos[0]);
    return { path: '', message: e.message.split('\n')[0]!, line: pos.line, col: pos.col };
  });
  return { value: errors.length ? undefined : doc.toJS(), errors };
}

/**
 * Normalises what the API returns in `error.details` for an invalid automation — zod issues
 * (`{path: [...], message}`), `{path: "a.b", message}` or a map of path → message — into FieldErrors.
 */
export function detailsToFieldErrors(details: unknown): FieldError[] {
  const list = isObject(details) && Array.isArray(details.issues) ? details.issues : details;
  if (Array.isArray(list)) {
    return list.filter(isObject).map((issue) => ({
      path: Array.isArray(issue.path) ? issue.path.join('.') : typeof issue.path === 'string' ? issue.path : '',
      message: typeof issue.message === 'string' ? issue.message : 'invalid',
    }));
  }
  if (isObject(details)) return Object.entries(details).map(([path, message]) => ({ path, message: String(message) }));
  return [];
}

/** Finds where a dotted path lives in the YAML text; falls back to the nearest existing parent. */
export function locatePath(source: string, path: string): { line: number; col: number } | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter });
  let node: unknown = doc.contents;
  let best: { line: number; col: number } | undefined = rangeStart(node, lineCounter);
  for (const key of path.split('.').filter(Boolean)) {
    if (isSeq(node)) node = node.items[Number(key)];
    else if (isMap(node)) {
      const pair = node.items.find((p) => String((p.key as Node | null)?.toJSON?.() ?? p.key) === key);
      if (!pair) break;
      best = rangeStart(pair.key, lineCounter) ?? best;
      node = pair.value;
      continue;
    } else break;
    best = rangeStart(node, lineCounter) ?? best;
  }
  return best;
}

/** Attaches a line to each API error so the YAML tab can underline the offending key. */
export function placeErrors(source: string, errors: FieldError[]): FieldError[] {
  return errors.map((e) => (e.line ? e : { ...e, ...locatePath(source, e.path) }));
}

function rangeStart(node: unknown, lc: LineCounter): { line: number; col: number } | undefined {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? lc.linePos(range[0]) : undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}
