import type { Logger } from 'pino';
import { errorMessage } from '../errors.js';
import { isoTime, type Context, type EntityState, type EventBus } from '../kernel/index.js';
import type { Clock } from './clock.js';
import { evaluate } from './conditions.js';
import type { AlertRaise } from '../alerts/types.js';
import type { Notifier } from '../notify/types.js';
import type { Action, Condition } from './definition.js';
import { applyFollow } from './follow.js';
import type { RunSignal } from './run-signal.js';
import { render, type TriggerData } from './template.js';
import { enterInto, type CursorFrame, type ResumePoint, type WaitTracker } from './resume.js';
import type { Location } from './time.js';
import type { TraceStep } from './trace.js';
import { attachTrigger } from './triggers.js';

export type { TraceStep } from './trace.js';

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
  /** Raises an alert for the automation of `context`; absent in simulations, which only report what they would raise. */
  raiseAlert?: (input: AlertRaise, context: Context) => { id: number; count: number };
  /** Sends `notify` actions; absent in simulations, which only report what they would send. */
  notifier?: Notifier;
}

export interface RunContext {
  env: RunEnv;
  trigger: TriggerData;
  context: Context;
  signal: RunSignal;
  steps: TraceStep[];
  log: Logger;
  /** Told of every delay/wait the run enters and leaves, so they can be stored. */
  waits?: WaitTracker;
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
  for (const key of ['command', 'delay', 'wait_for_trigger', 'condition', 'choose', 'repeat', 'parallel', 'stop', 'log', 'follow', 'alert', 'notify'] as const) {
    if (key in action) return key;
  }
  return 'unknown';
}

/**
 * Runs `actions` under the position `at`. `resume` holds the stored points of
 * a run continued after a restart, seen from this sequence: it starts at their
 * step, re-entering it where they wait.
 */
export async function runSequence(actions: readonly Action[], prefix: string, run: RunContext, at: readonly CursorFrame[] = [], resume: readonly ResumePoint[] = []): Promise<void> {
  const start = resume[0]?.cursor[0]?.step ?? 0;
  for (let i = start; i < actions.length; i++) {
    await runStep(actions[i]!, `${prefix}[${i}]`, run, [...at, { step: i }], i === start ? resume : []);
  }
}

/** `where` ends with this step's own frame; `resume` points start with it too. */
async function runStep(action: Action, path: string, run: RunContext, where: readonly CursorFrame[], resume: readonly ResumePoint[]): Promise<void> {
  if (run.signal.aborted) throw new AbortedRun();
  const { clock } = run.env;
  const step: TraceStep = { path, action: actionKind(action), ...(action.alias && { alias: action.alias }), startedAt: isoTime(clock.now()) };
  run.steps.push(step);
  try {
    step.result = await perform(action, path, run, where, resume);
  } catch (err) {
    if (!(err instanceof AbortedRun) && !(err instanceof StopRun)) step.error = errorMessage(err);
    if (err instanceof StopRun) step.result = { stopped: err.reason };
    throw err;
  } finally {
    step.endedAt = isoTime(clock.now());
  }
}

async function perform(action: Action, path: string, run: RunContext, where: readonly CursorFrame[], resume: readonly ResumePoint[]): Promise<unknown> {
  const { env } = run;
  const resumed = resume[0];
  if ('command' in action) {
    const entityId = String(render(action.entity, run.trigger));
    const params = (render(action.params ?? {}, run.trigger) ?? {}) as Record<string, unknown>;
    const after = await env.dispatch({ entityId, command: action.command, params, context: run.context });
    return { entityId, command: action.command, params, ...(isState(after) && { state: after.state }) };
  }
  if ('delay' in action) {
    const deadline = resumed?.deadline ?? env.clock.now() + action.delay;
    await waiting(run, { cursor: [...where], kind: 'delay', deadline }, () => sleepUntil(env.clock, deadline, run.signal));
    return { delayMs: action.delay };
  }
  if ('wait_for_trigger' in action) {
    const deadline = resumed ? resumed.deadline : action.timeout === undefined ? null : env.clock.now() + action.timeout;
    const outcome = await waiting(run, { cursor: [...where], kind: 'wait', deadline }, () => waitFor(action.wait_for_trigger, deadline, run));
    if (outcome === 'timeout' && !action.continue_on_timeout) throw new StopRun('wait_for_trigger timed out', false);
    return outcome === 'timeout' ? { timedOut: true } : { trigger: outcome };
  }
  if ('condition' in action) {
    if (!check([action.condition], run)) throw new StopRun('condition not met', false);
    return { passed: true };
  }
  if ('choose' in action) return choose(action, path, run, where, resume);
  if ('repeat' in action) return repeat(action.repeat, path, run, where, resume);
  if ('parallel' in action) return parallel(action.parallel, path, run, where, resume);
  if ('stop' in action) throw new StopRun(action.stop, action.error);
  if ('follow' in action) return follow(action, run);
  if ('alert' in action) return alert(action.alert, run);
  if ('notify' in action) return notify(action.notify, run);
  const message = String(render(action.log, run.trigger));
  run.log[action.level]({ trigger: run.trigger }, message);
  return { logged: message };
}

async function follow(action: Extract<Action, { follow: unknown }>, run: RunContext): Promise<unknown> {
  const { entityId, command, params, after } = await applyFollow(run.env, action.follow, action.entity, run.context);
  return { entityId, command, params, ...(isState(after) && { state: after.state }) };
}

