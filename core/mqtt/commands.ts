import { z } from 'zod';

/** A command received on `<prefix>/<node>/<entity_id>/set`. */
export interface SetCommand {
  command: string;
  params: Record<string, unknown>;
  /** The hub that sent it, when another Hearth node routed it here. */
  node?: string;
}

const hearthShape = z.strictObject({
  command: z.string().min(1),
  params: z.record(z.string(), z.unknown()).default({}),
  node: z.string().regex(/^[A-Za-z0-9_-]+$/).optional(),
});

/** Home Assistant's plain payloads (switch/light `ON`/`OFF`, cover `OPEN`/`CLOSE`/`STOP`). */
const PLAIN: Readonly<Record<string, string>> = {
  ON: 'turn_on',
  OFF: 'turn_off',
  TOGGLE: 'toggle',
  OPEN: 'open',
  CLOSE: 'close',
  STOP: 'stop',
};

export type ParsedSet = { ok: true; value: SetCommand } | { ok: false; error: string };

/**
 * Accepts Hearth's `{command, params}` and the plain words Home Assistant sends,
 * so one `/set` topic serves other hubs, HA and a person with mosquitto_pub.
 */
export function parseSetPayload(payload: string): ParsedSet {
  const text = payload.trim();
  const plain = PLAIN[text.toUpperCase()];
  if (plain) return { ok: true, value: { command: plain, params: {} } };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, error: `expected {"command": …, "params": …} or one of ${Object.keys(PLAIN).join(', ')}, got ${JSON.stringify(text.slice(0, 80))}` };
  }
  const parsed = hearthShape.safeParse(json);
  if (!parsed.success) return { ok: false, error: z.prettifyError(parsed.error) };
  const { command, params, node } = parsed.data;
  return { ok: true, value: { command, params, ...(node && { node }) } };
}
