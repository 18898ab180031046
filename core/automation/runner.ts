import type { Logger } from 'pino';
import { errorMessage } from '../errors.js';
import type { Context, EntityState, EventBus } from '../kernel/index.js';
import type { Clock } from './clock.js';
import { evaluate } from './conditions.js';
import type { Action, Condition } from './definition.js';
import { render, type TriggerData } from './template.js';
import type { Location } from './time.js';
import { attachTrigger } from './triggers.js';

export interface CommandCall {
  entityId: string;
  command: string;
  params: Record<string, unknown>;
  context: Context;
}

export interface RunEnv {
  bus: EventBus;
  getState(entityId: string): EntityState | undefined;
  dispatch(call: CommandCall): Promise<unknown>;
  clock: Clock;
  log: Logger;
  location?: Location;
  subscribeMqtt?: (filter: string) => () => void;
}

export interface TraceStep {
  path: string;
  action: string;
  alias?: string;
  startedAt: string;
  endedAt?: string;
  result?: unknown;
  error?: string;
}

/** Where a run waits at top level, kept so a delay or wait survives a restart. */
export interface ResumePoint {
  step: number;
  kind: 'delay' | 'wait';
  /** Epoch ms; null for a wait without timeout. */
  deadline: number | null;
}

export interface RunContext {
  env: RunEnv;
  trigger: TriggerData;
  context: Context;
  signal: AbortSignal;
  steps: TraceStep[];
  log: Logger;
  /** Called with the point a top-level delay/wait waits at, and with undefined once it is over. */
  persist?: (point: ResumePoint | undefined) => void;
}

/** `stop:` or a failed `condition:` step: ends the run on purpose. */
export class StopRun extends Error {
  constructor(
    readonly reason: string,
    readonly isError: boolean,
  ) {
    super(reason);
  }
}

export class AbortedRun extends Error {
  constructor() {
    super('run aborted');
  }
}

export function actionKind(action: Action): string {
  for (const key of ['command', 'delay', 'wait_for_trigger', 'condition', 'choose', 'repeat', 'parallel', 'stop', 'log'] as const) {
    if (key in action) return key;
  }
  return 'unknown';
}

/**
 * Runs `actions` from `start`. `resumeDeadline` replaces the first step's own
 * deadline when a stored delay or wait is resumed after a restart.
 */
export async function runSequence(actions: readonly Action[], prefix: string, run: RunContext, start = 0, resumeDeadline?: number | null): Promise<void> {
  for (let i = start; i < actions.length; i++) {
    await runStep(actions[i]!, `${prefix}[${i}]`, run, prefix === 'actions' ? i : undefined, i === start ? resumeDeadline : undefined);
  }
}

async function runStep(action: Action, path: string, run: RunContext, topIndex: number | undefined, resumeDeadline: number | null | undefined): Promise<void> {
  if (run.signal.aborted) throw new AbortedRun();
  const { clock } = run.env;
  const step: TraceStep = { path, action: actionKind(action), ...(action.alias && { alias: action.alias }), startedAt: iso(clock.now()) };
  run.steps.push(step);
  try {
    step.result = await perform(action, path, run, topIndex, resumeDeadline);
  } catch (err) {
    if (!(err instanceof AbortedRun) && !(err instanceof StopRun)) step.error = errorMessage(err);
    if (err instanceof StopRun) step.result = { stopped: err.reason };
    throw err;
  } finally {
    step.endedAt = iso(clock.now());
  }
}

