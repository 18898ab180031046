/** The precompressed variants the build writes beside a dashboard file (scripts/precompress.mjs). */
export const CODINGS = [
  { coding: 'br', suffix: '.br' },
  { coding: 'gzip', suffix: '.gz' },
] as const;

export type Coding = (typeof CODINGS)[number]['coding'];

/**
 * The content codings an Accept-Encoding header allows, in the server's order of
 * preference (br is smaller than gzip for the same text), not the client's q order:
 * every browser that sends both decodes both. `q=0` refuses a coding; `*` stands for
 * any coding not named.
 */
export function acceptedCodings(header: string | undefined): Coding[] {
  if (!header) return [];
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!name) continue;
    const q = params.find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isNaN(weight) ? 0 : weight);
  }
  const any = weights.get('*') ?? 0;
  return CODINGS.map((c) => c.coding).filter((coding) => (weights.get(coding) ?? any) > 0);
}
