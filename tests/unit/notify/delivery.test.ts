import { createHmac } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { notifySchema } from '../../../core/config/index.js';
import { openDatabase, type DatabaseHandle } from '../../../core/db/index.js';
import { createKernel, type EventMap } from '../../../core/kernel/index.js';
import { createLogger, silentLogger, type Logger } from '../../../core/log.js';
import { createNotifier, createUserTargetStore, type NotifyService } from '../../../core/notify/index.js';
import { httpStandIn, smtpStandIn } from './servers.js';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Setup {
  env?: Record<string, string>;
  log?: Logger;
  users?: { id: string; username: string }[];
  timezone?: string;
}

function notifierFor(channels: unknown[], setup: Setup = {}) {
  const kernel = createKernel(silentLogger());
  const database: DatabaseHandle = openDatabase(':memory:');
  const targets = createUserTargetStore(database.sqlite);
  const shown: EventMap['notification']['notification'][] = [];
  kernel.bus.on('notification', ({ notification }) => shown.push(notification));
  const notifier: NotifyService = createNotifier({
    channels: notifySchema.parse(channels),
    bus: kernel.bus,
    log: setup.log ?? silentLogger(),
    users: { list: () => setup.users ?? [] },
    targets,
    env: setup.env ?? {},
    ...(setup.timezone && { timezone: setup.timezone }),
  });
  cleanups.push(async () => {
    await notifier.stop();
    database.close();
  });
  return { notifier, targets, shown };
}

async function stand() {
  const server = await httpStandIn();
  cleanups.push(server.close);
  return server;
}

