import type { Logger } from 'pino';
import { errorMessage } from '../errors.js';
import { childContext, createContext, isoTime, type Context, type Role } from '../kernel/index.js';
import { evaluate } from './conditions.js';
import type { AutomationDefinition } from './definition.js';
import { createWaitTracker, type ResumePoint } from './resume.js';
import { createRunAbort, type RunAbort } from './run-signal.js';
import { AbortedRun, runSequence, StopRun, type RunEnv } from './runner.js';
import type { TriggerData } from './template.js';
import type { RunOutcome, Trace, TraceStep } from './trace.js';
import { attachTrigger, type Detach, type ForTimerStore } from './triggers.js';

export type { RunOutcome, Trace } from './trace.js';

/** A run waiting in delays or waits (several inside `parallel`), stored so it continues after a restart. */
export interface PendingRun {
  version: 2;
  runId: string;
  trigger: TriggerData;
  parentContextId?: string;
  /** The role of who ran it by hand: a resumed run must not act with more. */
  role?: Role;
  points: ResumePoint[];
}

export interface AutomationHooks {
  forTimers?: ForTimerStore;
  savePending?(run: PendingRun): void;
  removePending?(runId: string): void;
  onTrace(trace: Trace): void;
  /** Called for every firing that passed its conditions and was not dropped. */
  onRun?(trigger: TriggerData): void;
}

export interface AutomationRuntime {
  readonly definition: AutomationDefinition;
  start(): void;
  /** Detaches triggers and abandons running runs; `keepPending` leaves stored delays and `for:` timers for the next start. */
  stop(keepPending: boolean): void;
  /**
   * Fires as a trigger would; `manual` for "run now": conditions skipped, and the run acts
   * with the role of whoever ran it (a triggered run acts as the hub, whoever caused the
   * trigger). Resolves with the trace when the run ends (undefined when dropped).
   */
  trigger(data: TriggerData, context?: Context, options?: { manual?: boolean }): Promise<Trace | undefined>;
  resume(pending: PendingRun): void;
  readonly running: number;
}


export function createAutomationRuntime(definition: AutomationDefinition, env: RunEnv, hooks: AutomationHooks): AutomationRuntime {
  const log: Logger = env.log.child({ automation: definition.id });
  const active = new Set<RunAbort>();
  const queue: (() => void)[] = [];
  let detachers: Detach[] = [];
  let keepingPending = false;

  function launch(trigger: TriggerData, context: Context, start?: { points: ResumePoint[]; runId: string }): Promise<Trace> {
    const run = createRunAbort();
    active.add(run);
    // A fresh run is known by its context id: one random id per run, not two.
    const runId = start?.runId ?? context.id;
    const steps: TraceStep[] = [];
    const startedAt = env.clock.now();
    const waits = createWaitTracker((points) => {
      if (keepingPending) return;
      if (points.length) hooks.savePending?.({ version: 2, runId, trigger, parentContextId: context.parentId, ...(context.role && { role: context.role }), points });
      else hooks.removePending?.(runId);
    });
    const finish = (outcome: RunOutcome, reason?: string): Trace => {
      active.delete(run);
      const trace: Trace = {
        runId,
        automationId: definition.id,
        trigger,
        contextId: context.id,
        startedAt: isoTime(startedAt),
        endedAt: isoTime(env.clock.now()),
        outcome,
        ...(reason && { reason }),
        ...(start && { resumed: true }),
        steps,
      };
      if (!(outcome === 'aborted' && keepingPending)) {
        // A resumed run can end before it waits again (an error, a stop), which would leave its stored row behind.
        if (start) hooks.removePending?.(runId);
        hooks.onTrace(trace);
      }
      queue.shift()?.();
      return trace;
    };
    const ctx = { env, trigger, context, signal: run.signal, steps, log, waits };
    const body = runSequence(definition.actions, 'actions', ctx, [], start?.points);
    return body.then(
      () => finish('completed'),
      (err: unknown) => {
        if (err instanceof AbortedRun) return finish('aborted', 'a newer run restarted it or the automation stopped');
        if (err instanceof StopRun) return finish(err.isError ? 'error' : 'stopped', err.reason);
        log.error({ err: errorMessage(err) }, 'automation run failed');
        return finish('error', errorMessage(err));
      },
    );
  }

  function conditionsFailed(trigger: TriggerData, context: Context): Trace {
    const at = isoTime(env.clock.now());
    const trace: Trace = { runId: context.id, automationId: definition.id, trigger, contextId: context.id, startedAt: at, endedAt: at, outcome: 'conditions_failed', steps: [] };
    hooks.onTrace(trace);
    return trace;
  }

  /** Applies the mode; resolves when the run ends, or with undefined when it is dropped. */
  function admit(begin: () => Promise<Trace>): Promise<Trace | undefined> {
    const { mode, max } = definition;
    if (active.size === 0 || mode === 'restart' || (mode === 'parallel' && active.size < max)) {
      if (mode === 'restart') for (const run of active) run.abort();
      return begin();
    }
    if (mode === 'queued' && queue.length < max) {
      return new Promise((resolve) => queue.push(() => void begin().then(resolve)));
    }
    log.warn({ mode, running: active.size }, mode === 'single' ? 'already running; this trigger is dropped' : `at its limit of ${max}; this trigger is dropped`);
    return Promise.resolve(undefined);
  }

  const runtime: AutomationRuntime = {
    definition,
    get running() {
      return active.size;
    },
    start() {
      keepingPending = false;
      const fire = (data: TriggerData, context?: Context) => void runtime.trigger(data, context);
      const triggerEnv = { ...env, log, forTimers: hooks.forTimers };
      detachers = definition.triggers.map((t, i) => attachTrigger(t, i, triggerEnv, fire));
    },
    stop(keepPending) {
      keepingPending = keepPending;
      for (const detach of detachers) detach();
      detachers = [];
      queue.length = 0;
      for (const run of active) run.abort();
    },
    trigger(data, parent, options) {
      const role = options?.manual ? parent?.role : undefined;
      const context = parent ? childContext(parent, { automationId: definition.id, role }) : createContext({ automationId: definition.id });
      const env2 = { getState: env.getState, now: env.clock.now(), location: env.location };
      if (!options?.manual && !definition.conditions.every((c) => evaluate(c, env2))) return Promise.resolve(conditionsFailed(data, context));
      return admit(() => {
        hooks.onRun?.(data);
        return launch(data, context);
      });
    },
    resume(pending) {
      for (const { kind, deadline } of pending.points) {
        if (deadline !== null && deadline < env.clock.now()) log.info({ runId: pending.runId, dueAt: isoTime(deadline) }, `a ${kind} fell due while the hub was down; continuing late`);
      }
      const context = createContext({ automationId: definition.id, role: pending.role, ...(pending.parentContextId && { parentId: pending.parentContextId }) });
      void launch(pending.trigger, context, { points: pending.points, runId: pending.runId });
    },
  };
  return runtime;
}
