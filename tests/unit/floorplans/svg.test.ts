import { describe, expect, it } from 'vitest';
import { sanitiseSvg, SvgRejected } from '../../../core/floorplans/index.js';

const svg = (inner: string, attrs = '') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 100 80"${attrs}>${inner}</svg>`;

describe('sanitiseSvg', () => {
  it('keeps a plain drawing: shapes, text, local gradients and local <use>', () => {
    const out = sanitiseSvg(
      svg('<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient><rect id="r" width="5" height="5"/></defs>' +
        '<rect x="1" y="2" width="30" height="20" fill="url(#g)" stroke="#333"/><text x="4" y="10">Kitchen &amp; dining</text><use href="#r" x="50"/>'),
    );
    expect(out).toContain('<rect x="1" y="2" width="30" height="20" fill="url(#g)" stroke="#333"/>');
    expect(out).toContain('<text x="4" y="10">Kitchen &amp; dining</text>');
    expect(out).toContain('<use href="#r" x="50"/>');
    expect(out).toContain('viewBox="0 0 100 80"');
  });

  it('drops <script> with its content, however it is spelled', () => {
    const out = sanitiseSvg(svg('<script>alert(1)</script><SCRIPT>alert(2)</SCRIPT><script><![CDATA[alert(3)]]></script><rect width="1" height="1"/>'));
    expect(out).not.toMatch(/script|alert/i);
    expect(out).toContain('<rect width="1" height="1"/>');
  });

  it('drops every event handler attribute', () => {
    const out = sanitiseSvg(svg('<rect width="1" height="1" onclick="alert(1)" onMouseOver="alert(2)"/><g onload="x()"><circle r="2"/></g>', ' onload="alert(3)"'));
    expect(out).not.toMatch(/on[a-z]+=|alert/i);
    expect(out).toContain('<circle r="2"/>');
  });

  it('drops javascript: and external links, on href and xlink:href, and the <use>/<image> left pointing nowhere', () => {
    const out = sanitiseSvg(
      svg('<a href="javascript:alert(1)"><rect width="2" height="2"/></a>' +
        '<use xlink:href="https://evil.example/sprite.svg#x"/><use href="other.svg#y"/><use href=" javascript:alert(1)"/>' +
        '<image href="https://evil.example/track.png" width="5" height="5"/><image xlink:href="file:///etc/passwd"/>' +
        '<linearGradient id="l" href="http://evil.example/g"/>'),
    );
    expect(out).not.toMatch(/javascript|evil|other\.svg|file:|<use|<image/);
    // The link's drawing stays; the link does not
    expect(out).toContain('<rect width="2" height="2"/>');
    expect(out).toContain('<linearGradient id="l"/>');
  });

  it('keeps an embedded raster image (data: PNG) but not a data: SVG or HTML', () => {
    const out = sanitiseSvg(svg('<image href="data:image/png;base64,iVBORw0KGgo=" width="5" height="5"/><image href="data:image/svg+xml;base64,PHN2Zz4="/><image href="data:text/html,&lt;script&gt;"/>'));
    expect(out).toContain('<image href="data:image/png;base64,iVBORw0KGgo=" width="5" height="5"/>');
    expect(out.match(/<image/g)).toHaveLength(1);
  });

  it('drops <foreignObject> with its HTML, and animation that could rewrite a link', () => {
    const out = sanitiseSvg(
      svg('<foreignObject width="10" height="10"><body xmlns="http://www.w3.org/1999/xhtml"><iframe src="https://evil.example"/></body></foreignObject>' +
        '<a><set attributeName="href" to="javascript:alert(1)"/><animate attributeName="href" values="javascript:alert(2)"/><text>x</text></a>'),
    );
    expect(out).not.toMatch(/foreignObject|iframe|evil|<set|<animate|javascript/i);
    expect(out).toContain('<text>x</text>');
  });

  it('drops CSS that loads from elsewhere: url() in attributes, style attributes and <style>, @import, escapes', () => {
    const out = sanitiseSvg(
      svg('<rect width="1" height="1" fill="url(https://evil.example/p.svg#a)"/>' +
        '<rect width="2" height="2" style="fill: url(\'http://evil.example/x\')"/>' +
        '<rect width="3" height="3" style="fill: red; stroke: blue"/>' +
        '<style>@import url(https://evil.example/a.css);</style><style>rect { background: url(//evil.example/b) }</style>' +
        '<style>.k { fill: \\75 rl(x) }</style><style>.ok { fill: url(#g); stroke: #000 }</style>'),
    );
    expect(out).not.toMatch(/evil|@import|\\75/);
    expect(out).toContain('<rect width="1" height="1"/>');
    expect(out).toContain('<rect width="2" height="2"/>');
    expect(out).toContain('<rect width="3" height="3" style="fill: red; stroke: blue"/>');
    expect(out).toContain('<style>.ok { fill: url(#g); stroke: #000 }</style>');
  });

  it('drops editor namespaces and unknown attributes, and writes its own xmlns', () => {
    const out = sanitiseSvg(svg('<sodipodi:namedview id="n"/><rect inkscape:label="wall" width="1" height="1" data-x="1"/>', ' xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"'));
    expect(out).not.toMatch(/sodipodi|inkscape|data-x/);
    expect(out).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" xmlns:xlink="http:\/\/www.w3.org\/1999\/xlink" viewBox/);
  });

  it('escapes what it writes back: a quote or a tag in a value stays text', () => {
    const out = sanitiseSvg(svg('<text x="1" y="2" font-family="a&quot; onload=&quot;alert(1)">&lt;script&gt;</text>'));
    expect(out).toContain('font-family="a&quot; onload=&quot;alert(1)"');
    expect(out).toContain('&lt;script&gt;');
    expect(out).not.toContain('<script');
  });

  it('refuses a DOCTYPE (entities, XXE), undeclared entities, a root that is not <svg> and broken XML', () => {
    expect(() => sanitiseSvg('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg>&x;</svg>')).toThrow(SvgRejected);
    expect(() => sanitiseSvg(svg('<text>&nbsp;</text>'))).toThrow(/entity &nbsp;/);
    expect(() => sanitiseSvg('<html><script>alert(1)</script></html>')).toThrow(/root element is <html>/);
    expect(() => sanitiseSvg('<svg><rect></svg>')).toThrow(/does not close/);
    expect(() => sanitiseSvg('<svg><rect width="1" width="2"/></svg>')).toThrow(/given twice/);
  });
});