/** Polls between I/O callbacks (not on the fake clock) until `predicate` holds. */
async function until(predicate: () => boolean): Promise<void> {
  const deadline = performance.now() + 5_000;
  while (!predicate()) {
    if (performance.now() > deadline) throw new Error('condition not reached within 5 s');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const status = (notifier: NotifyService, id: string) => notifier.channels().find((c) => c.id === id)!;

describe('webhook', () => {
  it('posts the notification as JSON, signed with the secret from HEARTH_NOTIFY_<ID>_SECRET', async () => {
    const server = await stand();
    const { notifier } = notifierFor([{ id: 'hook', type: 'webhook', url: `${server.url}/hook`, headers: { 'X-Home': 'ours' } }], { env: { HEARTH_NOTIFY_HOOK_SECRET: 'shared-secret' } });
    notifier.send(['hook'], { title: 'Door open', message: 'The front door is open', severity: 'warning', entity: 'binary_sensor.front_door', alertId: 7 });
    const [request] = await server.requests(1);
    expect(request!.path).toBe('/hook');
    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['x-home']).toBe('ours');
    const expected = `sha256=${createHmac('sha256', 'shared-secret').update(request!.body).digest('hex')}`;
    expect(request!.headers['x-hearth-signature']).toBe(expected);
    expect(JSON.parse(request!.body)).toMatchObject({ channel: 'hook', title: 'Door open', message: 'The front door is open', severity: 'warning', entity: 'binary_sensor.front_door', alertId: 7 });
    await vi.waitFor(() => expect(status(notifier, 'hook')).toMatchObject({ state: 'ok', delivered: 1, pending: 0 }));
  });

  it('sends no signature header without a secret', async () => {
    const server = await stand();
    const { notifier } = notifierFor([{ id: 'hook', type: 'webhook', url: server.url }]);
    notifier.send(['hook'], { title: 't', message: 'm', severity: 'info' });
    const [request] = await server.requests(1);
    expect(request!.headers['x-hearth-signature']).toBeUndefined();
  });
});

describe('ntfy', () => {
  it('publishes title, priority, tags and click URL as JSON to the server, with the token', async () => {
    const server = await stand();
    const { notifier } = notifierFor([{ id: 'phone', type: 'ntfy', url: `${server.url}/our-home`, priority: 'high', tags: ['house'], token: 'tk_123' }]);
    notifier.send(['phone'], { title: 'Salle de bain: fenêtre ouverte', message: 'Il pleut', severity: 'critical', url: 'http://hub.local/alerts' });
    const [request] = await server.requests(1);
    expect(request!.path).toBe('/');
    expect(request!.headers.authorization).toBe('Bearer tk_123');
    expect(JSON.parse(request!.body)).toEqual({ topic: 'our-home', title: 'Salle de bain: fenêtre ouverte', message: 'Il pleut', priority: 5, tags: ['house', 'rotating_light'], click: 'http://hub.local/alerts' });
  });

  it("raises info to the channel's priority and sends silent ones at min", async () => {
    const server = await stand();
    const { notifier } = notifierFor([{ id: 'phone', type: 'ntfy', url: `${server.url}/t`, priority: 'high' }]);
    notifier.send(['phone'], { title: 'a', message: 'm', severity: 'info' });
    notifier.send(['phone'], { title: 'b', message: 'm', severity: 'critical', silent: true });
    const received = await server.requests(2);
    expect(received.map((r) => (JSON.parse(r.body) as { priority: number }).priority)).toEqual([4, 1]);
  });
});

describe('email', () => {
  it('sends through SMTP with STARTTLS, signing in with the password from the environment', async () => {
    const smtp = await smtpStandIn('hub', 'mail-pass');
    cleanups.push(smtp.close);
    const { notifier } = notifierFor(
      [{ id: 'mail', type: 'email', smtp: { host: '127.0.0.1', port: smtp.port, user: 'hub', rejectUnauthorized: false }, from: 'hub@example.org', to: ['us@example.org'] }],
      { env: { HEARTH_NOTIFY_MAIL_PASSWORD: 'mail-pass' } },
    );
    notifier.send(undefined, { title: 'Smoke in the kitchen', message: 'The kitchen smoke sensor went off', severity: 'critical', entity: 'binary_sensor.kitchen_smoke' });
    const [mail] = await smtp.received(1);
    expect(mail).toMatchObject({ from: 'hub@example.org', to: ['us@example.org'], user: 'hub', secure: true });
    expect(mail!.data).toMatch(/^Subject: \[critical\] Smoke in the kitchen$/m);
    expect(mail!.data).toContain('The kitchen smoke sensor went off');
    expect(mail!.data).toContain('Entity: binary_sensor.kitchen_smoke');
    await vi.waitFor(() => expect(status(notifier, 'mail')).toMatchObject({ state: 'ok', delivered: 1 }));
  });

  it('reports a wrong password as the failing reason', async () => {
    const smtp = await smtpStandIn('hub', 'mail-pass');
    cleanups.push(smtp.close);
    const { notifier } = notifierFor(
      [{ id: 'mail', type: 'email', smtp: { host: '127.0.0.1', port: smtp.port, user: 'hub', password: 'wrong', rejectUnauthorized: false }, from: 'hub@example.org', to: ['us@example.org'] }],
    );
    notifier.send(['mail'], { title: 't', message: 'm', severity: 'info' });
    await vi.waitFor(() => expect(status(notifier, 'mail')).toMatchObject({ state: 'failing', pending: 1, lastError: expect.stringMatching(/Invalid username or password/) }), { timeout: 5000 });
    expect(smtp.mails).toHaveLength(0);
  });
});

describe('a failing channel', () => {
  it('retries with doubling back-off, reports failing since and the error, then recovers in order', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: Date.parse('2026-12-06T10:00:00Z') });
    const server = await stand();
    server.answer(500);
    const { notifier } = notifierFor([{ id: 'hook', type: 'webhook', url: server.url, retry: { minS: 5, maxS: 20 } }]);
    notifier.send(['hook'], { title: 'first', message: 'm', severity: 'info' });
    notifier.send(['hook'], { title: 'second', message: 'm', severity: 'info' });
    await until(() => status(notifier, 'hook').nextRetryAt !== undefined);
    expect(status(notifier, 'hook')).toMatchObject({ state: 'failing', failingSince: '2026-12-06T10:00:00.000Z', nextRetryAt: '2026-12-06T10:00:05.000Z', pending: 2, lastError: expect.stringContaining('answered 500') });

    // Back-off 5 s, then 10 s: nothing is tried before its time.
    await vi.advanceTimersByTimeAsync(4_900);
    expect(server.received).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    await server.requests(2);
    await until(() => status(notifier, 'hook').nextRetryAt === '2026-12-06T10:00:15.000Z');
    await vi.advanceTimersByTimeAsync(9_900);
    expect(server.received).toHaveLength(2);

    server.answer(200);
    await vi.advanceTimersByTimeAsync(100);
    await server.requests(4);
    await until(() => status(notifier, 'hook').pending === 0);
    expect(status(notifier, 'hook')).toMatchObject({ state: 'ok', delivered: 2, dropped: 0, lastSuccessAt: '2026-12-06T10:00:15.000Z' });
    expect(status(notifier, 'hook').failingSince).toBeUndefined();
    expect(server.received.map((r) => (JSON.parse(r.body) as { title: string }).title)).toEqual(['first', 'first', 'first', 'second']);
  });

  it('never blocks or throws to the caller, even with the server down', async () => {
    const server = await stand();
    await server.close();
    cleanups.pop();
    const { notifier } = notifierFor([{ id: 'hook', type: 'webhook', url: server.url }]);
    const started = performance.now();
    expect(() => notifier.send(['hook', 'nope'], { title: 't', message: 'm', severity: 'info' })).not.toThrow();
    expect(performance.now() - started).toBeLessThan(50);
    await vi.waitFor(() => expect(status(notifier, 'hook')).toMatchObject({ state: 'failing', lastError: expect.stringContaining('ECONNREFUSED') }));
  });

  it('gives a notification up once it is older than giveUpAfterS', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const server = await stand();
    server.answer(503);
    const { notifier } = notifierFor([{ id: 'hook', type: 'webhook', url: server.url, retry: { minS: 10, maxS: 10, giveUpAfterS: 25 } }]);
    notifier.send(['hook'], { title: 't', message: 'm', severity: 'info' });
    for (let n = 1; n <= 3; n++) {
      await until(() => status(notifier, 'hook').nextRetryAt !== undefined);
      await vi.advanceTimersByTimeAsync(10_000);
      await server.requests(n + 1);
    }
    await until(() => status(notifier, 'hook').pending === 0);
    expect(status(notifier, 'hook')).toMatchObject({ dropped: 1, state: 'failing' });
  });
});

