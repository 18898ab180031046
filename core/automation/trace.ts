/**
 * What a run leaves behind (DESIGN §7). Dependency-free on purpose: the dashboard
 * imports these types as they are, so both sides read one definition.
 */
import type { TriggerData } from './template.js';

export type RunOutcome = 'completed' | 'stopped' | 'conditions_failed' | 'error' | 'aborted';

export interface TraceStep {
  path: string;
  action: string;
  alias?: string;
  startedAt: string;
  endedAt?: string;
  result?: unknown;
  error?: string;
}

/** One run, step by step. */
export interface Trace {
  runId: string;
  automationId: string;
  trigger: TriggerData;
  contextId: string;
  startedAt: string;
  endedAt: string;
  outcome: RunOutcome;
  /** Why a run stopped early or failed. */
  reason?: string;
  /** The run was resumed after a restart. */
  resumed?: boolean;
  steps: TraceStep[];
}
