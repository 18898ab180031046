import { describe, expect, it } from 'vitest';
import { configSchema, type PluginEntry } from '../../../core/config/index.js';
import type { LoadedPlugin } from '../../../core/plugins/index.js';
import { planReload, type RunningConfig } from '../../../core/reload/index.js';

const plugin = (id: string, entry: Partial<PluginEntry> = {}, file = `/plugins/${id}.js`): LoadedPlugin =>
  ({ id, entry: { use: id, ...entry }, file, config: {}, plugin: {} }) as unknown as LoadedPlugin;
const running = (plugins: LoadedPlugin[], config: Record<string, unknown> = {}): RunningConfig => ({ config: configSchema.parse(config), plugins });

describe('planReload', () => {
  it('nothing changed: nothing to do', () => {
    const now = running([plugin('gpio'), plugin('shutter')]);
    expect(planReload(now, running([plugin('gpio'), plugin('shutter')]))).toEqual({ stop: [], start: [], restarted: [], restartNeeded: [] });
  });

  it('a changed entry restarts that plugin alone; added start, removed stop, last first', () => {
    const before = running([plugin('gpio', { setupTimeoutS: 5 }), plugin('shutter'), plugin('onewire'), plugin('tic')]);
    const after = running([plugin('gpio', { setupTimeoutS: 6 }), plugin('shutter'), plugin('relays')]);
    const plan = planReload(before, after);
    expect(plan.stop).toEqual(['tic', 'onewire', 'gpio']);
    expect(plan.start.map((p) => p.id)).toEqual(['gpio', 'relays']);
    expect(plan.restarted).toEqual(['gpio']);
  });

  it('the same entry from another module file restarts too', () => {
    expect(planReload(running([plugin('x', {}, '/a.js')]), running([plugin('x', {}, '/b.js')])).restarted).toEqual(['x']);
  });

  it('start-only sections are named as waiting for a restart; areas, name and logging are not', () => {
    const plan = planReload(running([], { areas: ['hall'], name: 'A' }), running([], { areas: ['hall', 'attic'], name: 'B', logging: { level: 'debug' }, server: { port: 8421 }, mqtt: { url: 'mqtt://x' } }));
    expect(plan.restartNeeded).toEqual(['server', 'mqtt']);
  });
});
