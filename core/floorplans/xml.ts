/**
 * A deliberately small, strict XML reader for uploaded SVG: elements, attributes, text
 * and CDATA. Comments and processing instructions are skipped; a DOCTYPE (and with it
 * every entity declaration, external or billion-laughs) is refused, as is any entity
 * other than the five predefined ones and character references.
 */
export interface XmlElement {
  name: string;
  attributes: [string, string][];
  children: XmlNode[];
}
export type XmlNode = XmlElement | { text: string };

export class XmlError extends Error {}

const NAME = /[A-Za-z_][\w.:-]*/y;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const MAX_DEPTH = 64;
const MAX_ELEMENTS = 50_000;

function decode(raw: string): string {
  return raw.replace(/&([^;&\s]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new XmlError(`a bare '&' (escape it as &amp;)`);
    if (ref in ENTITIES) return ENTITIES[ref]!;
    const code = /^#x[0-9a-f]+$/i.test(ref) ? parseInt(ref.slice(2), 16) : /^#\d+$/.test(ref) ? parseInt(ref.slice(1), 10) : NaN;
    if (Number.isNaN(code)) throw new XmlError(`the entity &${ref}; is not allowed`);
    if (code > 0x10ffff || code === 0) throw new XmlError(`invalid character reference &${ref};`);
    return String.fromCodePoint(code);
  });
}

export function parseXml(source: string): XmlElement {
  const src = source.replace(/^\uFEFF/, '');
  let pos = 0;
  let elements = 0;
  let root: XmlElement | undefined;
  const stack: XmlElement[] = [];

  const fail = (message: string): never => {
    const line = src.slice(0, pos).split('\n').length;
    throw new XmlError(`line ${line}: ${message}`);
  };
  const skipPast = (end: string, what: string) => {
    const at = src.indexOf(end, pos);
    if (at < 0) fail(`unterminated ${what}`);
    const body = src.slice(pos, at);
    pos = at + end.length;
    return body;
  };
  const readName = () => {
    NAME.lastIndex = pos;
    const m = NAME.exec(src);
    if (!m) return fail('expected a name');
    pos += m[0].length;
    return m[0];
  };
  const skipBlanks = () => {
    while (pos < src.length && /\s/.test(src[pos]!)) pos++;
  };
  const addChild = (node: XmlNode) => {
    const parent = stack.at(-1);
    if (parent) parent.children.push(node);
    else if ('text' in node) {
      if (node.text.trim()) fail('text outside the root element');
    } else if (root) fail('a second root element');
    else root = node;
  };

  while (pos < src.length) {
    if (src.startsWith('<!--', pos)) {
      pos += 4;
      skipPast('-->', 'comment');
    } else if (src.startsWith('<![CDATA[', pos)) {
      pos += 9;
      if (!stack.length) fail('CDATA outside the root element');
      addChild({ text: skipPast(']]>', 'CDATA section') });
    } else if (src.startsWith('<!', pos)) {
      fail('DOCTYPE and entity declarations are not accepted');
    } else if (src.startsWith('<?', pos)) {
      pos += 2;
      skipPast('?>', 'processing instruction');
    } else if (src.startsWith('</', pos)) {
      pos += 2;
      const name = readName();
      skipBlanks();
      if (src[pos] !== '>') fail(`expected '>' after </${name}`);
      pos++;
      const open = stack.pop();
      if (open?.name !== name) fail(`</${name}> does not close <${open?.name ?? 'nothing'}>`);
    } else if (src[pos] === '<') {
      pos++;
      const element: XmlElement = { name: readName(), attributes: [], children: [] };
      if (++elements > MAX_ELEMENTS) fail(`more than ${MAX_ELEMENTS} elements`);
      for (;;) {
        skipBlanks();
        if (src.startsWith('/>', pos) || src[pos] === '>') break;
        if (pos >= src.length) fail(`unterminated <${element.name}>`);
        const attr = readName();
        skipBlanks();
        if (src[pos] !== '=') fail(`attribute ${attr} has no value`);
        pos++;
        skipBlanks();
        const quote = src[pos];
        if (quote !== '"' && quote !== "'") fail(`attribute ${attr}: quote its value`);
        pos++;
        const raw = skipPast(quote!, `value of ${attr}`);
        if (raw.includes('<')) fail(`attribute ${attr}: '<' in a value`);
        if (element.attributes.some(([n]) => n === attr)) fail(`attribute ${attr} given twice`);
        element.attributes.push([attr, decode(raw)]);
      }
      addChild(element);
      if (src[pos] === '>') {
        if (stack.length >= MAX_DEPTH) fail(`nested deeper than ${MAX_DEPTH}`);
        stack.push(element);
        pos++;
      } else pos += 2;
    } else {
      const next = src.indexOf('<', pos);
      const end = next < 0 ? src.length : next;
      const raw = src.slice(pos, end);
      pos = end;
      addChild({ text: decode(raw) });
    }
  }
  if (stack.length) fail(`<${stack.at(-1)!.name}> is never closed`);
  if (!root) fail('no root element');
  return root!;
}
