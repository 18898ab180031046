/**
 * The alarm panel as a pure function: `step(config, state, event, now)` gives the next
 * state and what the plugin must do (sirens, alerts). Codes are checked before an event
 * reaches it (that needs hashing and a rate limit); it gets the verdict in `auth`.
 * Deadlines are absolute epoch ms, so a stored state resumes with what time is left.
 */

export type Mode = 'home' | 'away' | 'night';
export type PanelState = 'disarmed' | 'arming' | 'armed_home' | 'armed_away' | 'armed_night' | 'pending' | 'triggered';

export interface Zone {
  entity: string;
  /** The armed modes it guards. */
  modes: readonly Mode[];
  /** Triggers at once instead of starting the entry delay. */
  instant: boolean;
  bypassable: boolean;
}

export interface MachineConfig {
  zones: readonly Zone[];
  exitDelayS: Readonly<Record<Mode, number>>;
  entryDelayS: number;
  triggerS: number;
  afterTrigger: 'armed' | 'disarmed';
  codeArmRequired: boolean;
}

export interface AlarmState {
  state: PanelState;
  /** The mode armed (or being armed, or to go back to after pending/triggered); absent when disarmed. */
  mode?: Mode;
  /** End of the exit delay, entry delay or siren time (epoch ms). */
  until?: number;
  /** Zones bypassed for this arming. */
  bypassed: readonly string[];
  /** Zones open now. */
  open: readonly string[];
  /** Who made the last change (a user name), or what (a zone). */
  changedBy?: string;
}

/** The verdict on a code: `none` when none was given, `duress` for a user's duress code. */
export type CodeCheck = 'ok' | 'duress' | 'bad' | 'none';

export type AlarmEvent =
  | { type: 'arm'; mode: Mode; auth: CodeCheck; bypass: readonly string[]; by?: string }
  | { type: 'disarm'; auth: CodeCheck; by?: string }
  | { type: 'trigger'; by?: string }
  | { type: 'zone'; entity: string; open: boolean }
  /** A timer reached `until` (or a later call with time gone by). */
  | { type: 'tick' }
  /** The plugin started again with a stored state: sirens are driven to match it. */
  | { type: 'restore' };

export type AlarmEffect =
  | { type: 'sirens'; on: boolean }
  | { type: 'alert'; kind: 'triggered' | 'duress'; by?: string }
  | { type: 'bypass'; zones: readonly string[]; by?: string };

export interface Rejection {
  code: 'open_zones' | 'not_bypassable' | 'unknown_zone' | 'code_required' | 'bad_code' | 'busy';
  message: string;
  openZones?: readonly string[];
}

export interface StepResult {
  state: AlarmState;
  effects: AlarmEffect[];
  rejected?: Rejection;
}

export const INITIAL_STATE: AlarmState = { state: 'disarmed', bypassed: [], open: [] };

const ARMED: Record<Mode, PanelState> = { home: 'armed_home', away: 'armed_away', night: 'armed_night' };

export function isArmed(state: PanelState): boolean {
  return state === 'armed_home' || state === 'armed_away' || state === 'armed_night';
}

/** Zones that guard `mode` and are open, bypassed ones left out. */
export function openGuarding(config: MachineConfig, state: AlarmState, mode: Mode, bypassed: readonly string[]): string[] {
  return config.zones.filter((z) => z.modes.includes(mode) && state.open.includes(z.entity) && !bypassed.includes(z.entity)).map((z) => z.entity);
}

function reject(state: AlarmState, rejected: Rejection): StepResult {
  return { state, effects: [], rejected };
}

function triggered(config: MachineConfig, state: AlarmState, now: number, by: string | undefined, effects: AlarmEffect[] = []): StepResult {
  const next: AlarmState = { ...state, state: 'triggered', until: now + config.triggerS * 1000, ...(by !== undefined && { changedBy: by }) };
  return { state: next, effects: [...effects, { type: 'sirens', on: true }, { type: 'alert', kind: 'triggered', ...(by !== undefined && { by }) }] };
}

/** A guarding zone opening while armed (or pending): the entry delay, or at once for an instant zone. */
function breach(config: MachineConfig, state: AlarmState, zone: Zone, now: number): StepResult {
  if (state.state === 'pending' && !zone.instant) return { state, effects: [] };
  if (zone.instant || config.entryDelayS === 0) return triggered(config, state, now, zone.entity);
  return { state: { ...state, state: 'pending', until: now + config.entryDelayS * 1000, changedBy: zone.entity }, effects: [] };
}

function guards(state: AlarmState, zone: Zone): boolean {
  return state.mode !== undefined && zone.modes.includes(state.mode) && !state.bypassed.includes(zone.entity);
}

