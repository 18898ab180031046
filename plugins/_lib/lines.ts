/**
 * Where a line lives: a BCM number on the Pi header, or a pin of an MCP23017 expander.
 * Every plugin that takes a line (gpio, shutter, …) accepts the same `line` syntax:
 *
 *   line: 17                                                   # BCM 17 on the header
 *   line: { expander: mcp23017, bus: 1, address: 0x20, pin: 3 }  # GPA3 of the expander
 */
import { z } from 'zod';
import { openMcp23017, type GpioLine, type GpioOpenOptions, type Mcp23017 } from '../../hardware/index.js';
import type { PluginContext } from '../../core/plugin-api.js';

export const expanderLineSchema = z.strictObject({
  expander: z.literal('mcp23017'),
  bus: z.number().int().min(0).default(1),
  address: z.number().int().min(0x20).max(0x27).default(0x20),
  /** GPA0–7 = 0–7, GPB0–7 = 8–15. */
  pin: z.number().int().min(0).max(15),
});

export const lineSchema = z.union([z.number().int().min(0).max(63), expanderLineSchema]);
export type LineSpec = z.infer<typeof lineSchema>;

interface SharedExpander {
  ready: Promise<Mcp23017>;
  users: number;
}

/**
 * One driver per physical expander per hub: two plugins with their own driver would
 * each keep a shadow of the output latch and overwrite each other's relays. The hub is
 * identified by its 1-Wire object, the one hardware object every plugin of a hub shares.
 */
const expanders = new WeakMap<object, Map<string, SharedExpander>>();

async function acquireExpander(ctx: PluginContext<unknown>, spec: z.infer<typeof expanderLineSchema>): Promise<Mcp23017> {
  let perHub = expanders.get(ctx.hardware.oneWire);
  if (!perHub) expanders.set(ctx.hardware.oneWire, (perHub = new Map()));
  const key = `${spec.bus}:${spec.address}`;
  let shared = perHub.get(key);
  if (!shared) {
    shared = { ready: openMcp23017(ctx.hardware.i2c(spec.bus), spec.address), users: 0 };
    perHub.set(key, shared);
    shared.ready.catch(() => perHub.delete(key));
  }
  shared.users++;
  const entry = shared;
  const hub = perHub;
  ctx.onStop(async () => {
    if (--entry.users > 0) return;
    hub.delete(key);
    await (await entry.ready).close();
  });
  return entry.ready;
}

/**
 * Opens a line of either kind. Header lines are released by the host on stop; expander
 * lines are closed by this helper on stop, which drives outputs to their inactive level.
 */
/** Opens a header or expander line; on the sim board a header line is labelled with what it drives. */
export async function openLine(ctx: PluginContext<unknown>, spec: LineSpec, options: GpioOpenOptions, label?: string): Promise<GpioLine> {
  if (typeof spec === 'number') {
    const line = ctx.hardware.gpio.open(spec, options);
    if (label) ctx.hardware.sim?.label(spec, label);
    return line;
  }
  const expander = await acquireExpander(ctx, spec);
  const line = expander.open(spec.pin, options);
  ctx.onStop(() => line.close());
  return line;
}
