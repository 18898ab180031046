/**
 * Writes a new value of a YAML document back into its source text, changing only the
 * bytes of what changed. The `yaml` package re-stringifies a whole Document in its own
 * style (spacing before comments, flow-collection padding, blank lines), so instead the
 * parsed Document is compared with the new value node by node, and only the nodes that
 * differ are spliced, each rendered alone: comments, key order, anchors, `!secret` tags
 * and the layout of everything else stay byte for byte.
 */
import { isDeepStrictEqual } from 'node:util';
import { isCollection, isMap, isScalar, isSeq, stringify, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Splices applied from the end of the text; two at one offset keep the order they were found in (document order). */
function applySplices(text: string, splices: readonly Splice[]): string {
  const order = splices.map((s, i) => ({ ...s, i })).sort((a, b) => b.start - a.start || b.i - a.i);
  return order.reduce((out, s) => out.slice(0, s.start) + s.text + out.slice(s.end), text);
}

type Plain = Record<string, unknown>;

const isPlainObject = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `text` with the document `doc` (parsed from it) changed to hold `next`. */
export function patchYaml(text: string, doc: Document, next: unknown): string {
  if (!doc.contents) return `${text}${text && !text.endsWith('\n') ? '\n' : ''}${stringify(next, { lineWidth: 0 })}`;
  const splices: Splice[] = [];
  const ctx = { text, doc, splices };
  diff(ctx, doc.contents as Node, next);
  return applySplices(text, splices);
}

interface Ctx {
  text: string;
  doc: Document;
  splices: Splice[];
}

function same(ctx: Ctx, node: Node | null | undefined, next: unknown): boolean {
  const value = node ? node.toJS(ctx.doc) : null;
  return isDeepStrictEqual(value ?? null, next ?? null);
}

function diff(ctx: Ctx, node: Node, next: unknown): void {
  if (same(ctx, node, next)) return;
  if (isMap(node) && isPlainObject(next)) return node.flow ? diffFlowMap(ctx, node, next) : diffBlockMap(ctx, node, next);
  if (isSeq(node) && Array.isArray(next)) return node.flow ? diffFlowSeq(ctx, node, next) : diffBlockSeq(ctx, node, next);
  replace(ctx, node, next);
}

/** The node rewritten in place as a one-line (flow) value: valid wherever a value stands. */
function replace(ctx: Ctx, node: Node, next: unknown): void {
  const [start, valueEnd] = node.range!;
  // A block collection's value runs to the start of the next line.
  const end = ctx.text[valueEnd - 1] === '\n' ? valueEnd - 1 : valueEnd;
  ctx.splices.push({ start, end, text: inline(next) });
}

const keyOf = (pair: Pair): string => String(isScalar(pair.key) ? pair.key.value : pair.key);

function diffFlowMap(ctx: Ctx, node: YAMLMap, next: Plain): void {
  const keys = node.items.map(keyOf);
  if (!isDeepStrictEqual(keys, Object.keys(next)) || node.items.some((p) => !p.value)) return replace(ctx, node, next);
  for (const pair of node.items) diff(ctx, pair.value as Node, next[keyOf(pair)]);
}

function diffFlowSeq(ctx: Ctx, node: YAMLSeq, next: unknown[]): void {
  if (node.items.length !== next.length) return replace(ctx, node, next);
  node.items.forEach((item, i) => diff(ctx, item as Node, next[i]));
}

function diffBlockMap(ctx: Ctx, node: YAMLMap, next: Plain): void {
  const present = new Set<string>();
  let end = 0;
  for (const pair of node.items) {
    const key = keyOf(pair);
    present.add(key);
    const span = pairSpan(ctx.text, pair);
    end = Math.max(end, span.end);
    if (!Object.hasOwn(next, key)) ctx.splices.push({ ...span, text: '' });
    else if (!pair.value) {
      if (next[key] !== null) ctx.splices.push({ ...span, text: block({ [key]: next[key] }, span.indent) });
    } else diff(ctx, pair.value as Node, next[key]);
  }
  const added = Object.entries(next).filter(([key]) => !present.has(key));
  if (added.length === 0) return;
  const indent = pairSpan(ctx.text, node.items[0]!).indent;
  insert(ctx, end, block(Object.fromEntries(added), indent));
}

function diffBlockSeq(ctx: Ctx, node: YAMLSeq, next: unknown[]): void {
  const items = node.items as Node[];
  const spans = items.map((item) => itemSpan(ctx.text, item));
  // One item taken out of the middle (a plugin removed): delete just its lines.
  if (next.length === items.length - 1) {
    const removed = items.findIndex((_, i) => items.every((item, j) => j === i || same(ctx, item, next[j < i ? j : j - 1])));
    if (removed >= 0) {
      ctx.splices.push({ ...spans[removed]!, text: '' });
      return;
    }
  }
  const common = Math.min(items.length, next.length);
  for (let i = 0; i < common; i++) diff(ctx, items[i]!, next[i]);
  for (let i = common; i < items.length; i++) ctx.splices.push({ ...spans[i]!, text: '' });
  if (next.length > items.length) {
    const end = spans[spans.length - 1]!.end;
    const added = next.slice(items.length);
    const indent = ' '.repeat(spans[0]!.indent);
    // Beside one-line items (`- { id: …, line: 27 }`) a new item is one line too.
    insert(ctx, end, items.every((item) => isCollection(item) && item.flow) ? added.map((item) => `${indent}- ${inline(item)}\n`).join('') : block(added, spans[0]!.indent));
  }
}

/** New lines at `at`, a line start (or the end of a file that lacks its last newline). */
function insert(ctx: Ctx, at: number, lines: string): void {
  const text = at === ctx.text.length && at > 0 && !ctx.text.endsWith('\n') ? `\n${lines}` : lines;
  ctx.splices.push({ start: at, end: at, text });
}

interface Span {
  start: number;
  end: number;
  /** Column of the key (a map entry) or of the dash (a sequence item). */
  indent: number;
}

function pairSpan(text: string, pair: Pair): Span {
  const key = pair.key as Node;
  const value = pair.value as Node | null;
  const start = lineStart(text, key.range![0]);
  return { start, end: lineEnd(text, (value ?? key).range![2]), indent: key.range![0] - start };
}

function itemSpan(text: string, item: Node): Span {
  const start = lineStart(text, item.range![0]);
  const dash = text.lastIndexOf('-', item.range![0] - 1);
  return { start, end: lineEnd(text, item.range![2]), indent: Math.max(0, dash - start) };
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset just past the end of the line `offset` is on (or `offset`, when it starts a line). */
function lineEnd(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

/** Flow style as people write it: `{ id: x, line: 4 }` and `[hall, kitchen]`. */
function inline(value: unknown): string {
  return stringify(value, { collectionStyle: 'flow', lineWidth: 0, flowCollectionPadding: !Array.isArray(value) }).trimEnd();
}

/** Block lines (`key: value` entries or `- item`s) indented to `indent`, ending in a newline. */
function block(value: Plain | unknown[], indent: number): string {
  const pad = ' '.repeat(indent);
  return stringify(value, { lineWidth: 0 })
    .split('\n')
    .map((line) => (line ? pad + line : line))
    .join('\n');
}
