/**
 * The part of Home Assistant's Jinja templates that MQTT discovery configs use, evaluated
 * without `eval`: `{{ … }}` output, `{% if/elif/else/endif %}`, literals, `value` and
 * `value_json.a["b"][0]`, arithmetic, comparisons, `and/or/not`, `x if c else y`, the tests
 * `is (not) defined/none/number/string` and the filters below. A template is compiled once
 * (an unsupported construct fails there, with the reason) and rendered per message.
 * Values follow Python's rules where HA users can see them: `True`/`False`/`None` render
 * as such, `"1" == 1` is false, `float` without a default fails on text.
 */

export class TemplateError extends Error {}

export type Vars = Readonly<Record<string, unknown>>;

export interface Template {
  readonly source: string;
  /** The rendered text; throws TemplateError when a filter cannot convert its input. */
  render(vars: Vars): string;
}

export function compileTemplate(source: string): Template {
  const nodes = new Parser(source).parseBody([]);
  return { source, render: (vars) => nodes.map((n) => n(vars)).join('') };
}

type Eval = (vars: Vars) => unknown;

/** A Python float: prints `2.0` where an int prints `2` (what `float`, `round` and `/` give). */
class PyFloat {
  constructor(readonly value: number) {}
}
type Render = (vars: Vars) => string;

