/**
 * Enedis' customer tele-information (TIC), Enedis-NOI-CPT_54E: the two link modes and one
 * data group's checksum and fields. Pure: no I/O, no clock.
 *
 * A group is `LF label SEP [horodate SEP] data SEP checksum CR`. The modes differ in
 * speed, separator and — the trap — in which bytes the checksum covers:
 * - historic (1200 baud, SP): label, SP and data; NOT the separator before the checksum;
 * - standard (9600 baud, HT): label through the HT before the checksum, inclusive.
 * Either way the checksum is `(sum & 0x3F) + 0x20`, a printable character (0x20…0x5F),
 * which may itself be a space — so a group is split by position, never by the separator.
 */

export type TicMode = 'historic' | 'standard';

/** Serial settings of each mode: 7 data bits, even parity, 1 stop bit. */
export const TIC_LINK: Readonly<Record<TicMode, { baudRate: number; dataBits: 7; parity: 'even'; stopBits: 1 }>> = {
  historic: { baudRate: 1200, dataBits: 7, parity: 'even', stopBits: 1 },
  standard: { baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 1 },
};

export const STX = 0x02;
export const ETX = 0x03;
/** Sent by the meter when it interrupts a frame (the frame in progress is void). */
export const EOT = 0x04;
export const LF = 0x0a;
export const CR = 0x0d;
const SEPARATOR: Readonly<Record<TicMode, number>> = { historic: 0x20, standard: 0x09 };

/** Time stamp of a horodated group: `SAAMMJJhhmmss`, S the season (E summer, H winter). */
export interface Horodate {
  /** Local wall-clock time as the meter reports it, ISO 8601 with the season's offset when known. */
  readonly iso: string;
  readonly season: 'summer' | 'winter' | 'unknown';
  /** A lower-case season letter: the meter's clock is in degraded mode (not synchronised). */
  readonly degraded: boolean;
}

export interface TicGroup {
  readonly label: string;
  readonly data: string;
  readonly horodate?: Horodate;
}

export type GroupResult = { ok: true; group: TicGroup } | { ok: false; reason: 'checksum' | 'malformed' };

/** The checksum character of `bytes` (the bytes the mode's rule covers). */
export function ticChecksum(bytes: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < bytes.length; i += 1) sum += bytes[i]!;
  return (sum & 0x3f) + 0x20;
}

/**
 * One group's bytes between LF and CR (both excluded), checked and split.
 * Labels are upper-case letters and digits; anything else is a malformed group.
 */
export function parseGroup(body: Uint8Array, mode: TicMode): GroupResult {
  const sep = SEPARATOR[mode];
  if (body.length < 4 || body[body.length - 2] !== sep) return { ok: false, reason: 'malformed' };
  const covered = mode === 'standard' ? body.subarray(0, body.length - 1) : body.subarray(0, body.length - 2);
  if (ticChecksum(covered) !== body[body.length - 1]) return { ok: false, reason: 'checksum' };
  const text = String.fromCharCode(...body.subarray(0, body.length - 2));
  const sepChar = String.fromCharCode(sep);
  const cut = text.indexOf(sepChar);
  if (cut <= 0) return { ok: false, reason: 'malformed' };
  const label = text.slice(0, cut);
  if (!/^[A-Z0-9+-]+$/.test(label)) return { ok: false, reason: 'malformed' };
  const rest = text.slice(cut + 1);
  if (mode === 'historic') return { ok: true, group: { label, data: rest } };
  // Standard data may contain spaces but never HT: one more HT means a horodate comes first.
  const fields = rest.split(sepChar);
  if (fields.length === 1) return { ok: true, group: { label, data: fields[0]! } };
  if (fields.length !== 2) return { ok: false, reason: 'malformed' };
  const horodate = parseHorodate(fields[0]!);
  if (!horodate) return { ok: false, reason: 'malformed' };
  return { ok: true, group: { label, data: fields[1]!, horodate } };
}

/** `SAAMMJJhhmmss` → a Horodate, or undefined when it is not one. */
export function parseHorodate(text: string): Horodate | undefined {
  const m = /^([EeHh ])(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$/.exec(text);
  if (!m) return undefined;
  const [, s, yy, mo, dd, hh, mi, ss] = m as unknown as [string, string, string, string, string, string, string, string];
  const month = Number(mo);
  const day = Number(dd);
  if (month < 1 || month > 12 || day < 1 || day > 31 || Number(hh) > 23 || Number(mi) > 59 || Number(ss) > 59) return undefined;
  const season = s === ' ' ? 'unknown' : s.toUpperCase() === 'E' ? 'summer' : 'winter';
  const offset = season === 'summer' ? '+02:00' : season === 'winter' ? '+01:00' : '';
  return { iso: `20${yy}-${mo}-${dd}T${hh}:${mi}:${ss}${offset}`, season, degraded: s === 'e' || s === 'h' };
}
