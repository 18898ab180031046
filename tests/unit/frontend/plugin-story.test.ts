import { describe, expect, it } from 'vitest';
import type { PluginInfo } from '../../../frontend/src/api/types.js';
import { pluginStory } from '../../../frontend/src/lib/plugin-story.js';

const NOW = Date.parse('2026-12-06T10:00:00Z');
const plugin = (over: Partial<PluginInfo>): PluginInfo => ({
  id: 'shelly', name: 'Shelly', version: '1.0.0', status: 'running', restarts: 0, isolated: false, autoIsolated: false, entities: [], configSchema: {}, ...over,
});

describe('pluginStory', () => {
  it('says nothing about a plugin that never failed', () => {
    expect(pluginStory(plugin({}), NOW)).toEqual([]);
  });

  it('tells restarts, the last failure with its exit code and age, and the next attempt while backing off', () => {
    const story = pluginStory(
      plugin({
        status: 'restarting',
        restarts: 3,
        isolated: true,
        autoIsolated: true,
        lastFailure: { at: '2026-12-06T09:58:00Z', error: 'exited', exitCode: 3 },
        nextRestartAt: '2026-12-06T10:00:08Z',
      }),
      NOW,
    );
    expect(story).toEqual([
      'Restarted 3 times after failures',
      'Last failure 2 min ago: exited (exit code 3)',
      'Next restart in 8.0 s',
      'Isolated by the hub: it blocked the event loop or crashed outside its callbacks before',
    ]);
  });

  it('keeps the failure on a plugin that runs again, with the signal that ended it', () => {
    expect(pluginStory(plugin({ restarts: 1, lastFailure: { at: '2026-12-06T09:59:50Z', error: 'not responding for 10 s (event loop blocked?)', signal: 'SIGKILL' } }), NOW)).toEqual([
      'Restarted once after failures',
      'Last failure just now: not responding for 10 s (event loop blocked?) (signal SIGKILL)',
    ]);
  });
});