const FILTERS: Readonly<Record<string, (input: unknown, args: unknown[]) => unknown>> = {
  float: (v, [fallback]) => toNumber(v, fallback, 'float', false),
  int: (v, [fallback]) => toNumber(v, fallback, 'int', true),
  round: (v, [precision = 0, method = 'common']) => new PyFloat(round(asNumber(v, 'round'), asNumber(precision, 'round'), String(method))),
  default: (v, [fallback = '', boolean = false]) => (v === undefined || (boolean && !truthy(v)) ? fallback : v),
  lower: (v) => text(v).toLowerCase(),
  upper: (v) => text(v).toUpperCase(),
  trim: (v) => text(v).trim(),
  string: (v) => text(v),
  abs: (v) => (v instanceof PyFloat ? new PyFloat(Math.abs(v.value)) : Math.abs(asNumber(v, 'abs'))),
  multiply: (v, [by]) => new PyFloat(asNumber(v, 'multiply') * asNumber(by, 'multiply')),
  replace: (v, [from, to]) => text(v).split(text(from)).join(text(to)),
  length: (v) => (typeof v === 'string' || Array.isArray(v) ? v.length : v && typeof v === 'object' ? Object.keys(v).length : fail('length of a value without one')),
  // Jinja's: keys sorted, `, `/`: ` separators, HTML-safe; HA's `to_json` is compact.
  tojson: (v) => jsonOf(v, true).replace(/[<>&']/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  to_json: (v) => jsonOf(v, false),
  bool: (v) => (typeof v === 'string' ? ['true', 'yes', 'on', 'enable', '1'].includes(v.trim().toLowerCase()) : truthy(v)),
  // HA's: fails the render when its input is undefined.
  is_defined: (v) => (v === undefined ? fail('is_defined: value is undefined') : v),
};
const ALIASES: Readonly<Record<string, string>> = { d: 'default', count: 'length' };

const TESTS: Readonly<Record<string, (v: unknown) => boolean>> = {
  defined: (v) => v !== undefined,
  undefined: (v) => v === undefined,
  none: (v) => v === null,
  number: (v) => typeof v === 'number' || v instanceof PyFloat,
  string: (v) => typeof v === 'string',
};

const CONSTANTS: Readonly<Record<string, unknown>> = { true: true, True: true, false: false, False: false, none: null, None: null };

type Token = { kind: 'num'; value: number } | { kind: 'str'; value: string } | { kind: 'name'; value: string } | { kind: 'op'; value: string };

const OPERATORS = ['==', '!=', '<=', '>=', '//', '**', '<', '>', '+', '-', '*', '/', '%', '~', '|', '.', ',', '(', ')', '[', ']', '{', '}', ':'];

/** Home Assistant's template functions discovery configs call (`is_number(value)`), and Jinja's globals `min`/`max`. */
const FUNCTIONS: Readonly<Record<string, (args: unknown[]) => unknown>> = {
  is_number: ([v]) => isNumberLike(v),
  float: ([v, fallback]) => toNumber(v, fallback, 'float', false),
  int: ([v, fallback]) => toNumber(v, fallback, 'int', true),
  min: (args) => extreme(args, -1),
  max: (args) => extreme(args, 1),
};

/** The string methods templates use (`value.replace('_', ' ')`, `value.split(' ')[-1]`). */
const METHODS: Readonly<Record<string, (self: string, args: unknown[]) => unknown>> = {
  replace: (self, [from, to]) => self.split(text(from)).join(text(to)),
  split: (self, [sep]) => (sep === undefined || sep === null ? self.trim().split(/\s+/) : self.split(text(sep))),
  lower: (self) => self.toLowerCase(),
  upper: (self) => self.toUpperCase(),
  strip: (self) => self.trim(),
  startswith: (self, [prefix]) => self.startsWith(text(prefix)),
  endswith: (self, [suffix]) => self.endsWith(text(suffix)),
};

function tokenize(expr: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < expr.length) {
    const ch = expr[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const num = /^\d+(\.\d+)?/.exec(expr.slice(i));
    if (num) {
      tokens.push({ kind: 'num', value: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const name = /^[A-Za-z_]\w*/.exec(expr.slice(i));
    if (name) {
      tokens.push({ kind: 'name', value: name[0] });
      i += name[0].length;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const end = expr.indexOf(ch, i + 1);
      if (end < 0) throw new TemplateError(`unterminated string in ${JSON.stringify(expr)}`);
      tokens.push({ kind: 'str', value: expr.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    const op = OPERATORS.find((o) => expr.startsWith(o, i));
    if (!op) throw new TemplateError(`unexpected '${ch}' in ${JSON.stringify(expr)}`);
    tokens.push({ kind: 'op', value: op });
    i += op.length;
  }
  return tokens;
}

/** Splits text from `{{ }}`, `{% %}` and `{# #}`, honouring the `-` whitespace trims. */
type Part = { kind: 'text'; text: string } | { kind: 'expr' | 'stmt'; text: string };

function split(source: string): Part[] {
  const parts: Part[] = [];
  const re = /\{\{(-?)([\s\S]*?)(-?)\}\}|\{%(-?)([\s\S]*?)(-?)%\}|\{#[\s\S]*?#\}/g;
  let last = 0;
  let trimNext = false;
  for (const m of source.matchAll(re)) {
    let before = source.slice(last, m.index);
    if (trimNext) before = before.trimStart();
    if (m[1] === '-' || m[4] === '-') before = before.trimEnd();
    if (before) parts.push({ kind: 'text', text: before });
    if (m[2] !== undefined) parts.push({ kind: 'expr', text: m[2] });
    else if (m[5] !== undefined) parts.push({ kind: 'stmt', text: m[5] });
    trimNext = m[3] === '-' || m[6] === '-';
    last = m.index + m[0].length;
  }
  const rest = trimNext ? source.slice(last).trimStart() : source.slice(last);
  if (/\{\{|\{%/.test(rest)) throw new TemplateError('unclosed {{ or {% in the template');
  if (rest) parts.push({ kind: 'text', text: rest });
  return parts;
}

class Parser {
  private readonly parts: Part[];
  private at = 0;
  private tokens: Token[] = [];
  private pos = 0;

  constructor(source: string) {
    this.parts = split(source);
  }

  /** Renders parts until one of the `stops` statements (left for the caller), or the end. */
  parseBody(stops: readonly string[]): Render[] {
    const nodes: Render[] = [];
    while (this.at < this.parts.length) {
      const part = this.parts[this.at]!;
      if (part.kind === 'text') {
        const t = part.text;
        nodes.push(() => t);
        this.at++;
      } else if (part.kind === 'expr') {
        const e = this.expression(part.text);
        nodes.push((vars) => render(e(vars)));
        this.at++;
      } else {
        const keyword = /^\s*(\w+)/.exec(part.text)?.[1] ?? '';
        if (stops.includes(keyword)) return nodes;
        if (keyword !== 'if') throw new TemplateError(`{% ${keyword} %} is not supported (only if/elif/else/endif)`);
        nodes.push(this.parseIf());
      }
    }
    if (stops.length) throw new TemplateError(`missing {% ${stops.at(-1)} %}`);
    return nodes;
  }

  private parseIf(): Render {
    const branches: [Eval, Render[]][] = [];
    let otherwise: Render[] = [];
    let keyword = 'if';
    for (;;) {
      const head = this.parts[this.at++]!.text.trim();
      if (keyword === 'else') {
        otherwise = this.parseBody(['endif']);
      } else {
        const cond = this.expression(head.slice(keyword.length));
        branches.push([cond, this.parseBody(['elif', 'else', 'endif'])]);
      }
      keyword = /^\s*(\w+)/.exec(this.parts[this.at]!.text)![1]!;
      if (keyword === 'endif') {
        this.at++;
        break;
      }
    }
    return (vars) => {
      const branch = branches.find(([cond]) => truthy(cond(vars)));
      return (branch ? branch[1] : otherwise).map((n) => n(vars)).join('');
    };
  }

  private expression(text: string): Eval {
    this.tokens = tokenize(text);
    this.pos = 0;
    const e = this.conditional();
    if (this.pos < this.tokens.length) throw new TemplateError(`unexpected '${String(this.tokens[this.pos]!.value)}' in ${JSON.stringify(text.trim())}`);
    return e;
  }

  private peek(value: string): boolean {
    const t = this.tokens[this.pos];
    return t !== undefined && (t.kind === 'op' || t.kind === 'name') && t.value === value;
  }

  private accept(value: string): boolean {
    if (!this.peek(value)) return false;
    this.pos++;
    return true;
  }

  private expect(value: string): void {
    if (!this.accept(value)) throw new TemplateError(`expected '${value}'`);
  }

  private name(): string {
    const t = this.tokens[this.pos++];
    if (t?.kind !== 'name') throw new TemplateError('expected a name');
    return t.value;
  }

  private conditional(): Eval {
    const then = this.or();
    if (!this.accept('if')) return then;
    const cond = this.or();
    const otherwise = this.accept('else') ? this.conditional() : () => undefined;
    return (v) => (truthy(cond(v)) ? then(v) : otherwise(v));
  }

  private or(): Eval {
    let left = this.and();
    while (this.accept('or')) {
      const [l, r] = [left, this.and()];
      left = (v) => (truthy(l(v)) ? l(v) : r(v));
    }
    return left;
  }

  private and(): Eval {
    let left = this.not();
    while (this.accept('and')) {
      const [l, r] = [left, this.not()];
      left = (v) => (truthy(l(v)) ? r(v) : l(v));
    }
    return left;
  }

  private not(): Eval {
    if (this.accept('not')) {
      const e = this.not();
      return (v) => !truthy(e(v));
    }
    return this.compare();
  }

  /** As Python, comparisons chain: `0 < value|int < 999` is `0 < x and x < 999`. */
  private compare(): Eval {
    const operands = [this.concat()];
    const ops: string[] = [];
    for (;;) {
      const op = ['==', '!=', '<=', '>=', '<', '>', 'in'].find((o) => this.peek(o)) ?? (this.peek('not') && this.tokens[this.pos + 1]?.value === 'in' ? 'not in' : undefined);
      if (!op) break;
      this.pos += op === 'not in' ? 2 : 1;
      ops.push(op);
      operands.push(this.concat());
    }
    if (!ops.length) return operands[0]!;
    return (v) => {
      let left = operands[0]!(v);
      for (let i = 0; i < ops.length; i++) {
        const right = operands[i + 1]!(v);
        if (!comparison(ops[i]!, left, right)) return false;
        left = right;
      }
      return true;
    };
  }

  private concat(): Eval {
    let left = this.sum();
    while (this.accept('~')) {
      const [l, r] = [left, this.sum()];
      left = (v) => render(l(v)) + render(r(v));
    }
    return left;
  }

  private sum(): Eval {
    let left = this.product();
    for (;;) {
      const op = this.accept('+') ? '+' : this.accept('-') ? '-' : undefined;
      if (!op) return left;
      const [l, r] = [left, this.product()];
      left = (v) => arithmetic(op, l(v), r(v));
    }
  }

  private product(): Eval {
    let left = this.power();
    for (;;) {
      const op = ['*', '//', '/', '%'].find((o) => this.accept(o));
      if (!op) return left;
      const [l, r] = [left, this.power()];
      left = (v) => arithmetic(op, l(v), r(v));
    }
  }

  private power(): Eval {
    let left = this.unary(true);
    while (this.accept('**')) {
      const [l, r] = [left, this.unary(true)];
      left = (v) => arithmetic('**', l(v), r(v));
    }
    return left;
  }

  /** As Jinja: a sign binds tighter than the filters after it, `-x | abs` is `(-x) | abs`. */
  private unary(withFilters: boolean): Eval {
    let e: Eval;
    if (this.accept('-')) {
      const operand = this.unary(false);
      e = (v) => {
        const x = operand(v);
        return x instanceof PyFloat ? new PyFloat(-x.value) : -asNumber(x, 'unary -');
      };
    } else if (this.accept('+')) {
      e = this.unary(false);
    } else {
      e = this.postfix();
    }
    return withFilters ? this.filters(e) : e;
  }

  private filters(e: Eval): Eval {
    for (;;) {
      if (this.accept('|')) {
        const raw = this.name();
        const name = ALIASES[raw] ?? raw;
        const filter = FILTERS[name];
        if (!filter) throw new TemplateError(`filter '${raw}' is not supported`);
        const args = this.accept('(') ? this.arguments() : [];
        const input = e;
        e = (v) => filter(input(v), args.map((a) => a(v)));
      } else if (this.accept('is')) {
        const negate = this.accept('not');
        const name = this.name();
        const test = TESTS[name];
        if (!test) throw new TemplateError(`test 'is ${name}' is not supported`);
        const input = e;
        e = (v) => test(input(v)) !== negate;
      } else {
        return e;
      }
    }
  }

  private arguments(): Eval[] {
    const args: Eval[] = [];
    if (this.accept(')')) return args;
    do {
      // Keyword arguments (`round(1, method='floor')`) are taken by position.
      if (this.tokens[this.pos]?.kind === 'name' && this.tokens[this.pos + 1]?.value === '=') this.pos += 2;
      args.push(this.conditional());
    } while (this.accept(','));
    this.expect(')');
    return args;
  }

  private postfix(): Eval {
    let e = this.primary();
    for (;;) {
      if (this.accept('.')) {
        // `value_json.list.0` indexes as `[0]` does.
        const t = this.tokens[this.pos];
        const key = t?.kind === 'num' ? (this.pos++, t.value) : this.name();
        const obj = e;
        if (typeof key === 'string' && this.accept('(')) {
          const method = METHODS[key];
          if (!method) throw new TemplateError(`method '${key}()' is not supported`);
          const args = this.arguments();
          e = (v) => {
            const self = obj(v);
            return typeof self === 'string' ? method(self, args.map((a) => a(v))) : fail(`${key}() needs a string`);
          };
        } else e = (v) => member(obj(v), key);
      } else if (this.accept('[')) {
        const key = this.conditional();
        this.expect(']');
        const obj = e;
        e = (v) => member(obj(v), key(v));
      } else if (this.peek('(')) {
        throw new TemplateError('function and method calls are not supported');
      } else {
        return e;
      }
    }
  }

  private primary(): Eval {
    const t = this.tokens[this.pos++];
    if (!t) throw new TemplateError('unexpected end of expression');
    if (t.kind === 'num' || t.kind === 'str') return () => t.value;
    if (t.kind === 'name') {
      if (Object.hasOwn(CONSTANTS, t.value)) return () => CONSTANTS[t.value];
      if (this.peek('(')) {
        const fn = FUNCTIONS[t.value];
        if (!fn) throw new TemplateError(`function '${t.value}()' is not supported`);
        this.pos++;
        const args = this.arguments();
        return (v) => fn(args.map((a) => a(v)));
      }
      return (v) => (Object.hasOwn(v, t.value) ? v[t.value] : undefined);
    }
    if (t.value === '(') {
      const e = this.conditional();
      if (this.accept(')')) return e;
      // A tuple, read as a list.
      const items = [e];
      while (this.accept(',') && !this.peek(')')) items.push(this.conditional());
      this.expect(')');
      return (v) => items.map((i) => i(v));
    }
    if (t.value === '[') {
      const items: Eval[] = [];
      if (!this.peek(']')) do items.push(this.conditional());
      while (this.accept(',') && !this.peek(']'));
      this.expect(']');
      return (v) => items.map((i) => i(v));
    }
    if (t.value === '{') {
      const entries: [Eval, Eval][] = [];
      if (!this.peek('}')) {
        do {
          const key = this.conditional();
          this.expect(':');
          entries.push([key, this.conditional()]);
        } while (this.accept(',') && !this.peek('}'));
      }
      this.expect('}');
      return (v) => Object.fromEntries(entries.map(([k, x]) => [text(k(v)), x(v)]));
    }
    throw new TemplateError(`unexpected '${t.value}'`);
  }
}

function fail(message: string): never {
  throw new TemplateError(message);
}

function member(obj: unknown, key: unknown): unknown {
  if (obj === null || typeof obj !== 'object') return undefined;
  // Python's negative index counts from the end.
  if (Array.isArray(obj) && typeof key === 'number' && key < 0) return obj[obj.length + key];
  const k = String(key);
  return Object.hasOwn(obj, k) ? (obj as Record<string, unknown>)[k] : undefined;
}

export function truthy(v: unknown): boolean {
  if (v instanceof PyFloat) return v.value !== 0;
  if (Array.isArray(v)) return v.length > 0;
  if (v && typeof v === 'object') return Object.keys(v).length > 0;
  return Boolean(v);
}

/** Python's str() of a value, as Jinja prints it. */
export function render(v: unknown): string {
  if (v === undefined) return '';
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (v instanceof PyFloat) return floatRepr(v.value);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function text(v: unknown): string {
  return typeof v === 'string' ? v : render(v);
}

/** HA's is_number: a finite number, or text that reads as one. */
function isNumberLike(v: unknown): boolean {
  if (v instanceof PyFloat) return Number.isFinite(v.value);
  if (typeof v === 'number') return Number.isFinite(v);
  return typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v));
}

function extreme(args: unknown[], sign: 1 | -1): unknown {
  const items = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  if (!items.length) return fail('min/max of nothing');
  return items.reduce((best, x) => (comparison(sign > 0 ? '>' : '<', x, best) ? x : best));
}

function jsonOf(v: unknown, python: boolean): string {
  if (v instanceof PyFloat) return floatRepr(v.value);
  if (Array.isArray(v)) return `[${v.map((x) => jsonOf(x, python)).join(python ? ', ' : ',')}]`;
  if (v && typeof v === 'object') {
    const keys = python ? Object.keys(v).sort() : Object.keys(v);
    return `{${keys.map((k) => `${JSON.stringify(k)}${python ? ': ' : ':'}${jsonOf((v as Record<string, unknown>)[k], python)}`).join(python ? ', ' : ',')}}`;
  }
  return JSON.stringify(v ?? null);
}

function floatRepr(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e16 ? `${n}.0` : String(n);
}

function asNumber(v: unknown, where: string): number {
  if (typeof v === 'number') return v;
  if (v instanceof PyFloat) return v.value;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return fail(`${where}: ${JSON.stringify(v ?? null)} is not a number`);
}

function toNumber(v: unknown, fallback: unknown, filter: string, integer: boolean): unknown {
  const n = typeof v === 'number' ? v : v instanceof PyFloat ? v.value : typeof v === 'boolean' ? Number(v) : typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : NaN;
  if (Number.isFinite(n)) return integer ? Math.trunc(n) : new PyFloat(n);
  if (fallback !== undefined) return fallback;
  return fail(`${filter}: cannot convert ${JSON.stringify(v ?? null)} and no default was given`);
}

function round(n: number, precision: number, method: string): number {
  const f = 10 ** precision;
  const scaled = n * f;
  const r = method === 'floor' ? Math.floor(scaled) : method === 'ceil' ? Math.ceil(scaled) : Math.sign(scaled) * Math.round(Math.abs(scaled));
  return r / f;
}

function comparison(op: string, a: unknown, b: unknown): boolean {
  switch (op) {
    case '==':
      return equal(a, b);
    case '!=':
      return !equal(a, b);
    case 'in':
    case 'not in': {
      const found = typeof b === 'string' ? b.includes(text(a)) : Array.isArray(b) ? b.some((x) => equal(x, a)) : b && typeof b === 'object' ? Object.hasOwn(b, String(a)) : fail(`'in' needs a string, list or object`);
      return op === 'in' ? found : !found;
    }
    default: {
      const numbers = isNumeric(a) && isNumeric(b);
      if (!numbers && !(typeof a === 'string' && typeof b === 'string')) return fail(`cannot compare ${render(a)} ${op} ${render(b)}`);
      const [x, y] = numbers ? [asNumber(a, op), asNumber(b, op)] : [a as string, b as string];
      return op === '<' ? x < y : op === '>' ? x > y : op === '<=' ? x <= y : x >= y;
    }
  }
}

function equal(a: unknown, b: unknown): boolean {
  if (a instanceof PyFloat || b instanceof PyFloat) return isNumeric(a) && isNumeric(b) && asNumber(a, '==') === asNumber(b, '==');
  if (typeof a === 'object' && a !== null) return JSON.stringify(a) === JSON.stringify(b);
  // Python: an undefined compares equal only to another undefined; `None == None`.
  return a === b;
}

function arithmetic(op: string, a: unknown, b: unknown): unknown {
  if (op === '+' && typeof a === 'string' && typeof b === 'string') return a + b;
  if (op === '*' && typeof a === 'string' && typeof b === 'number') return a.repeat(Math.max(0, Math.trunc(b)));
  const x = asNumber(a, op);
  const y = asNumber(b, op);
  const float = op === '/' || a instanceof PyFloat || b instanceof PyFloat || (op === '**' && y < 0);
  const n = numeric(op, x, y);
  return float ? new PyFloat(n) : n;
}

function numeric(op: string, x: number, y: number): number {
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '**':
      return x ** y;
    default:
      if (y === 0) return fail('division by zero');
      return op === '/' ? x / y : op === '//' ? Math.floor(x / y) : x - y * Math.floor(x / y);
  }
}

function isNumeric(v: unknown): boolean {
  return typeof v === 'number' || v instanceof PyFloat || typeof v === 'boolean';
}
