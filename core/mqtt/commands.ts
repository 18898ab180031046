import { z } from 'zod';
import type { Domain } from '../kernel/index.js';

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

/**
 * Home Assistant's plain payloads, the defaults of its MQTT platforms: switch/light/fan/siren
 * `ON`/`OFF`, cover/valve `OPEN`/`CLOSE`/`STOP`, lock `LOCK`/`UNLOCK`/`OPEN`, button `PRESS`,
 * alarm panel `ARM_HOME`… (`DISARM` alone fails: Hearth wants its code).
 */
const PLAIN: Readonly<Record<string, string>> = {
  ON: 'turn_on',
  OFF: 'turn_off',
  TOGGLE: 'toggle',
  OPEN: 'open',
  CLOSE: 'close',
  STOP: 'stop',
  LOCK: 'lock',
  UNLOCK: 'unlock',
  PRESS: 'press',
  ARM_HOME: 'arm_home',
  ARM_AWAY: 'arm_away',
  ARM_NIGHT: 'arm_night',
  DISARM: 'disarm',
  TRIGGER: 'trigger',
};

/** A bare number is the one value these domains' HA platforms send without a template. */
const BARE_NUMBER: Readonly<Partial<Record<Domain, readonly [string, string]>>> = {
  number: ['set_value', 'value'],
  cover: ['set_position', 'position'],
  valve: ['set_position', 'position'],
  fan: ['set_percentage', 'percentage'],
};

export type ParsedSet = { ok: true; value: SetCommand } | { ok: false; error: string };

/**
 * Accepts Hearth's `{command, params}` and the plain payloads Home Assistant sends,
 * so one `/set` topic serves other hubs, HA and a person with mosquitto_pub. The
 * entity's domain decides what a bare value means: a number's value, a cover's
 * position, a select's option (a select takes any text that is not JSON as its option).
 */
export function parseSetPayload(payload: string, domain?: Domain): ParsedSet {
  const text = payload.trim();
  const bare = domain && BARE_NUMBER[domain];
  if (bare && text !== '' && Number.isFinite(Number(text))) return { ok: true, value: { command: bare[0], params: { [bare[1]]: Number(text) } } };
  if (domain === 'select' && !text.startsWith('{')) return { ok: true, value: { command: 'select_option', params: { option: text } } };
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
