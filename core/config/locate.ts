import { isMap, isScalar, type Document, type LineCounter } from 'yaml';
import type { KeyPath } from './issues.js';

export interface Position {
  line: number;
  column: number;
}

/** Maps a key path to where it stands in the YAML source (the nearest existing parent when it is missing). */
export type Locator = (path: KeyPath, opts?: { key?: string }) => Position | undefined;

export function createLocator(doc: Document, lines: LineCounter): Locator {
  return (path, opts) => {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
      if (!node || typeof node !== 'object' || !('range' in node) || !node.range) continue;
      if (depth === path.length && opts?.key && isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === opts.key);
        const keyNode = pair && isScalar(pair.key) ? pair.key : undefined;
        if (keyNode?.range) return position(lines, keyNode.range[0]);
      }
      return position(lines, (node.range as [number, number, number])[0]);
    }
    return undefined;
  };
}

function position(lines: LineCounter, offset: number): Position {
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}
