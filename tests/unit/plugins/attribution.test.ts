import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../core/log.js';
import { blamedPlugins, runInPluginScope, runOutsidePluginScope } from '../../../core/plugins/attribution.js';
import { installExitHandlers } from '../../../core/safety/exit.js';

const modules = [
  { pluginId: 'shelly', file: '/srv/hearth/node_modules/hearth-plugin-shelly/index.js' },
  { pluginId: 'shelly-2', file: '/srv/hearth/node_modules/hearth-plugin-shelly/index.js' },
  { pluginId: 'aquarium', file: '/home/pi/my-plugins/aquarium/index.js' },
];
const thrownAt = (...frames: string[]) => Object.assign(new Error('boom'), { stack: ['Error: boom', ...frames.map((f) => `    at ${f}`)].join('\n') });

describe('blaming an uncaught error on a plugin', () => {
  it('blames the plugin whose scope the error surfaced in, and only it', () => {
    expect(runInPluginScope({ pluginId: 'aquarium' }, () => blamedPlugins(new Error('x'), modules))).toEqual(['aquarium']);
    expect(runInPluginScope({ pluginId: 'aquarium' }, () => runOutsidePluginScope(() => blamedPlugins(new Error('x'), [])))).toEqual([]);
  });

  it('else finds the innermost stack frame inside a plugin module; instances of one module share the blame', () => {
    const err = thrownAt('JSON.parse (<anonymous>)', 'poll (file:///home/pi/my-plugins/aquarium/lib/read.js:12:5)', 'Timeout._onTimeout (/srv/hearth/node_modules/hearth-plugin-shelly/index.js:40:3)');
    expect(blamedPlugins(err, modules)).toEqual(['aquarium']);
    expect(blamedPlugins(thrownAt('Socket.onData (/srv/hearth/node_modules/hearth-plugin-shelly/index.js:9:1)'), modules)).toEqual(['shelly', 'shelly-2']);
  });

  it('blames nobody for an error from the hub itself, or for a module folder that is only a prefix', () => {
    expect(blamedPlugins(thrownAt('listOnTimeout (node:internal/timers:573:17)', '/srv/hearth/dist/core/hub.js:10:1'), modules)).toEqual([]);
    expect(blamedPlugins(thrownAt('/home/pi/my-plugins/aquarium-old/index.js:1:1'), modules)).toEqual([]);
    expect(blamedPlugins('a string rejection', modules)).toEqual([]);
  });
});

describe('exit handlers with a blame function', () => {
  it('let the hub run on when a plugin takes the blame, and stay fatal (outputs released) when none does', async () => {
    const target = new EventEmitter();
    const exits: number[] = [];
    let released = 0;
    const handlers = installExitHandlers(silentLogger(), { target, exit: (code) => void exits.push(code) });
    handlers.ready({ stop: async () => {}, releaseOutputs: async () => void released++ });
    const kinds: string[] = [];
    handlers.blameWith((err, kind) => (kinds.push(kind), (err as Error).message === 'plugin bug'));
    target.emit('uncaughtException', new Error('plugin bug'));
    target.emit('unhandledRejection', new Error('plugin bug'));
    expect(kinds).toEqual(['uncaught exception', 'unhandled promise rejection']);
    expect(exits).toEqual([]);
    target.emit('uncaughtException', new Error('hub bug'));
    await new Promise((resolve) => setImmediate(resolve));
    expect(released).toBe(1);
    expect(exits).toEqual([1]);
    handlers.dispose();
  });
});
