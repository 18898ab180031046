/**
 * One heating zone: reads its sensor, window and schedule, keeps mode, target and
 * preset (restored after a restart), and drives its output through the pure decision
 * in control.ts. Every input change re-evaluates; a held-back switch retries when the
 * minimum cycle allows it.
 */
import { CommandRejectedError, entityBaseOf, type EntityState, type PluginContext, type TimerHandle } from '../../core/plugin-api.js';
import { decide, type Cutoff } from './control.js';
import type { HeaterOutput, OutputCommand } from './outputs.js';
import type { ZoneConfig } from './schema.js';

const PRESETS = ['comfort', 'eco', 'away', 'frost', 'boost'] as const;
type Preset = (typeof PRESETS)[number] | 'none';
type Mode = 'heat' | 'off';
/** Re-checks now and then, so a failed command or a relay someone else switched is corrected. */
const TICK_MS = 60_000;

/** What survives a restart. */
interface Saved {
  mode: Mode;
  preset: Preset;
  target: number;
  boostUntil?: number;
  beforeBoost?: { preset: Preset; target: number };
  lastSwitchAt?: number;
  /** The schedule's state and value last applied, so a restart does not re-apply it over the user's choice. */
  scheduleKey?: string;
}

const reading = (s: EntityState | undefined): number | null =>
  s?.available && typeof s.state === 'number' && Number.isFinite(s.state) ? s.state : null;

