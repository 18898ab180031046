/**
 * The hub's schedules: each is the entity `schedule.<id>`, owned by the hub, whose
 * state is set at every block edge by a timer armed for the next change. The timer
 * never waits longer than a minute, so a wall-clock jump (NTP fixing a Pi's clock
 * after boot, a manual change) is caught up within that minute.
 */
import type { Logger } from 'pino';
import { systemClock, type Clock } from '../automation/index.js';
import type { DatabaseHandle } from '../db/index.js';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors.js';
import { isoTime, type Kernel } from '../kernel/index.js';
import type { Service } from '../service.js';
import type { ScheduleDefinition } from '../config/index.js';
import { compile, evaluate, type CompiledSchedule } from './evaluate.js';
import { parseSchedule } from './parse.js';
import { createScheduleStore } from './store.js';

export const SCHEDULE_OWNER = 'schedules';
const RECHECK_MS = 60_000;

export interface SchedulesDeps {
  kernel: Pick<Kernel, 'registry' | 'states'>;
  database: DatabaseHandle;
  log: Logger;
  /** `location.timezone`; absent: the system's zone. */
  timezone?: string;
  /** `schedules:` of the config, already validated: read-only through the API. */
  fileSchedules?: readonly ScheduleDefinition[];
  clock?: Clock;
}

/** What the API shows: the definition with every day listed, plus where it comes from. */
export interface ScheduleInfo extends ScheduleDefinition {
  name: string;
  entityId: string;
  source: 'yaml' | 'api';
  /** True for `schedules:` of the config, which only the file changes. */
  readOnly: boolean;
}

export interface Schedules extends Service {
  list(): ScheduleInfo[];
  get(id: string): ScheduleInfo;
  /** 400 with paths when invalid, 409 when the id is taken. */
  create(input: unknown): ScheduleInfo;
  /** 403 for a schedule of the config file. */
  replace(id: string, input: unknown): ScheduleInfo;
  remove(id: string): void;
}

interface Entry {
  source: 'yaml' | 'api';
  definition: ScheduleDefinition;
  compiled: CompiledSchedule;
  cancel?: () => void;
  /** The span of time the entity's state was evaluated for: from that instant until its next change. */
  settled?: { from: number; until: number };
}

export function createSchedules(deps: SchedulesDeps): Schedules {
  const { kernel, log, timezone } = deps;
  const clock = deps.clock ?? systemClock();
  const store = createScheduleStore(deps.database, () => clock.now());
  const entries = new Map<string, Entry>();
  let started = false;

  const entityId = (id: string) => `schedule.${id}`;

  /**
   * Sets the entity from the schedule at this instant and arms the timer for the next change.
   * A re-check that finds the clock still inside the span evaluated last has nothing to do:
   * only a jump out of it can change the state (evaluating costs a few dozen zone look-ups,
   * and the demo's simulated week re-checks ten thousand times).
   */
  function tick(id: string, entry: Entry): void {
    entry.cancel?.();
    const now = clock.now();
    let span = entry.settled;
    if (!span || now < span.from || now >= span.until) {
      const { on, value, next } = evaluate(entry.compiled, now, timezone);
      kernel.states.update(entityId(id), { state: on ? 'on' : 'off', attributes: { value, next: next === undefined ? undefined : isoTime(next) } });
      span = entry.settled = { from: now, until: next ?? Infinity };
    }
    entry.cancel = clock.at(Math.min(span.until, now + RECHECK_MS), () => tick(id, entry));
  }

  function activate(entry: Entry): void {
    const { id, name } = entry.definition;
    kernel.states.init(kernel.registry.add({ id: entityId(id), owner: SCHEDULE_OWNER, ...(name && { name }) }));
    tick(id, entry);
  }

  function deactivate(entry: Entry): void {
    entry.cancel?.();
    delete entry.cancel;
    delete entry.settled;
    const id = entityId(entry.definition.id);
    kernel.states.delete(id);
    kernel.registry.remove(id);
  }

  function info({ source, definition }: Entry): ScheduleInfo {
    return { ...definition, name: definition.name ?? definition.id, entityId: entityId(definition.id), source, readOnly: source === 'yaml' };
  }

  function find(id: string): Entry {
    const entry = entries.get(id);
    if (!entry) throw new NotFoundError(`unknown schedule '${id}'`);
    return entry;
  }

  function editable(id: string): Entry {
    const entry = find(id);
    if (entry.source === 'yaml') throw new ForbiddenError(`schedule '${id}' comes from the config file (schedules:) and is read-only through the API; edit the file instead`);
    return entry;
  }

  function save(definition: ScheduleDefinition, previous?: Entry): ScheduleInfo {
    store.put(definition.id, definition);
    const entry: Entry = { source: 'api', definition, compiled: compile(definition) };
    entries.set(definition.id, entry);
    if (!started) return info(entry);
    // The same entity goes on (subscribers see a state change, not a removal) unless its name changed.
    if (previous && previous.definition.name === definition.name) {
      previous.cancel?.();
      tick(definition.id, entry);
    } else {
      if (previous) deactivate(previous);
      activate(entry);
    }
    return info(entry);
  }

  return {
    name: 'schedules',
    async start() {
      for (const definition of deps.fileSchedules ?? []) entries.set(definition.id, { source: 'yaml', definition, compiled: compile(definition) });
      for (const row of store.list()) {
        if (entries.has(row.id)) {
          log.warn({ schedule: row.id }, 'an API schedule has the id of one in the config file; the file wins');
          continue;
        }
        try {
          const definition = parseSchedule(row.definition);
          entries.set(row.id, { source: 'api', definition, compiled: compile(definition) });
        } catch (err) {
          log.error({ schedule: row.id, err: (err as Error).message }, 'a stored schedule is no longer valid; it is left out');
        }
      }
      started = true;
      for (const entry of entries.values()) activate(entry);
      log.info({ count: entries.size }, 'schedules started');
    },
    async stop() {
      started = false;
      for (const entry of entries.values()) deactivate(entry);
      entries.clear();
    },
    list: () => [...entries.values()].map(info),
    get: (id) => info(find(id)),
    create(input) {
      const definition = parseSchedule(input);
      if (entries.has(definition.id)) throw new ConflictError(`a schedule with id '${definition.id}' already exists`);
      if (kernel.registry.get(entityId(definition.id))) throw new ConflictError(`the entity '${entityId(definition.id)}' already exists`);
      return save(definition);
    },
    replace(id, input) {
      const previous = editable(id);
      const definition = parseSchedule(input && typeof input === 'object' && !('id' in input) ? { ...input, id } : input);
      if (definition.id !== id) throw new ValidationError(`the id in the body ('${definition.id}') must match the URL ('${id}')`);
      return save(definition, previous);
    },
    remove(id) {
      const entry = editable(id);
      if (started) deactivate(entry);
      store.remove(id);
      entries.delete(id);
    },
  };
}
