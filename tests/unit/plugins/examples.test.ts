import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadConfig } from '../../../core/config/index.js';
import { loadPlugins } from '../../../core/plugins/index.js';

describe('example configs', () => {
  it('pi-wiring.yaml passes hearth check (every plugin config valid, no hardware touched)', async () => {
    const loaded = loadConfig(join(process.cwd(), 'examples', 'pi-wiring.yaml'));
    const plugins = await loadPlugins(loaded);
    expect(plugins.map((p) => p.id)).toEqual(['gpio', 'shutter', 'climate-i2c', 'pwm-light', 'onewire', 'thermostat']);
  });

  it('pi-wiring.yaml uses each header line once', () => {
    const { config } = loadConfig(join(process.cwd(), 'examples', 'pi-wiring.yaml'));
    const lines = JSON.stringify(config.plugins).match(/"(?:line|upLine|downLine)":\d+/g)!.map((m) => Number(m.split(':')[1]));
    expect(new Set(lines).size).toBe(lines.length);
  });
});
