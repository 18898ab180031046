/**
 * `alarm`: an alarm panel (`alarm_control_panel`) over door, window and motion sensors
 * other plugins own, sounding sirens they own. The decisions are the pure machine's
 * (machine.ts); this file feeds it commands, sensor changes and timers, and carries out
 * what it asks. Its state is kept in storage, so a restart resumes deadlines.
 */
import { CommandRejectedError, definePlugin, type TimerHandle } from '../../core/plugin-api.js';
import { INITIAL_STATE, step, type AlarmEffect, type AlarmEvent, type AlarmState, type CodeCheck, type MachineConfig, type Mode } from './machine.js';
import { alarmConfigSchema } from './schema.js';

const STORAGE_KEY = 'state';

export default definePlugin({
  manifest: {
    id: 'alarm',
    name: 'Alarm panel',
    version: '1.0.0',
    apiVersion: 1,
    description: 'An alarm panel: zones on door, window and motion sensors, exit and entry delays, sirens, per-user codes and a duress code.',
  },
  config: alarmConfigSchema,
  setup(ctx) {
    const { config } = ctx;
    const machine: MachineConfig = config;
    const zoneIds = config.zones.map((z) => z.entity);
    const name = config.name ?? config.entity;
    let current: AlarmState = ctx.storage.get<AlarmState>(STORAGE_KEY) ?? INITIAL_STATE;
    let timer: TimerHandle | undefined;

    const entity = ctx.entities.add({
      id: config.entity,
      ...(config.name !== undefined && { name: config.name }),
      ...(config.area !== undefined && { area: config.area }),
      ...(config.allowedRoles !== undefined && { allowedRoles: config.allowedRoles }),
      ...(config.hidden !== undefined && { hidden: config.hidden }),
      ...(config.icon !== undefined && { icon: config.icon }),
      attributes: { codeRequired: config.codeArmRequired },
      commands: {
        arm_home: (p) => arm('home', p),
        arm_away: (p) => arm('away', p),
        arm_night: (p) => arm('night', p),
        async disarm({ code }) {
          const { auth, by } = await check(code);
          apply({ type: 'disarm', auth, ...(by !== undefined && { by }) });
        },
        trigger: () => void apply({ type: 'trigger' }),
      },
    });

    async function check(code: string | undefined): Promise<{ auth: CodeCheck; by?: string }> {
      if (code === undefined) return { auth: 'none' };
      const match = await ctx.codes.verify(code);
      if (!match) return { auth: 'bad' };
      return { auth: match.duress ? 'duress' : 'ok', by: match.username };
    }

    async function arm(mode: Mode, params: { code?: string | undefined; bypass?: string[] | undefined }) {
      const { auth, by } = await check(params.code);
      apply({ type: 'arm', mode, auth, bypass: params.bypass ?? [], ...(by !== undefined && { by }) });
    }

    /** Runs one event through the machine; a refusal becomes the command's 409. */
    function apply(event: AlarmEvent): void {
      const result = step(machine, current, event, Date.now());
      if (result.rejected) throw new CommandRejectedError(result.rejected.message);
      if (result.state !== current) {
        current = result.state;
        ctx.storage.set(STORAGE_KEY, current);
        publish();
        schedule();
      }
      for (const effect of result.effects) perform(effect);
    }

    function publish(): void {
      entity.setState(current.state, {
        changedBy: current.changedBy ?? null,
        openZones: zoneIds.filter((id) => current.open.includes(id)),
        bypassed: [...current.bypassed],
        until: current.until === undefined ? null : new Date(current.until).toISOString(),
      });
    }

    function schedule(): void {
      timer?.cancel();
      timer = undefined;
      if (current.until !== undefined) timer = ctx.timers.setTimeout(() => apply({ type: 'tick' }), Math.max(0, current.until - Date.now()));
    }

    function perform(effect: AlarmEffect): void {
      switch (effect.type) {
        case 'sirens':
          for (const siren of config.sirens) {
            ctx.commands.run(siren, effect.on ? 'turn_on' : 'turn_off').catch((err: unknown) => ctx.log.error({ err, siren }, 'could not drive a siren'));
          }
          return;
        case 'alert': {
          const duress = effect.kind === 'duress';
          const alert = {
            severity: 'critical' as const,
            entity: config.entity,
            ...(config.notify && { notify: config.notify }),
            ...(duress
              ? { silent: true, title: `Duress code used on ${name}`, message: `${effect.by ?? 'someone'} disarmed with their duress code` }
              : { title: `Alarm triggered: ${name}`, message: effect.by ? `Triggered by ${effect.by}` : 'Triggered' }),
          };
          ctx.alerts.raise(alert).catch((err: unknown) => ctx.log.error({ err }, 'could not raise the alarm alert'));
          return;
        }
        case 'bypass':
          ctx.log.info({ zones: effect.zones, by: effect.by }, 'zones bypassed');
          return;
      }
    }

    const zoneEvent = (id: string, state: unknown): void => {
      if (state === 'on' || state === 'off') apply({ type: 'zone', entity: id, open: state === 'on' });
    };

    publish();
    apply({ type: 'restore' });
    schedule();
    // Sensors that changed while the hub was down count as changes now.
    for (const id of zoneIds) zoneEvent(id, ctx.states.get(id)?.state);
    ctx.states.subscribe(zoneIds, (s) => {
      if (s.available) zoneEvent(s.id, s.state);
    });
  },
});