describe('quiet hours', () => {
  it('holds non-critical notifications until the end, sends critical ones at once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: Date.parse('2026-12-06T23:30:00Z') });
    const server = await stand();
    const { notifier } = notifierFor([{ id: 'hook', type: 'webhook', url: server.url, quietHours: { from: '22:00', to: '07:00' } }], { timezone: 'UTC' });
    notifier.send(['hook'], { title: 'low battery', message: 'm', severity: 'warning' });
    notifier.send(['hook'], { title: 'smoke', message: 'm', severity: 'critical' });
    await server.requests(1);
    expect(status(notifier, 'hook')).toMatchObject({ held: 1 });
    await vi.advanceTimersByTimeAsync(7.5 * 3600_000 - 1000);
    expect(server.received).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1000);
    await server.requests(2);
    expect(server.received.map((r) => (JSON.parse(r.body) as { title: string }).title)).toEqual(['smoke', 'low battery']);
    expect(status(notifier, 'hook').held).toBe(0);
  });
});

describe('per-user targets', () => {
  const users = [
    { id: 'u1', username: 'alice' },
    { id: 'u2', username: 'bob' },
  ];

  it("sends user:<name> to that user's own topic, and a users: all channel to everyone who set one", async () => {
    const server = await stand();
    const { notifier, targets } = notifierFor([{ id: 'phones', type: 'ntfy', url: server.url, users: 'all', default: false }], { users });
    targets.set('u1', { ntfyTopic: 'alice-phone' });
    targets.set('u2', { ntfyTopic: 'bob-phone', quietHours: { from: '00:00', to: '23:59' } });
    notifier.send(['user:alice'], { title: 'for alice', message: 'm', severity: 'info' });
    await server.requests(1);
    notifier.send(['phones', 'user:alice'], { title: 'for all', message: 'm', severity: 'critical' });
    const received = await server.requests(3);
    const topics = received.map((r) => `${(JSON.parse(r.body) as { topic: string; title: string }).topic}:${(JSON.parse(r.body) as { title: string }).title}`);
    expect(topics.sort()).toEqual(['alice-phone:for alice', 'alice-phone:for all', 'bob-phone:for all']);
    // bob's own quiet hours hold what is not critical
    notifier.send(['phones'], { title: 'later', message: 'm', severity: 'info' });
    await server.requests(4);
    expect(status(notifier, 'phones').held).toBe(1);
  });

  it('reaches only the listed users', async () => {
    const server = await stand();
    const { notifier, targets } = notifierFor([{ id: 'phones', type: 'ntfy', url: server.url, users: ['bob'] }], { users });
    targets.set('u1', { ntfyTopic: 'alice-phone' });
    targets.set('u2', { ntfyTopic: 'bob-phone' });
    notifier.send(['user:alice', 'phones'], { title: 't', message: 'm', severity: 'info' });
    const [request] = await server.requests(1);
    expect(JSON.parse(request!.body)).toMatchObject({ topic: 'bob-phone' });
    await vi.waitFor(() => expect(status(notifier, 'phones').delivered).toBe(1));
    expect(server.received).toHaveLength(1);
  });
});

