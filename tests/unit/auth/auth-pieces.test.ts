import { describe, expect, it } from 'vitest';
import { createFailureLimiter, hashPassword, verifyPassword } from '../../../core/auth/index.js';

const cost = { logN: 10, r: 8, p: 1 };

describe('passwords', () => {
  it('verifies the right password only, with salt and cost in the stored string', async () => {
    const a = await hashPassword('hunter2 hunter2', cost);
    const b = await hashPassword('hunter2 hunter2', cost);
    expect(a).toMatch(/^scrypt\$10\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('hunter2 hunter2', a)).toBe(true);
    expect(await verifyPassword('hunter2 hunter3', a)).toBe(false);
    expect(await verifyPassword('anything', 'plain-text')).toBe(false);
    expect(await verifyPassword('anything', 'scrypt$99$8$1$aa$bb')).toBe(false);
  });
});

describe('failure limiter', () => {
  it('blocks after the 5th failure in the window and frees the key as failures age out', () => {
    let now = 0;
    const limiter = createFailureLimiter({ maxFailures: 5, windowMs: 300_000 }, () => now);
    for (let i = 0; i < 4; i++) {
      limiter.fail('mia');
      now += 1000;
    }
    expect(limiter.retryAfterS('mia')).toBe(0);
    limiter.fail('mia');
    expect(limiter.retryAfterS('mia')).toBe(296);
    expect(limiter.retryAfterS('adam')).toBe(0);
    now = 300_001;
    expect(limiter.retryAfterS('mia')).toBe(0);
    limiter.reset('mia');
    expect(limiter.retryAfterS('mia')).toBe(0);
  });

  it('forgets the oldest keys beyond its bound', () => {
    const limiter = createFailureLimiter({ maxFailures: 1, windowMs: 60_000, maxKeys: 2 }, () => 0);
    for (const key of ['a', 'b', 'c']) limiter.fail(key);
    expect(limiter.retryAfterS('a')).toBe(0);
    expect(limiter.retryAfterS('c')).toBeGreaterThan(0);
  });
});
