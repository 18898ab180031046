import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWsFanout, type WsFanout } from '../../../core/api/ws/fanout.js';
import { BATCH_WINDOW_MS as W } from '../../../core/api/ws/protocol.js';
import { DEFAULT_WS_OPTIONS, createWsSession } from '../../../core/api/ws/session.js';
import type { ApiUser } from '../../../core/api/env.js';
import type { Trace } from '../../../core/automation/index.js';
import type { LogbookEntry } from '../../../core/history/index.js';
import { createKernel, type Kernel } from '../../../core/kernel/index.js';
import { silentLogger } from '../../../core/log.js';

const member: ApiUser = { id: 'u1', username: 'mia', role: 'member' };
const admin: ApiUser = { id: 'u2', username: 'adam', role: 'admin' };
type Msg = Record<string, unknown> & { event?: Record<string, unknown> };

let kernel: Kernel;
let fanout: WsFanout;
beforeEach(() => {
  vi.useFakeTimers();
  kernel = createKernel(silentLogger());
  for (let i = 0; i < 3; i++) kernel.states.init(kernel.registry.add({ id: `sensor.t${i}`, owner: 'test' }));
  fanout = createWsFanout({ kernel, options: DEFAULT_WS_OPTIONS, resolveUserName: (id) => ({ u1: 'Mia', u2: 'Adam' })[id] });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

function session(options: { user?: ApiUser; buffered?: () => number } = {}) {
  const sent: Msg[] = [];
  const closes: Array<[number, string]> = [];
  const s = createWsSession({
    kernel,
    fanout,
    address: '10.0.0.2',
    ...(options.user && { user: options.user }),
    authenticate: (token) => (token === 'good' ? member : undefined),
    send: (text) => sent.push(JSON.parse(text) as Msg),
    close: (code, reason) => closes.push([code, reason]),
    bufferedAmount: options.buffered ?? (() => 0),
  });
  return { s, sent, closes, send: (m: Record<string, unknown>) => s.receive(JSON.stringify(m)) };
}

/** A session subscribed to all entities, its snapshot already read. */
function subscribed(options: Parameters<typeof session>[0] = { user: member }, id = 1) {
  const client = session(options);
  client.send({ id, type: 'subscribe_entities' });
  client.sent.length = 0;
  return client;
}

const changedOf = (m: Msg | undefined) => (m?.event?.changed as Array<{ id: string; state: number }>).map((c) => [c.id, c.state]);

const entry = (id: number, kind: LogbookEntry['kind'], userId?: string): LogbookEntry => ({
  id, ms: Date.parse('2025-03-01T10:00:00Z') + id, kind, entityId: kind === 'audit' ? null : 'sensor.t0', what: kind === 'command' ? 'turn_on' : 'user.create',
  outcome: 'ok', context: { id: `c${id}`, ...(userId && { userId }) }, address: null, details: null,
});

const trace = (automationId: string, runId: string): Trace => ({
  runId, automationId, trigger: { type: 'manual' }, contextId: `ctx-${runId}`, startedAt: '2025-03-01T10:00:00.000Z', endedAt: '2025-03-01T10:00:01.000Z', outcome: 'completed', steps: [],
});

describe('ws session', () => {
  it('closes an unauthenticated socket after 10 s', () => {
    const { sent, closes } = session();
    expect(sent).toEqual([{ type: 'auth_required' }]);
    vi.advanceTimersByTime(9_999);
    expect(closes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(closes).toEqual([[4002, 'authentication timeout']]);
  });

  it('answers a subscribe with its result, then the snapshot', () => {
    const { sent, send } = session({ user: member });
    send({ id: 4, type: 'subscribe_entities', entityIds: ['sensor.t1'] });
    expect(sent.slice(1)).toEqual([
      { id: 4, type: 'result', success: true },
      { id: 4, type: 'event', event: { snapshot: [expect.objectContaining({ id: 'sensor.t1', state: null })] } },
    ]);
  });

  it('sends the first change after a quiet spell at once, then one batch per window holding only the latest state per entity', () => {
    const { sent } = subscribed();
    kernel.states.update('sensor.t2', { state: 1 });
    vi.advanceTimersByTime(0);
    expect(changedOf(sent.shift())).toEqual([['sensor.t2', 1]]);
    for (let v = 0; v < 100; v++) kernel.states.update('sensor.t0', { state: v });
    kernel.states.update('sensor.t1', { state: 5 });
    vi.advanceTimersByTime(W - 1);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toHaveLength(1);
    expect(changedOf(sent.shift())).toEqual([['sensor.t0', 99], ['sensor.t1', 5]]);
    vi.advanceTimersByTime(3 * W);
    kernel.states.update('sensor.t1', { state: 6 });
    vi.advanceTimersByTime(0);
    expect(changedOf(sent.shift())).toEqual([['sensor.t1', 6]]);
  });

  it('serialises each batch once per filter and flushes every session on one timer', () => {
    const all = Array.from({ length: 10 }, (_, i) => subscribed({ user: member }, i + 1));
    const filtered = session({ user: member });
    filtered.send({ id: 1, type: 'subscribe_entities', entityIds: ['sensor.t1', 'sensor.t0'] });
    filtered.sent.length = 0;
    const stringify = vi.spyOn(JSON, 'stringify');
    kernel.states.update('sensor.t0', { state: 1 });
    kernel.states.update('sensor.t2', { state: 2 });
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(W);
    const batches = stringify.mock.calls.filter(([value]) => typeof value === 'object' && value !== null && 'changed' in value);
    expect(batches).toHaveLength(2);
    all.forEach(({ sent }, i) => {
      expect(sent).toEqual([{ id: i + 1, type: 'event', event: { changed: [expect.objectContaining({ id: 'sensor.t0' }), expect.objectContaining({ id: 'sensor.t2' })] } }]);
    });
    expect(changedOf(filtered.sent[0])).toEqual([['sensor.t0', 1]]);
  });

  it('a slow client gets a fresh snapshot once it drains, and is closed if it never does, without holding back the others', () => {
    let buffered = 0;
    const slow = subscribed({ user: member, buffered: () => buffered });
    const fast = subscribed();
    buffered = 300 * 1024;
    kernel.states.update('sensor.t0', { state: 1 });
    vi.advanceTimersByTime(W);
    expect(slow.sent).toEqual([]);
    expect(changedOf(fast.sent.shift())).toEqual([['sensor.t0', 1]]);
    buffered = 0;
    vi.advanceTimersByTime(W);
    expect(slow.sent).toHaveLength(1);
    expect((slow.sent[0]!.event!.snapshot as unknown[])).toHaveLength(3);
    expect(fast.sent).toEqual([]);

    buffered = 5 * 1024 * 1024;
    kernel.states.update('sensor.t0', { state: 2 });
    vi.advanceTimersByTime(W);
    expect(slow.closes).toEqual([[4008, 'client too slow: too many unread messages']]);
    expect(changedOf(fast.sent.shift())).toEqual([['sensor.t0', 2]]);
  });

  it('holds no subscription for a client closed as too slow while subscribing', () => {
    let buffered = 0;
    const { sent, closes, send } = session({ user: member, buffered: () => buffered });
    buffered = 5 * 1024 * 1024;
    send({ id: 1, type: 'subscribe_entities' });
    expect(closes).toEqual([[4008, 'client too slow: too many unread messages']]);
    kernel.states.update('sensor.t0', { state: 1 });
    expect(vi.getTimerCount()).toBe(0);
    expect(sent).toEqual([{ type: 'auth_ok', user: { id: 'u1', username: 'mia', role: 'member' } }]);
  });

  it('streams committed logbook entries in the REST shape, batched, with the audit trail for admins only', () => {
    const m = session({ user: member });
    const a = session({ user: admin });
    m.send({ id: 7, type: 'subscribe_logbook' });
    a.send({ id: 3, type: 'subscribe_logbook' });
    expect(m.sent.at(-1)).toEqual({ id: 7, type: 'result', success: true });
    m.sent.length = 0;
    a.sent.length = 0;
    kernel.bus.emit('logbook_written', { entries: [entry(1, 'command', 'u1'), entry(2, 'audit', 'u2')] });
    kernel.bus.emit('logbook_written', { entries: [entry(3, 'command')] });
    kernel.states.update('sensor.t0', { state: 4 });
    vi.advanceTimersByTime(W);
    expect(m.sent).toEqual([
      { id: 7, type: 'event', event: { entries: [{ ...entry(1, 'command', 'u1'), when: '2025-03-01T10:00:00.001Z', userName: 'Mia' }, { ...entry(3, 'command'), when: '2025-03-01T10:00:00.003Z' }] } },
    ]);
    expect((a.sent[0]!.event!.entries as LogbookEntry[]).map((e) => [e.id, e.kind])).toEqual([[1, 'command'], [2, 'audit'], [3, 'command']]);
    expect(a.sent).toHaveLength(1);
  });

  it('streams finished automation runs as {trace}, filtered by automation when asked', () => {
    const one = session({ user: member });
    const every = session({ user: member });
    one.send({ id: 2, type: 'subscribe_automation_traces', automationId: 'night' });
    every.send({ id: 5, type: 'subscribe_automation_traces' });
    expect(one.sent.at(-1)).toEqual({ id: 2, type: 'result', success: true });
    one.sent.length = 0;
    every.sent.length = 0;
    kernel.bus.emit('automation_trace', { trace: trace('night', 'r1') });
    kernel.bus.emit('automation_trace', { trace: trace('morning', 'r2') });
    expect(one.sent).toEqual([{ id: 2, type: 'event', event: { trace: trace('night', 'r1') } }]);
    expect(every.sent.map((m) => (m.event!.trace as Trace).runId)).toEqual(['r1', 'r2']);
  });

  it('stops every kind of subscription on unsubscribe and on dispose', () => {
    const { s, sent, send } = session({ user: member });
    send({ id: 1, type: 'subscribe_entities' });
    send({ id: 2, type: 'subscribe_logbook' });
    send({ id: 3, type: 'subscribe_automation_traces' });
    send({ id: 4, type: 'unsubscribe', subscription: 1 });
    expect(sent.at(-1)).toEqual({ id: 4, type: 'result', success: true });
    kernel.states.update('sensor.t0', { state: 3 });
    vi.advanceTimersByTime(2 * W);
    send({ id: 5, type: 'unsubscribe', subscription: 1 });
    expect(sent.at(-1)).toMatchObject({ id: 5, success: false, error: { code: 'not_found' } });
    s.dispose();
    sent.length = 0;
    kernel.states.update('sensor.t0', { state: 4 });
    kernel.bus.emit('logbook_written', { entries: [entry(1, 'command')] });
    kernel.bus.emit('automation_trace', { trace: trace('night', 'r1') });
    vi.advanceTimersByTime(2 * W);
    expect(sent).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects a reused subscription id, a bad filter and messages that are not JSON', () => {
    const { sent, send, s } = session({ user: member });
    send({ id: 1, type: 'subscribe_logbook' });
    send({ id: 1, type: 'subscribe_entities' });
    send({ id: 2, type: 'subscribe_automation_traces', automationId: 5 });
    s.receive('{not json');
    expect(sent.slice(-3)).toEqual([
      { id: 1, type: 'result', success: false, error: { code: 'invalid_input', message: 'id 1 is already used by a subscription' } },
      { id: 2, type: 'result', success: false, error: { code: 'invalid_input', message: expect.stringContaining('automationId') } },
      { id: null, type: 'result', success: false, error: { code: 'invalid_input', message: 'malformed JSON' } },
    ]);
  });
});

describe('a signed-out session', () => {
  it('ends its socket: at the next message or recheck the client is told auth_invalid and the socket closes with 4001', () => {
    let live = true;
    const sent: Msg[] = [];
    const closes: Array<[number, string]> = [];
    const s = createWsSession({
      kernel, fanout, address: '10.0.0.2', user: member,
      authenticate: () => undefined,
      stillSignedIn: () => live,
      send: (text) => sent.push(JSON.parse(text) as Msg),
      close: (code, reason) => closes.push([code, reason]),
      bufferedAmount: () => 0,
    });
    s.receive(JSON.stringify({ id: 1, type: 'ping' }));
    expect(sent.map((m) => m.type)).toEqual(['auth_ok', 'pong']);
    s.recheck();
    expect(closes).toEqual([]);

    live = false;
    s.receive(JSON.stringify({ id: 2, type: 'command', entityId: 'sensor.t0', command: 'x' }));
    expect(sent.slice(2)).toEqual([{ type: 'auth_invalid', message: expect.stringMatching(/signed out/) }]);
    expect(closes).toEqual([[4001, 'signed out']]);
    s.recheck();
    expect(closes).toHaveLength(1);
  });
});