async function perform(action: Action, path: string, run: RunContext, topIndex: number | undefined, resumeDeadline: number | null | undefined): Promise<unknown> {
  const { env } = run;
  if ('command' in action) {
    const entityId = String(render(action.entity, run.trigger));
    const params = (render(action.params ?? {}, run.trigger) ?? {}) as Record<string, unknown>;
    const after = await env.dispatch({ entityId, command: action.command, params, context: run.context });
    return { entityId, command: action.command, params, ...(isState(after) && { state: after.state }) };
  }
  if ('delay' in action) {
    const deadline = resumeDeadline ?? env.clock.now() + action.delay;
    await persisted(run, topIndex, { kind: 'delay', deadline }, () => sleepUntil(env.clock, deadline, run.signal));
    return { delayMs: action.delay };
  }
  if ('wait_for_trigger' in action) {
    const deadline = resumeDeadline !== undefined ? resumeDeadline : action.timeout === undefined ? null : env.clock.now() + action.timeout;
    const outcome = await persisted(run, topIndex, { kind: 'wait', deadline }, () => waitFor(action.wait_for_trigger, deadline, run));
    if (outcome === 'timeout' && !action.continue_on_timeout) throw new StopRun('wait_for_trigger timed out', false);
    return outcome === 'timeout' ? { timedOut: true } : { trigger: outcome };
  }
  if ('condition' in action) {
    if (!check([action.condition], run)) throw new StopRun('condition not met', false);
    return { passed: true };
  }
  if ('choose' in action) {
    const chosen = action.choose.findIndex((option) => check(option.conditions, run));
    if (chosen >= 0) await runSequence(action.choose[chosen]!.actions, `${path}.choose[${chosen}].actions`, run);
    else if (action.default) await runSequence(action.default, `${path}.default`, run);
    return { chosen: chosen >= 0 ? chosen : action.default ? 'default' : 'none' };
  }
  if ('repeat' in action) return repeat(action.repeat, path, run);
  if ('parallel' in action) {
    await Promise.all(action.parallel.map((a, i) => runStep(a, `${path}.parallel[${i}]`, run, undefined, undefined)));
    return { branches: action.parallel.length };
  }
  if ('stop' in action) throw new StopRun(action.stop, action.error);
  const message = String(render(action.log, run.trigger));
  run.log[action.level]({ trigger: run.trigger }, message);
  return { logged: message };
}

async function repeat(r: Extract<Action, { repeat: unknown }>['repeat'], path: string, run: RunContext): Promise<unknown> {
  let iterations = 0;
  const LIMIT = 10_000;
  for (;;) {
    if (r.count !== undefined && iterations >= r.count) break;
    if (r.while && !check(r.while, run)) break;
    if (iterations >= LIMIT) throw new Error(`repeat stopped after ${LIMIT} iterations`);
    await runSequence(r.actions, `${path}.repeat[${iterations}].actions`, run);
    iterations++;
    if (r.until && check(r.until, run)) break;
  }
  return { iterations };
}

async function persisted<T>(run: RunContext, topIndex: number | undefined, point: Omit<ResumePoint, 'step'>, wait: () => Promise<T>): Promise<T> {
  if (topIndex === undefined || !run.persist) return wait();
  run.persist({ step: topIndex, ...point });
  try {
    return await wait();
  } finally {
    run.persist(undefined);
  }
}

function check(conditions: readonly Condition[], run: RunContext): boolean {
  const env = { getState: run.env.getState, now: run.env.clock.now(), location: run.env.location };
  return conditions.every((c) => evaluate(c, env));
}

function sleepUntil(clock: Clock, deadline: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new AbortedRun());
    const onAbort = () => {
      cancel();
      reject(new AbortedRun());
    };
    const cancel = clock.at(deadline, () => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function waitFor(triggers: Extract<Action, { wait_for_trigger: unknown }>['wait_for_trigger'], deadline: number | null, run: RunContext): Promise<TriggerData | 'timeout'> {
  const { env } = run;
  return new Promise((resolve, reject) => {
    if (run.signal.aborted) return reject(new AbortedRun());
    const detachers: (() => void)[] = [];
    const finish = (fn: () => void) => {
      for (const d of detachers) d();
      run.signal.removeEventListener('abort', onAbort);
      fn();
    };
    const onAbort = () => finish(() => reject(new AbortedRun()));
    run.signal.addEventListener('abort', onAbort, { once: true });
    const triggerEnv = { bus: env.bus, getState: env.getState, clock: env.clock, log: run.log, location: env.location, subscribeMqtt: env.subscribeMqtt };
    triggers.forEach((t, i) => detachers.push(attachTrigger(t, i, triggerEnv, (data) => finish(() => resolve(data)))));
    if (deadline !== null) detachers.push(env.clock.at(deadline, () => finish(() => resolve('timeout'))));
  });
}

function isState(value: unknown): value is EntityState {
  return !!value && typeof value === 'object' && 'state' in value && 'id' in value;
}

const iso = (ms: number) => new Date(ms).toISOString();
