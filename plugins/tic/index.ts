/**
 * `tic`: a Linky (or older electronic) meter's customer tele-information on a serial port.
 * The protocol is decoded by hardware/drivers/tic; this plugin owns the link (mode, speed,
 * reopening after an unplug) and the entities. A group that fails its checksum is dropped
 * and counted in `sensor.<prefix>_rejected_groups`, never recorded.
 */
import { z } from 'zod';
import { definePlugin, entityBaseSchema, type EntityHandle, type PluginContext, type SerialPort, type TimerHandle } from '../../core/plugin-api.js';
import { TIC_LINK, createFrameReader, createModeDetector, ticReadings, type TicFrame, type TicMode } from '../../hardware/index.js';
import { TIC_SENSORS } from './entities.js';

export const ticConfigSchema = z.strictObject({
  /** `/dev/ttyAMA0` (the header UART) or a USB adapter's `/dev/serial/by-id/…`. */
  port: z.string().min(1),
  /** `auto` tries standard, then historic, until a frame carries a valid group. */
  mode: z.enum(['historic', 'standard', 'auto']).default('auto'),
  /** No valid frame for this long: the entities become unavailable. */
  timeoutS: z.number().positive().default(30),
  /** Entity ids are `sensor.<prefix>_power` … */
  prefix: z.string().regex(/^[a-z0-9_]+$/).default('linky'),
  /** Wait before reopening a port that went away (an adapter unplugged) or failed to open. */
  reopenS: z.number().positive().default(5),
  /** The area of every meter entity. */
  area: entityBaseSchema.shape.area,
});
type TicConfig = z.infer<typeof ticConfigSchema>;

/** Bytes without a valid group before `auto` tries the other mode: a few historic frames' worth. */
const GARBAGE_BYTES = 2048;

function run(ctx: PluginContext<TicConfig>): void {
  const { port: path, prefix, timeoutS } = ctx.config;
  const area = ctx.config.area !== undefined ? { area: ctx.config.area } : {};
  const sensors = TIC_SENSORS.map((spec) => ({
    spec,
    entity: ctx.entities.add({
      id: `sensor.${prefix}_${spec.key}`,
      ...area,
      name: `Meter ${spec.name.toLowerCase()}`,
      attributes: {
        ...(spec.options && { deviceClass: 'enum', options: spec.options === 'seen' ? [] : [...spec.options] }),
        ...(typeof spec.unit === 'string' && { unit: spec.unit }), ...(spec.deviceClass && { deviceClass: spec.deviceClass }), ...(spec.stateClass && { stateClass: spec.stateClass }) },
    }),
  }));
  const over = ctx.entities.add({ id: `binary_sensor.${prefix}_over_subscribed`, ...area, name: 'Meter over subscribed power' });
  const rejected = ctx.entities.add({ id: `sensor.${prefix}_rejected_groups`, ...area, name: 'Meter rejected groups', attributes: { stateClass: 'total_increasing', entityCategory: 'diagnostic' } });
  const indexes = new Map<string, EntityHandle>();
  const all = (): EntityHandle[] => [...sensors.map((s) => s.entity), over, ...indexes.values()];
  let rejectedCount = 0;
  rejected.setState(0);
  for (const e of all()) e.setAvailable(false);

  const detector = createModeDetector(ctx.config.mode === 'historic' ? 'historic' : 'standard', GARBAGE_BYTES);
  let mode: TicMode = detector.mode;
  let reader = createFrameReader(mode);
  let open: SerialPort | undefined;
  let silence: TimerHandle | undefined;

  const armSilence = (): void => {
    silence?.cancel();
    silence = ctx.timers.setTimeout(() => {
      ctx.log.warn({ port: path, timeoutS }, 'no valid TIC frame: meter entities unavailable');
      for (const e of all()) e.setAvailable(false);
    }, timeoutS * 1000);
  };

  const show = (frame: TicFrame): void => {
    const r = ticReadings(frame.groups, mode);
    for (const [label, kwh] of Object.entries(r.indexesKWh)) {
      let entity = indexes.get(label);
      if (!entity) {
        entity = ctx.entities.add({ id: `sensor.${prefix}_index_${label.toLowerCase()}`, ...area, name: `Meter index ${label}`, attributes: { unit: 'kWh', deviceClass: 'energy', stateClass: 'total_increasing' } });
        indexes.set(label, entity);
      }
      entity.setAvailable(true);
      entity.setState(kwh);
    }
    for (const { spec, entity } of sensors) {
      const value = spec.value(r);
      if (value === undefined) continue;
      entity.setAvailable(true);
      const seen = entity.current.attributes.options;
      const grow = spec.options === 'seen' && Array.isArray(seen) && !seen.includes(value) ? { options: [...seen, value] } : undefined;
      entity.setState(value, typeof spec.unit === 'function' ? { unit: spec.unit(r) } : grow);
    }
    if (r.overSubscribed !== undefined) {
      over.setAvailable(true);
      over.setState(r.overSubscribed ? 'on' : 'off');
    }
  };

  const onBytes = (bytes: Uint8Array): void => {
    const frames = reader.push(bytes);
    for (const frame of frames) {
      if (frame.rejected) rejected.setState((rejectedCount += frame.rejected));
      if (frame.groups.length) {
        armSilence();
        show(frame);
      }
    }
    if (ctx.config.mode !== 'auto') return;
    const next = detector.observe(bytes.length, frames);
    if (next !== mode) {
      ctx.log.info({ port: path, mode: next }, 'no valid TIC group: trying the other mode');
      mode = next;
      reader = createFrameReader(mode);
      void reopen(0);
    }
  };

  async function connect(): Promise<void> {
    reader.reset();
    const port = await ctx.hardware.serial.open(path, TIC_LINK[mode]);
    open = port;
    port.onData(onBytes);
    port.onClose((error) => {
      if (open !== port || !error) return;
      open = undefined;
      ctx.log.warn({ port: path, err: error.message }, 'TIC port lost; reopening');
      void reopen(ctx.config.reopenS * 1000);
    });
  }

  async function reopen(delayMs: number): Promise<void> {
    const old = open;
    open = undefined;
    await old?.close();
    ctx.timers.setTimeout(async () => {
      try {
        await connect();
      } catch (err) {
        ctx.log.warn({ port: path, err: err instanceof Error ? err.message : String(err) }, 'cannot open the TIC port; retrying');
        void reopen(ctx.config.reopenS * 1000);
      }
    }, delayMs);
  }

  armSilence();
  void reopen(0);
}

export default definePlugin({
  manifest: {
    id: 'tic',
    name: 'Linky meter (TIC)',
    version: '1.0.0',
    apiVersion: 1,
    description: "Enedis' customer tele-information on a serial port: energy indexes, power, tariff period, Tempo colours.",
  },
  config: ticConfigSchema,
  async setup(ctx) {
    run(ctx);
  },
});
