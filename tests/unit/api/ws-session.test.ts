import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWsSession } from '../../../core/api/ws/session.js';
import type { ApiUser } from '../../../core/api/env.js';
import { createKernel, type Kernel } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';

const member: ApiUser = { id: 'u1', username: 'mia', role: 'member' };

let kernel: Kernel;
beforeEach(() => {
  vi.useFakeTimers();
  kernel = createKernel(silentLogger());
  for (let i = 0; i < 3; i++) kernel.states.init(kernel.registry.add({ id: `sensor.t${i}`, owner: 'test' }));
});
afterEach(() => vi.useRealTimers());

function session(options: { user?: ApiUser; buffered?: () => number } = {}) {
  const sent: Array<Record<string, unknown>> = [];
  const closes: Array<[number, string]> = [];
  const s = createWsSession({
    kernel,
    address: '10.0.0.2',
    ...(options.user && { user: options.user }),
    authenticate: (token) => (token === 'good' ? member : undefined),
    send: (text) => sent.push(JSON.parse(text) as Record<string, unknown>),
    close: (code, reason) => closes.push([code, reason]),
    bufferedAmount: options.buffered ?? (() => 0),
  });
  return { s, sent, closes };
}

describe('ws session', () => {
  it('closes an unauthenticated socket after 10 s', () => {
    const { sent, closes } = session();
    expect(sent).toEqual([{ type: 'auth_required' }]);
    vi.advanceTimersByTime(9_999);
    expect(closes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(closes).toEqual([[4002, 'authentication timeout']]);
  });

  it('coalesces changes into one batch per 50 ms holding only the latest state per entity', () => {
    const { s, sent } = session({ user: member });
    s.receive(JSON.stringify({ id: 1, type: 'subscribe_entities' }));
    sent.length = 0;
    for (let v = 0; v < 100; v++) kernel.states.update('sensor.t0', { state: v });
    kernel.states.update('sensor.t1', { state: 5 });
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(50);
    expect(sent).toHaveLength(1);
    const changed = (sent[0] as { event: { changed: Array<{ id: string; state: number }> } }).event.changed;
    expect(changed.map((c) => [c.id, c.state])).toEqual([['sensor.t0', 99], ['sensor.t1', 5]]);
  });

  it('a slow client gets a fresh snapshot once it drains, and is closed if it never does', () => {
    let buffered = 0;
    const { s, sent, closes } = session({ user: member, buffered: () => buffered });
    s.receive(JSON.stringify({ id: 1, type: 'subscribe_entities' }));
    sent.length = 0;
    buffered = 300 * 1024;
    kernel.states.update('sensor.t0', { state: 1 });
    vi.advanceTimersByTime(50);
    expect(sent).toEqual([]);
    buffered = 0;
    vi.advanceTimersByTime(50);
    expect(sent).toHaveLength(1);
    expect((sent[0] as { event: { snapshot: unknown[] } }).event.snapshot).toHaveLength(3);

    buffered = 5 * 1024 * 1024;
    kernel.states.update('sensor.t0', { state: 2 });
    vi.advanceTimersByTime(50);
    expect(closes).toEqual([[4008, 'client too slow: too many unread messages']]);
  });

  it('stops listening on unsubscribe and on dispose', () => {
    const { s, sent } = session({ user: member });
    s.receive(JSON.stringify({ id: 1, type: 'subscribe_entities' }));
    s.receive(JSON.stringify({ id: 2, type: 'subscribe_logbook' }));
    s.receive(JSON.stringify({ id: 3, type: 'unsubscribe', subscription: 1 }));
    s.dispose();
    sent.length = 0;
    kernel.states.update('sensor.t0', { state: 3 });
    vi.advanceTimersByTime(100);
    expect(sent).toEqual([]);
  });

  it('streams logbook entries, with the audit trail for admins only', () => {
    const { s, sent } = session({ user: member });
    s.receive(JSON.stringify({ id: 7, type: 'subscribe_logbook' }));
    sent.length = 0;
    kernel.bus.emit('audit', { action: 'user.create', outcome: 'ok', context: { id: 'c' } });
    kernel.states.update('sensor.t2', { state: 4 });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ id: 7, type: 'event', event: { kind: 'state', entityId: 'sensor.t2', from: null, to: 4 } });
  });

  it('rejects a reused subscription id and messages that are not JSON', () => {
    const { s, sent } = session({ user: member });
    s.receive(JSON.stringify({ id: 1, type: 'subscribe_logbook' }));
    s.receive(JSON.stringify({ id: 1, type: 'subscribe_entities' }));
    s.receive('{not json');
    expect(sent.slice(-2)).toEqual([
      { id: 1, type: 'result', success: false, error: { code: 'invalid_input', message: 'id 1 is already used by a subscription' } },
      { id: null, type: 'result', success: false, error: { code: 'invalid_input', message: 'malformed JSON' } },
    ]);
  });
});
