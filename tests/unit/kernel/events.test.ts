import { pino } from 'pino';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createContext, createEventBus } from '../../../core/kernel/index.js';

describe('event bus', () => {
  it('logs a throwing listener with the event name and still runs the others', () => {
    const lines: string[] = [];
    const log = pino(new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    const bus = createEventBus(log);
    const received: string[] = [];
    bus.on('event', () => {
      throw new Error('broken listener');
    });
    bus.on('event', (e) => received.push(e.type));
    bus.emit('event', { type: 'doorbell', data: {}, context: createContext(), origin: 'test' });
    expect(received).toEqual(['doorbell']);
    expect(lines.join('')).toMatch(/"event":"event".*event listener failed|event listener failed.*"event":"event"/);
  });

  it('stops delivering after unsubscribe', () => {
    const bus = createEventBus(pino({ level: 'silent' }));
    let count = 0;
    const off = bus.on('plugin_status', () => count++);
    bus.emit('plugin_status', { pluginId: 'a', status: 'running' });
    off();
    bus.emit('plugin_status', { pluginId: 'a', status: 'stopped' });
    expect(count).toBe(1);
  });

  it('says whether anyone listens, and applies a listener added or removed during an emit from the next emit on', () => {
    const bus = createEventBus(pino({ level: 'silent' }));
    expect(bus.listening('plugin_status')).toBe(false);
    const calls: string[] = [];
    const late = () => calls.push('late');
    const offSelf = bus.on('plugin_status', () => {
      calls.push('first');
      offSelf();
      bus.on('plugin_status', late);
    });
    expect(bus.listening('plugin_status')).toBe(true);
    bus.emit('plugin_status', { pluginId: 'a', status: 'running' });
    bus.emit('plugin_status', { pluginId: 'a', status: 'stopped' });
    expect(calls).toEqual(['first', 'late']);
  });
});