describe('dashboard', () => {
  it('is a default channel; a silent notification is not shown', () => {
    const { notifier, shown } = notifierFor([]);
    notifier.send(undefined, { title: 'Hello', message: 'm', severity: 'info' });
    notifier.send(['dashboard'], { title: 'Duress', message: 'm', severity: 'critical', silent: true });
    notifier.send([], { title: 'Nowhere', message: 'm', severity: 'info' });
    expect(shown).toEqual([{ title: 'Hello', message: 'm', severity: 'info', id: expect.any(String), at: expect.any(String) }]);
  });
});

describe('secrets', () => {
  it('never appear in the logs, even when a channel fails or its config is logged', async () => {
    let output = '';
    const sink = new Writable({ write: (chunk: Buffer, _enc, done) => void ((output += chunk.toString()), done()) });
    const log = createLogger('trace', sink);
    const server = await stand();
    server.answer(500);
    const smtp = await smtpStandIn('hub', 'right-pass');
    cleanups.push(smtp.close);
    const channels = [
      { id: 'hook', type: 'webhook', url: server.url, secret: 'hook-secret-1' },
      { id: 'phone', type: 'ntfy', url: `${server.url}/t` },
      { id: 'mail', type: 'email', smtp: { host: '127.0.0.1', port: smtp.port, user: 'hub', rejectUnauthorized: false }, from: 'a@b.c', to: ['d@e.f'] },
    ];
    const { notifier } = notifierFor(channels, { log, env: { HEARTH_NOTIFY_PHONE_TOKEN: 'ntfy-token-2', HEARTH_NOTIFY_MAIL_PASSWORD: 'wrong-pass-3' } });
    log.info({ notify: channels, mqtt: { password: 'mqtt-pass-4' } }, 'config');
    notifier.send(undefined, { title: 't', message: 'm', severity: 'info' });
    await vi.waitFor(() => expect(notifier.channels().filter((c) => c.state === 'failing')).toHaveLength(3), { timeout: 5000 });
    expect(output).toContain('notification channel failing');
    expect(output).toContain('[redacted]');
    for (const secret of ['hook-secret-1', 'ntfy-token-2', 'wrong-pass-3', 'mqtt-pass-4']) expect(output).not.toContain(secret);
  });
});