function alert(spec: Extract<Action, { alert: unknown }>['alert'], run: RunContext): unknown {
  const input = render(spec, run.trigger) as AlertRaise;
  if (!run.env.raiseAlert) return { wouldRaise: input };
  const { id, count } = run.env.raiseAlert(input, run.context);
  return { alertId: id, ...(count > 1 && { count }) };
}

/** Hands the notification over and goes on: delivery (and its retries) never holds up the run. */
function notify(spec: Extract<Action, { notify: unknown }>['notify'], run: RunContext): unknown {
  const { channels, ...notification } = render(spec, run.trigger) as typeof spec;
  if (!run.env.notifier) return { wouldNotify: { channels: channels ?? 'default', ...notification } };
  run.env.notifier.send(channels, notification);
  return { notified: channels ?? 'default', title: notification.title };
}

/** The position inside a compound step once it entered `part`. */
function entered(where: readonly CursorFrame[], part: number | 'default'): CursorFrame[] {
  return [...where.slice(0, -1), { ...where[where.length - 1]!, enter: part }];
}

/** A resumed choose re-enters the recorded option: its conditions held when the run got there. */
async function choose(action: Extract<Action, { choose: unknown }>, path: string, run: RunContext, where: readonly CursorFrame[], resume: readonly ResumePoint[]): Promise<unknown> {
  const recorded = resume[0]?.cursor[0]?.enter;
  const chosen = recorded === undefined ? action.choose.findIndex((option) => check(option.conditions, run)) : recorded === 'default' ? -1 : recorded;
  // A file automation may have been edited while the hub was down.
  if (chosen >= action.choose.length || (recorded === 'default' && !action.default)) throw new Error('the stored position of this run no longer fits the automation (edited while the hub was down?)');
  const inner = enterInto(resume);
  if (chosen >= 0) await runSequence(action.choose[chosen]!.actions, `${path}.choose[${chosen}].actions`, run, entered(where, chosen), inner);
  else if (action.default) await runSequence(action.default, `${path}.default`, run, entered(where, 'default'), inner);
  return { chosen: chosen >= 0 ? chosen : action.default ? 'default' : 'none' };
}

/** A resumed parallel continues only the branches that were waiting; the others had finished. */
async function parallel(branches: readonly Action[], path: string, run: RunContext, where: readonly CursorFrame[], resume: readonly ResumePoint[]): Promise<unknown> {
  const of = (b: number) => enterInto(resume.filter((p) => p.cursor[0]?.enter === b));
  const running = branches.flatMap((action, b) => (resume.length && !of(b).length ? [] : [{ action, b }]));
  await Promise.all(running.map(({ action, b }) => runStep(action, `${path}.parallel[${b}]`, run, [...entered(where, b), { step: 0 }], of(b))));
  return { branches: branches.length };
}

/** A resumed repeat continues inside the recorded iteration without checking `while` again, then loops on. */
async function repeat(r: Extract<Action, { repeat: unknown }>['repeat'], path: string, run: RunContext, where: readonly CursorFrame[], resume: readonly ResumePoint[]): Promise<unknown> {
  const recorded = resume[0]?.cursor[0]?.enter;
  let iterations = typeof recorded === 'number' ? recorded : 0;
  let inner = enterInto(resume);
  const LIMIT = 10_000;
  for (;;) {
    if (!inner.length) {
      if (r.count !== undefined && iterations >= r.count) break;
      if (r.while && !check(r.while, run)) break;
    }
    if (iterations >= LIMIT) throw new Error(`repeat stopped after ${LIMIT} iterations`);
    await runSequence(r.actions, `${path}.repeat[${iterations}].actions`, run, entered(where, iterations), inner);
    inner = [];
    iterations++;
    if (r.until && check(r.until, run)) break;
  }
  return { iterations };
}

async function waiting<T>(run: RunContext, point: ResumePoint, wait: () => Promise<T>): Promise<T> {
  if (!run.waits) return wait();
  run.waits.add(point);
  try {
    return await wait();
  } finally {
    run.waits.remove(point);
  }
}

function check(conditions: readonly Condition[], run: RunContext): boolean {
  const env = { getState: run.env.getState, now: run.env.clock.now(), location: run.env.location };
  return conditions.every((c) => evaluate(c, env));
}

function sleepUntil(clock: Clock, deadline: number, signal: RunSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new AbortedRun());
    const cancel = clock.at(deadline, () => {
      stopListening();
      resolve();
    });
    const stopListening = signal.onAbort(() => {
      cancel();
      reject(new AbortedRun());
    });
  });
}

function waitFor(triggers: Extract<Action, { wait_for_trigger: unknown }>['wait_for_trigger'], deadline: number | null, run: RunContext): Promise<TriggerData | 'timeout'> {
  const { env } = run;
  return new Promise((resolve, reject) => {
    if (run.signal.aborted) return reject(new AbortedRun());
    const detachers: (() => void)[] = [];
    const finish = (fn: () => void) => {
      for (const d of detachers) d();
      fn();
    };
    detachers.push(run.signal.onAbort(() => finish(() => reject(new AbortedRun()))));
    const triggerEnv = { bus: env.bus, getState: env.getState, clock: env.clock, log: run.log, location: env.location, subscribeMqtt: env.subscribeMqtt };
    triggers.forEach((t, i) => detachers.push(attachTrigger(t, i, triggerEnv, (data) => finish(() => resolve(data)))));
    if (deadline !== null) detachers.push(env.clock.at(deadline, () => finish(() => resolve('timeout'))));
  });
}

function isState(value: unknown): value is EntityState {
  return !!value && typeof value === 'object' && 'state' in value && 'id' in value;
}

