import type { GpioLine, GpioOpenOptions, Level } from '../gpio.js';
import type { I2cBus } from '../i2c.js';
import { HardwareError } from '../errors.js';
import { createEdgeFilter, type EdgeFilter } from '../common/edge-filter.js';

/** IOCON.BANK = 0 register map (datasheet table 3-5): A at even, B at odd addresses. */
const IODIR = 0x00;
const GPPU = 0x0c;
const GPIO = 0x12;
const OLAT = 0x14;

export interface Mcp23017Options {
  /** How often inputs are sampled for `watch` (the INT pin is not assumed wired). Default 25 ms. */
  pollMs?: number;
  /** Lines 0–15 whose 100 kΩ pull-up is enabled (buttons to ground). */
  pullUps?: number[];
}

/**
 * The expander's 16 lines (GPA0–7 = 0–7, GPB0–7 = 8–15) as `GpioLine`s. Plugins do not
 * open it themselves: `gpio.open({ expander: 'mcp23017', … })` reaches the hub's one
 * driver per chip, which the hub releases on every exit.
 */
export interface Mcp23017 {
  open(pin: number, options: GpioOpenOptions): GpioLine;
  /** Stops polling and releases outputs to their inactive level. */
  close(): Promise<void>;
}

interface OpenLine {
  options: GpioOpenOptions;
  filter: EdgeFilter | undefined;
}

export async function openMcp23017(bus: I2cBus, address = 0x20, options: Mcp23017Options = {}): Promise<Mcp23017> {
  const pollMs = options.pollMs ?? 25;
  // Shadows of IODIR and OLAT: every write is computed synchronously from them, so two
  // lines changed "at once" never lose each other's bit in a read-modify-write race.
  let iodir = 0xffff;
  let olat = 0x0000;
  let pullUps = (options.pullUps ?? []).reduce((m, l) => m | (1 << l), 0);
  const open = new Map<number, OpenLine>();
  let timer: ReturnType<typeof setInterval> | undefined;

  const write16 = (reg: number, value: number): Promise<void> =>
    bus.writeBlock(address, reg, Buffer.from([value & 0xff, value >> 8]));
  const read16 = async (reg: number): Promise<number> => (await bus.readBlock(address, reg, 2)).readUInt16LE(0);

  await write16(IODIR, iodir); // probe and return to the power-on state: all inputs
  await write16(GPPU, pullUps);
  olat = await read16(OLAT);

  const physical = (opts: GpioOpenOptions, logical: Level): Level => (opts.activeLow ? ((1 - logical) as Level) : logical);

  const poll = async (): Promise<void> => {
    const watched = [...open].filter(([, l]) => l.filter);
    if (watched.length === 0) return;
    const levels = await read16(GPIO);
    for (const [line, l] of watched) l.filter!.sample(physical(l.options, ((levels >> line) & 1) as Level));
  };
  const ensurePolling = (): void => {
    if (timer === undefined) timer = setInterval(() => void poll().catch(() => undefined), pollMs);
  };

  const releaseLine = async (line: number, l: OpenLine): Promise<void> => {
    l.filter?.dispose();
    open.delete(line);
    if (l.options.direction === 'out') {
      olat = physical(l.options, 0) ? olat | (1 << line) : olat & ~(1 << line);
      await write16(OLAT, olat);
    }
    if (![...open.values()].some((o) => o.filter) && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };

  return {
    open(line: number, opts: GpioOpenOptions): GpioLine {
      if (!Number.isInteger(line) || line < 0 || line > 15) throw new HardwareError('invalid', `MCP23017 line ${line} is not 0–15`);
      if (open.has(line)) throw new HardwareError('busy', `MCP23017 0x${address.toString(16)} line ${line} is already open`);
      if (opts.direction === 'in' && opts.bias === 'pull-down') {
        throw new HardwareError('unsupported', `MCP23017 line ${line}: the chip has pull-ups only`, { hint: 'wire a pull-down resistor and leave bias out, or use bias: pull-up with the contact to ground' });
      }
      const bit = 1 << line;
      const entry: OpenLine = { options: opts, filter: undefined };
      open.set(line, entry);
      let ready: Promise<void>;
      if (opts.direction === 'out') {
        // Latch the safe level first, then flip the direction: the pin never shows anything else.
        olat = physical(opts, opts.initial ?? 0) ? olat | bit : olat & ~bit;
        iodir &= ~bit;
        ready = write16(OLAT, olat).then(() => write16(IODIR, iodir));
      } else {
        iodir |= bit;
        let configured = Promise.resolve();
        if (opts.bias) {
          pullUps = opts.bias === 'pull-up' ? pullUps | bit : pullUps & ~bit;
          configured = write16(GPPU, pullUps);
        }
        ready = configured.then(() => write16(IODIR, iodir)).then(async () => {
          const level = physical(opts, (((await read16(GPIO)) >> line) & 1) as Level);
          entry.filter = createEdgeFilter({ initial: level, edge: opts.edge ?? 'both', debounceMs: opts.debounceMs ?? 0 });
          ensurePolling();
        });
      }
      ready.catch(() => undefined); // surfaced by the next call on the line
      const closedGuard = (): void => {
        if (open.get(line) !== entry) throw new HardwareError('closed', `MCP23017 line ${line} is closed`);
      };
      return {
        line,
        direction: opts.direction,
        async read() {
          closedGuard();
          await ready;
          if (opts.direction === 'out') return physical(opts, ((olat >> line) & 1) as Level);
          return physical(opts, (((await read16(GPIO)) >> line) & 1) as Level);
        },
        async write(value) {
          closedGuard();
          if (opts.direction !== 'out') throw new HardwareError('invalid', `MCP23017 line ${line} is an input`);
          await ready;
          olat = physical(opts, value) ? olat | bit : olat & ~bit;
          await write16(OLAT, olat);
        },
        watch(cb) {
          closedGuard();
          if (opts.direction !== 'in') throw new HardwareError('invalid', `MCP23017 line ${line} is an output; only inputs can be watched`);
          let unwatch: (() => void) | undefined;
          let cancelled = false;
          void ready.then(() => {
            if (!cancelled && entry.filter) unwatch = entry.filter.watch(cb);
          });
          return () => {
            cancelled = true;
            unwatch?.();
          };
        },
        async close() {
          if (open.get(line) !== entry) return;
          await ready.catch(() => undefined);
          await releaseLine(line, entry);
        },
      };
    },
    async close() {
      for (const [line, l] of [...open]) await releaseLine(line, l);
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    },
  };
}