function arm(config: MachineConfig, state: AlarmState, event: Extract<AlarmEvent, { type: 'arm' }>, now: number): StepResult {
  if (state.state !== 'disarmed' && !isArmed(state.state)) {
    return reject(state, { code: 'busy', message: `cannot arm while ${state.state}; disarm first` });
  }
  if (event.auth === 'bad') return reject(state, { code: 'bad_code', message: 'wrong code' });
  if (config.codeArmRequired && event.auth === 'none') return reject(state, { code: 'code_required', message: 'arming needs a code' });
  const unknown = event.bypass.filter((id) => !config.zones.some((z) => z.entity === id));
  if (unknown.length) return reject(state, { code: 'unknown_zone', message: `not a zone of this alarm: ${unknown.join(', ')}` });
  const fixed = event.bypass.filter((id) => !config.zones.find((z) => z.entity === id)!.bypassable);
  if (fixed.length) return reject(state, { code: 'not_bypassable', message: `these zones cannot be bypassed: ${fixed.join(', ')}` });
  const open = openGuarding(config, state, event.mode, event.bypass);
  if (open.length) return reject(state, { code: 'open_zones', message: `zones open: ${open.join(', ')}; close them or bypass them`, openZones: open });

  const bypassed = [...event.bypass];
  const by = event.by !== undefined ? { changedBy: event.by } : {};
  const effects: AlarmEffect[] = bypassed.length ? [{ type: 'bypass', zones: bypassed, ...(event.by !== undefined && { by: event.by }) }] : [];
  const delayS = config.exitDelayS[event.mode];
  const next: AlarmState =
    delayS > 0
      ? { state: 'arming', mode: event.mode, until: now + delayS * 1000, bypassed, open: state.open, ...by }
      : { state: ARMED[event.mode], mode: event.mode, bypassed, open: state.open, ...by };
  return { state: next, effects };
}

/** The exit delay is over: armed, and a guarding zone still open is a breach. */
function armingDone(config: MachineConfig, state: AlarmState, now: number): StepResult {
  const armed: AlarmState = { state: ARMED[state.mode!], mode: state.mode!, bypassed: state.bypassed, open: state.open, ...(state.changedBy !== undefined && { changedBy: state.changedBy }) };
  const zones = config.zones.filter((z) => guards(armed, z) && armed.open.includes(z.entity));
  const instant = zones.find((z) => z.instant) ?? zones[0];
  return instant ? breach(config, armed, instant, now) : { state: armed, effects: [] };
}

function tick(config: MachineConfig, state: AlarmState, now: number): StepResult {
  if (state.until === undefined || now < state.until) return { state, effects: [] };
  switch (state.state) {
    case 'arming':
      return armingDone(config, state, now);
    case 'pending':
      return triggered(config, state, now, state.changedBy);
    case 'triggered': {
      const back = config.afterTrigger === 'armed' && state.mode !== undefined;
      const { until: _until, ...rest } = state;
      const next: AlarmState = back ? { ...rest, state: ARMED[state.mode!] } : { state: 'disarmed', bypassed: [], open: state.open, ...(state.changedBy !== undefined && { changedBy: state.changedBy }) };
      return { state: next, effects: [{ type: 'sirens', on: false }] };
    }
    default:
      return { state, effects: [] };
  }
}

export function step(config: MachineConfig, state: AlarmState, event: AlarmEvent, now: number): StepResult {
  switch (event.type) {
    case 'arm':
      return arm(config, state, event, now);
    case 'disarm': {
      if (event.auth !== 'ok' && event.auth !== 'duress') {
        return reject(state, event.auth === 'none' ? { code: 'code_required', message: 'disarming needs a code' } : { code: 'bad_code', message: 'wrong code' });
      }
      const effects: AlarmEffect[] = state.state === 'triggered' ? [{ type: 'sirens', on: false }] : [];
      if (event.auth === 'duress') effects.push({ type: 'alert', kind: 'duress', ...(event.by !== undefined && { by: event.by }) });
      return { state: { state: 'disarmed', bypassed: [], open: state.open, ...(event.by !== undefined && { changedBy: event.by }) }, effects };
    }
    case 'trigger':
      return state.state === 'triggered' ? { state, effects: [] } : triggered(config, state, now, event.by);
    case 'zone': {
      if (state.open.includes(event.entity) === event.open) return { state, effects: [] };
      const open = event.open ? [...state.open, event.entity] : state.open.filter((id) => id !== event.entity);
      const next = { ...state, open };
      const zone = config.zones.find((z) => z.entity === event.entity);
      if (!zone || !event.open || !guards(next, zone)) return { state: next, effects: [] };
      if (isArmed(next.state) || next.state === 'pending') return breach(config, next, zone, now);
      return { state: next, effects: [] };
    }
    case 'tick': {
      // A timer that fires late (or a restart long after) may cross more than one deadline.
      let result: StepResult = { state, effects: [] };
      for (;;) {
        const next = tick(config, result.state, now);
        if (next.state === result.state) return result;
        result = { state: next.state, effects: [...result.effects, ...next.effects] };
      }
    }
    case 'restore': {
      const ticked = step(config, state, { type: 'tick' }, now);
      const on = ticked.state.state === 'triggered';
      return { state: ticked.state, effects: [...ticked.effects.filter((e) => e.type !== 'sirens'), { type: 'sirens', on }] };
    }
  }
}
