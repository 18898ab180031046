import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../core/config/index.js';
import { clientOptions, nodeName } from '../../../core/mqtt/options.js';

const parse = (mqtt: object) => configSchema.parse({ mqtt }).mqtt!;

describe('bridge client options', () => {
  it('sets the last will, credentials and keepalive, and leaves reconnecting to the bridge', () => {
    const options = clientOptions(parse({ url: 'mqtt://b', node: 'pi', username: 'u', password: 'p', keepaliveS: 5, qos: 2 }), 'pi', 'hearth/pi/status');
    expect(options).toMatchObject({ clientId: 'hearth_pi', username: 'u', password: 'p', keepalive: 5, reconnectPeriod: 0 });
    expect(options.will).toMatchObject({ topic: 'hearth/pi/status', qos: 2, retain: true });
    expect(String(options.will!.payload)).toBe('offline');
  });

  it('reads TLS files relative to the config and names a missing one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-tls-'));
    try {
      writeFileSync(join(dir, 'ca.pem'), 'CA');
      const options = clientOptions(parse({ url: 'mqtts://b', tls: { ca: 'ca.pem', rejectUnauthorized: false } }), 'pi', 's', dir);
      expect(String(options.ca)).toBe('CA');
      expect(options.rejectUnauthorized).toBe(false);
      expect(() => clientOptions(parse({ url: 'mqtts://b', tls: { cert: 'missing.pem' } }), 'pi', 's', dir)).toThrow(/mqtt\.tls\.cert: cannot read .*missing\.pem/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('defaults the node name to a topic-safe hostname', () => {
    expect(nodeName({ node: 'pi-hall' })).toBe('pi-hall');
    expect(nodeName({})).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});
