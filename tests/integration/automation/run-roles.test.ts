import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../core/api/app.js';
import { createAutomationEngine, createAutomationRoutes, type AutomationEngine, type Trace } from '../../../core/automation/index.js';
import { silentLogger } from '../../../core/log.js';
import { JSON_HEADERS, bearer, createHarness, type Harness } from '../api/harness.js';

/**
 * The harness's switch.boiler is owner-only. An automation commands it: run by hand it acts
 * with the role of who ran it; fired by its trigger it acts as the hub.
 */
let h: Harness;
let engine: AutomationEngine;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  h = await createHarness();
  const log = silentLogger();
  engine = createAutomationEngine({ kernel: h.kernel, database: h.database, log });
  await engine.start();
  engine.create({ id: 'heat', name: 'Heat', triggers: [{ type: 'event', event: 'cold' }], actions: [{ command: 'turn_on', entity: 'switch.boiler' }] });
  const plugins = { start: async () => {}, stop: async () => {}, warn: () => {}, list: () => [] };
  app = createApp({ kernel: h.kernel, auth: h.auth, plugins, log, version: '0.0.0-test', startedAt: Date.now(), modules: [createAutomationRoutes({ engine, log })] });
});
afterAll(async () => {
  await engine.stop();
  h.close();
});

const nextTrace = () => new Promise<Trace>((resolve) => {
  const off = h.kernel.bus.on('automation_trace', ({ trace }) => (off(), resolve(trace)));
});
const run = (token: string) => app.request('/api/automations/heat/run', { method: 'POST', headers: { ...JSON_HEADERS, ...bearer(token) } });
const boiler = () => h.kernel.states.get('switch.boiler')!.state;
const reset = () => h.kernel.states.update('switch.boiler', { state: 'off' });

describe('automations and entity roles', () => {
  it('a member cannot run an automation at all (403)', async () => {
    const res = await run(h.tokens.member);
    expect(res.status).toBe(403);
  });

  it('a manual run by an admin is refused at the owner-only entity: the step fails with forbidden, the boiler stays off', async () => {
    reset();
    const trace = nextTrace();
    expect((await run(h.tokens.admin)).status).toBe(202);
    const done = await trace;
    expect(done.outcome).toBe('error');
    expect(JSON.stringify(done.steps)).toMatch(/may only be commanded by owner.*acts as admin/);
    expect(boiler()).toBe('off');
    expect(h.audits.at(-1)).toMatchObject({ action: 'entity.command', outcome: 'denied', target: 'switch.boiler', context: { userId: h.userIds.admin, role: 'admin', automationId: 'heat' } });
  });

  it('a manual run by the owner turns it on', async () => {
    reset();
    const trace = nextTrace();
    expect((await run(h.tokens.owner)).status).toBe(202);
    expect((await trace).outcome).toBe('completed');
    expect(boiler()).toBe('on');
  });

  it('a triggered run acts as the hub, even when a member caused the trigger', async () => {
    reset();
    const trace = nextTrace();
    h.kernel.bus.emit('event', { type: 'cold', data: {}, context: { id: 'c1', userId: h.userIds.member, role: 'member' }, origin: 'test' });
    const done = await trace;
    expect(done.outcome).toBe('completed');
    expect(boiler()).toBe('on');
    expect(h.kernel.states.get('switch.boiler')!.context).toMatchObject({ automationId: 'heat', userId: h.userIds.member });
    expect(h.kernel.states.get('switch.boiler')!.context.role).toBeUndefined();
  });
});
