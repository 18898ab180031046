/**
 * SVG backgrounds are parsed and written out again from an allow-list: what is not
 * known to be inert (scripts, event handlers, foreignObject, animation that can rewrite
 * a link, filters that load images, links and references outside the document) is
 * left out, never escaped in place. The result is also served with a CSP that forbids
 * every load (routes.ts), so a gap here still runs nothing.
 */
import { parseXml, XmlError, type XmlElement, type XmlNode } from './xml.js';

export class SvgRejected extends Error {}

const ELEMENTS = new Set([
  'svg', 'g', 'defs', 'title', 'desc', 'symbol', 'use', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon',
  'text', 'tspan', 'linearGradient', 'radialGradient', 'stop', 'pattern', 'clipPath', 'mask', 'marker', 'image', 'style',
]);
/** Kept for their children only: a link's content is drawn, the link is not. */
const UNWRAPPED = new Set(['a', 'switch']);

const ATTRIBUTES = new Set([
  'id', 'class', 'style', 'transform', 'd', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'fx', 'fy', 'width', 'height',
  'points', 'viewBox', 'preserveAspectRatio', 'version', 'fill', 'fill-opacity', 'fill-rule', 'stroke', 'stroke-width', 'stroke-opacity',
  'stroke-linecap', 'stroke-linejoin', 'stroke-dasharray', 'stroke-dashoffset', 'stroke-miterlimit', 'opacity', 'color', 'visibility',
  'display', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline', 'letter-spacing', 'dx', 'dy',
  'rotate', 'offset', 'stop-color', 'stop-opacity', 'gradientUnits', 'gradientTransform', 'spreadMethod', 'patternUnits',
  'patternContentUnits', 'patternTransform', 'clip-path', 'clip-rule', 'clipPathUnits', 'mask', 'maskUnits', 'maskContentUnits',
  'marker-start', 'marker-mid', 'marker-end', 'markerWidth', 'markerHeight', 'markerUnits', 'refX', 'refY', 'orient',
  'vector-effect', 'shape-rendering', 'text-rendering', 'xml:space', 'href', 'xlink:href',
]);

const LOCAL_REF = /^#[\w.:-]+$/;
const EMBEDDED_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]+$/;

/** Every `url(…)` in a value points inside the document (`url(#gradient)`). */
function onlyLocalUrls(value: string): boolean {
  const urls = [...value.matchAll(/url\s*\(\s*(['"]?)(.*?)\1\s*\)/gi)];
  const opened = (value.match(/url\s*\(/gi) ?? []).length;
  return urls.length === opened && urls.every((m) => LOCAL_REF.test(m[2]!.trim()));
}

/** CSS that can neither load anything nor hide a load behind an escape or an old IE hook. */
function safeCss(css: string): boolean {
  return !/[\\]|@import|expression\s*\(|javascript:|behavior\s*:|-moz-binding|image-set\s*\(|@font-face/i.test(css) && onlyLocalUrls(css);
}

function keepAttribute(element: string, name: string, value: string): boolean {
  if (!ATTRIBUTES.has(name)) return false;
  if (name === 'href' || name === 'xlink:href') return element === 'image' ? EMBEDDED_IMAGE.test(value) : LOCAL_REF.test(value.trim());
  if (name === 'style') return safeCss(value);
  return !/url\s*\(/i.test(value) || onlyLocalUrls(value);
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttribute = (s: string) => escapeText(s).replace(/"/g, '&quot;').replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);

function sanitiseChildren(children: readonly XmlNode[]): string {
  return children.map((node) => ('text' in node ? escapeText(node.text) : sanitiseElement(node))).join('');
}

function sanitiseElement(element: XmlElement): string {
  const { name } = element;
  if (UNWRAPPED.has(name)) return sanitiseChildren(element.children);
  if (!ELEMENTS.has(name)) return '';
  if (name === 'style') {
    const css = element.children.map((c) => ('text' in c ? c.text : '')).join('');
    return safeCss(css) ? `<style>${escapeText(css)}</style>` : '';
  }
  const attributes = element.attributes.filter(([n, v]) => keepAttribute(name, n, v));
  // A reference that was dropped leaves nothing worth drawing.
  if ((name === 'use' || name === 'image') && !attributes.some(([n]) => n === 'href' || n === 'xlink:href')) return '';
  const attrs = attributes.map(([n, v]) => ` ${n}="${escapeAttribute(v)}"`).join('');
  const inner = sanitiseChildren(element.children);
  return inner ? `<${name}${attrs}>${inner}</${name}>` : `<${name}${attrs}/>`;
}

/** The sanitised document, or SvgRejected when it is not well-formed SVG. */
export function sanitiseSvg(source: string): string {
  let root: XmlElement;
  try {
    root = parseXml(source);
  } catch (err) {
    if (err instanceof XmlError) throw new SvgRejected(`not a well-formed SVG: ${err.message}`);
    throw err;
  }
  if (root.name !== 'svg') throw new SvgRejected(`the root element is <${root.name}>, not <svg>`);
  const body = sanitiseElement(root).replace(/^<svg/, '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${body}`;
}
