import type { Logger } from 'pino';
import { ValidationError } from '../errors.js';
import { createKernel, domainOf, isEntityId, isoTime, type StateValue } from '../kernel/index.js';
import { createAutomationRuntime, type Trace } from './automation.js';
import { virtualClock } from './clock.js';
import type { AutomationDefinition } from './definition.js';
import type { TriggerData } from './template.js';
import type { Location } from './time.js';

/** One recorded state, as History's `statesBetween` returns it. */
export interface HistoryRow {
  entityId: string;
  ms: number;
  state: string | number | null;
  attributes?: Record<string, unknown>;
}

/** The narrow part of History that simulation needs; the hub passes `createHistoryQueries(database)`. */
export interface HistorySource {
  statesBetween(entityIds: string[], startMs: number, endMs: number): HistoryRow[] | Promise<HistoryRow[]>;
}

export interface SimulatedCommand {
  at: string;
  entityId: string;
  command: string;
  params: Record<string, unknown>;
}

export interface SimulationResult {
  start: string;
  end: string;
  /** When it would have fired (conditions passed, not dropped by its mode). */
  firings: { at: string; trigger: TriggerData }[];
  commands: SimulatedCommand[];
  traces: Trace[];
}

export interface SimulateOptions {
  history: HistorySource;
  startMs: number;
  endMs: number;
  log: Logger;
  location?: Location;
}

export const MAX_SIMULATION_DAYS = 31;
/** How far before `start` to look for each entity's state at the start. */
const LOOKBACK_MS = 86_400_000;

/**
 * Replays recorded history through a definition on a virtual clock: real
 * triggers, conditions and modes, but commands are only recorded — no entity is touched.
 */
export async function simulate(definition: AutomationDefinition, options: SimulateOptions): Promise<SimulationResult> {
  const { startMs, endMs, log } = options;
  if (!(endMs > startMs)) throw new ValidationError('end must be after start');
  if (endMs - startMs > MAX_SIMULATION_DAYS * 86_400_000) throw new ValidationError(`simulate at most ${MAX_SIMULATION_DAYS} days at once`);

  const clock = virtualClock(startMs - LOOKBACK_MS);
  const kernel = createKernel(log, () => clock.now());
  const entityIds = referencedEntities(definition);
  for (const id of entityIds) kernel.states.init(kernel.registry.add({ id, owner: 'simulation' }));

  const rows = [...(await options.history.statesBetween(entityIds, startMs - LOOKBACK_MS, endMs))].sort((a, b) => a.ms - b.ms);
  const apply = (row: HistoryRow) => {
    if (!kernel.registry.get(row.entityId)) return;
    const state = coerce(row.entityId, row.state);
    try {
      kernel.states.update(row.entityId, { state, ...(row.attributes && { attributes: row.attributes }) });
    } catch {
      log.debug({ row }, 'skipping a recorded state this entity cannot have');
    }
  };

  const firings: SimulationResult['firings'] = [];
  const commands: SimulatedCommand[] = [];
  const traces: Trace[] = [];
  const runtime = createAutomationRuntime(
    { ...definition, enabled: true },
    {
      bus: kernel.bus,
      getState: (id) => kernel.states.get(id),
      dispatch: async ({ entityId, command, params }) => {
        commands.push({ at: isoTime(clock.now()), entityId, command, params });
        return kernel.states.get(entityId);
      },
      clock,
      log,
      ...(options.location && { location: options.location }),
    },
    { onTrace: (t) => traces.push(t), onRun: (trigger) => firings.push({ at: isoTime(clock.now()), trigger }) },
  );

  let i = 0;
  for (; i < rows.length && rows[i]!.ms < startMs; i++) apply(rows[i]!);
  await clock.advanceTo(startMs);
  runtime.start();
  for (; i < rows.length; i++) {
    await clock.advanceTo(rows[i]!.ms);
    apply(rows[i]!);
  }
  await clock.advanceTo(endMs);
  runtime.stop(false);
  await clock.advanceTo(endMs);
  return { start: isoTime(startMs), end: isoTime(endMs), firings, commands, traces };
}

/** Every entity id a definition mentions (triggers, conditions, actions). */
export function referencedEntities(definition: AutomationDefinition): string[] {
  const found = new Set<string>();
  const walk = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'entity') for (const id of [v].flat()) if (typeof id === 'string' && isEntityId(id)) found.add(id);
        walk(v);
      }
    }
  };
  walk([definition.triggers, definition.conditions, definition.actions]);
  return [...found];
}

/** A given state as its domain holds it: numbers for sensors and numbers, text for the rest (an enum sensor's option too). */
function coerce(entityId: string, state: string | number | null): StateValue | null {
  if (state === null) return null;
  const domain = domainOf(entityId);
  const numeric = typeof state === 'number' ? state : state.trim() !== '' && Number.isFinite(Number(state)) ? Number(state) : undefined;
  if ((domain === 'sensor' || domain === 'number') && numeric !== undefined) return numeric;
  return String(state) as StateValue;
}
