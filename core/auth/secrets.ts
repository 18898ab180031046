import { createHash, randomBytes } from 'node:crypto';

/** A bearer secret: 256 random bits, prefixed so a leaked one is recognisable in logs and scanners. */
export function newSecret(kind: 'session' | 'api'): string {
  return `${kind === 'session' ? 'hs' : 'ht'}_${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}
