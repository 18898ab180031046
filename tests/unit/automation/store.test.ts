import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAutomationStore, TRACES_KEPT } from '../../../core/automation/store.js';
import type { Trace } from '../../../core/automation/trace.js';
import { openDatabase, type DatabaseHandle } from '../../../core/db/index.js';

const T0 = Date.parse('2026-12-01T00:00:00.000Z');
const trace = (automationId: string, n: number, outcome: Trace['outcome'] = 'completed'): Trace => {
  const at = new Date(T0 + n * 60_000).toISOString();
  return { runId: `${automationId}-${n}`, automationId, trigger: { type: 'event' }, contextId: `c${n}`, startedAt: at, endedAt: at, outcome, steps: [] };
};

let dir: string;
let database: DatabaseHandle;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-automation-store-'));
  database = openDatabase(join(dir, 'hearth.db'));
});
afterEach(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('automation traces', () => {
  it('a batch bigger than the 10 kept, out of order and with a run written twice, leaves the newest 10 of each automation', () => {
    const store = createAutomationStore(database);
    store.addTraces([trace('a', 0), trace('b', 0)]);
    const batch = [...Array.from({ length: 14 }, (_, i) => trace('a', 14 - i)), trace('b', 1), trace('a', 14, 'error')];
    store.addTraces(batch);
    expect(store.traces('a').map((t) => `${t.runId} ${t.outcome}`)).toEqual([
      'a-14 error', ...Array.from({ length: TRACES_KEPT - 1 }, (_, i) => `a-${13 - i} completed`),
    ]);
    expect(store.traces('b').map((t) => t.runId)).toEqual(['b-1', 'b-0']);
  });
});