export function startZone(ctx: PluginContext<unknown>, zone: ZoneConfig, output: HeaterOutput): void {
  const key = `zone:${zone.id}`;
  const presetTargets = { ...zone.presets, boost: zone.boost.temperature ?? zone.presets.comfort + 2 };
  const saved: Saved = ctx.storage.get<Saved>(key) ?? {
    mode: 'heat',
    preset: zone.target === undefined ? 'comfort' : 'none',
    target: zone.target ?? zone.presets.comfort,
  };
  let currentC: number | null = reading(ctx.states.get(zone.sensor));
  let sensorLost = false;
  let lossTimer: TimerHandle | undefined;
  let windowOpen = zone.window !== undefined && ctx.states.get(zone.window)?.state === 'on';
  let dropUntil = 0;
  const recent: { at: number; c: number }[] = [];
  let heating = output.heating();
  let retry: TimerHandle | undefined;
  let boostEnd: TimerHandle | undefined;
  let busy = false;
  let again = false;

  const entity = ctx.entities.add({
    id: zone.id,
    ...entityBaseOf(zone),
    attributes: { presets: [...PRESETS], minTemp: zone.minTemp, maxTemp: zone.maxTemp, step: zone.step },
    commands: {
      set_hvac_mode: ({ mode }) => {
        if (mode !== 'heat' && mode !== 'off') throw new CommandRejectedError(`${zone.id} heats only: mode is heat or off, not ${mode}`);
        return change({ mode });
      },
      turn_on: () => change({ mode: 'heat' }),
      turn_off: () => change({ mode: 'off' }),
      // The dispatcher already held these to minTemp…maxTemp and to `presets` (the attributes above).
      set_temperature: ({ temperature }) => change({ preset: 'none', target: temperature }, true),
      set_preset: ({ preset }) => choosePreset(preset as Preset),
    },
  });

  function change(patch: Partial<Saved>, endsBoost = false): Promise<void> {
    if (endsBoost) clearBoost();
    Object.assign(saved, patch);
    ctx.storage.set(key, saved);
    return evaluate();
  }

  function clearBoost(): void {
    boostEnd?.cancel();
    boostEnd = undefined;
    delete saved.boostUntil;
    delete saved.beforeBoost;
  }

  function startBoostTimer(): void {
    if (saved.boostUntil === undefined) return;
    boostEnd = ctx.timers.setTimeout(() => {
      const back = saved.beforeBoost ?? { preset: 'comfort' as Preset, target: presetTargets.comfort };
      clearBoost();
      return change(back);
    }, Math.max(0, saved.boostUntil - Date.now()));
  }

  function choosePreset(preset: Preset): Promise<void> {
    if (preset === 'boost') {
      const before = saved.beforeBoost ?? { preset: saved.preset, target: saved.target };
      clearBoost();
      Object.assign(saved, { beforeBoost: before, boostUntil: Date.now() + zone.boost.durationS * 1000 });
      startBoostTimer();
    } else clearBoost();
    return change({ preset, target: preset === 'none' ? saved.target : presetTargets[preset] });
  }

  /** Inside a block: the block's preset (or °C); outside: eco. Applied once per change of the schedule. */
  function followSchedule(s: EntityState): void {
    const value = s.attributes.value;
    const scheduleKey = `${String(s.state)}:${String(value)}`;
    if (s.state === null || scheduleKey === saved.scheduleKey) return;
    saved.scheduleKey = scheduleKey;
    if (s.state !== 'on') return void choosePreset('eco');
    if (typeof value === 'number') return void change({ preset: 'none', target: value }, true);
    const preset = typeof value === 'string' && (PRESETS as readonly string[]).includes(value) ? (value as Preset) : 'comfort';
    void choosePreset(preset);
  }

  function onSensor(s: EntityState | undefined): void {
    const c = reading(s);
    const now = Date.now();
    if (c === null) {
      lossTimer ??= ctx.timers.setTimeout(() => {
        sensorLost = true;
        return evaluate();
      }, zone.sensorTimeoutS * 1000);
      return;
    }
    lossTimer?.cancel();
    lossTimer = undefined;
    sensorLost = false;
    currentC = c;
    if (zone.windowDrop) {
      const { dropC, withinS, offS } = zone.windowDrop;
      recent.push({ at: now, c });
      while (recent[0]!.at < now - withinS * 1000) recent.shift();
      if (Math.max(...recent.map((r) => r.c)) - c >= dropC && dropUntil <= now) {
        dropUntil = now + offS * 1000;
        recent.length = 0;
        ctx.timers.setTimeout(evaluate, offS * 1000);
      }
    }
  }

  function cutoffNow(now: number): Cutoff | null {
    if (saved.mode === 'off') return 'off';
    if (sensorLost) return 'sensor';
    if (windowOpen || dropUntil > now) return 'window';
    return null;
  }

  function cutoffReason(cutoff: Cutoff | null): string | null {
    if (cutoff === 'sensor') return `${zone.sensor} unavailable for more than ${zone.sensorTimeoutS} s`;
    if (cutoff === 'window') return windowOpen ? `${zone.window} is open` : 'temperature fell fast: a window is open';
    return null;
  }

  /** Notes a switch of the output, whoever made it, so the minimum cycle counts from it. */
  function observeOutput(): void {
    const now = output.heating();
    if (now === heating) return;
    heating = now;
    saved.lastSwitchAt = Date.now();
    ctx.storage.set(key, saved);
  }

  async function step(): Promise<void> {
    observeOutput();
    const now = Date.now();
    const cutoff = cutoffNow(now);
    const decision = decide({
      cutoff,
      currentC,
      targetC: saved.target,
      toleranceC: zone.tolerance,
      heating,
      lastSwitchAt: saved.lastSwitchAt,
      now,
      minCycleMs: zone.minCycleS * 1000,
    });
    retry?.cancel();
    retry = decision.retryAt === undefined ? undefined : ctx.timers.setTimeout(evaluate, decision.retryAt - now);
    const command: OutputCommand = decision.heat ? 'heat' : cutoff === 'off' ? 'off' : 'frost';
    try {
      await output.apply(command);
    } catch (err) {
      ctx.log.warn({ err: (err as Error).message, zone: zone.id }, `could not ${command === 'heat' ? 'start' : 'stop'} heating; retrying`);
    }
    observeOutput();
    entity.setState(saved.mode, {
      currentTemperature: currentC,
      targetTemperature: saved.target,
      preset: saved.preset,
      hvacAction: cutoff === 'off' ? 'off' : heating ? 'heating' : 'idle',
      cutoff: cutoff === 'off' ? null : cutoff,
      cutoffReason: cutoffReason(cutoff),
      boostUntil: saved.boostUntil === undefined ? null : new Date(saved.boostUntil).toISOString(),
      // So the dashboard can open the schedule's editor from the thermostat.
      schedule: zone.schedule ?? null,
    });
  }

  /** Serialised: a change arriving while a command is in flight runs once after it. */
  async function evaluate(): Promise<void> {
    if (busy) return void (again = true);
    busy = true;
    try {
      do {
        again = false;
        await step();
      } while (again);
    } finally {
      busy = false;
    }
  }

  ctx.states.subscribe([zone.sensor], (s) => {
    onSensor(s);
    return void evaluate();
  });
  if (zone.window) {
    const windowId = zone.window;
    ctx.states.subscribe([windowId], (s) => {
      windowOpen = s.state === 'on';
      return void evaluate();
    });
  }
  if (zone.schedule) {
    const scheduleId = zone.schedule;
    ctx.states.subscribe([scheduleId], followSchedule);
    const current = ctx.states.get(scheduleId);
    if (current) followSchedule(current);
  }
  if (output.watches.length) ctx.states.subscribe(output.watches, () => void evaluate());
  ctx.timers.setInterval(evaluate, TICK_MS);
  if (saved.boostUntil !== undefined) startBoostTimer();
  onSensor(ctx.states.get(zone.sensor));
  void evaluate();
}
