import { foreignZone } from '../local-zone.js';

/** Start (epoch ms) of the local day containing `ms` in an IANA time zone, DST-aware. */
export function localDayStart(ms: number, timeZone: string): number {
  const { year, month, day } = localParts(ms, timeZone);
  const midnightAsUtc = Date.UTC(year, month - 1, day);
  // the zone's offset at local midnight may differ from the one at `ms` (a DST switch that day)
  let guess = midnightAsUtc - offsetAt(ms, timeZone);
  guess = midnightAsUtc - offsetAt(guess, timeZone);
  return guess;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function localParts(ms: number, timeZone: string) {
  if (!foreignZone(timeZone)) {
    const d = new Date(ms);
    return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes(), second: d.getSeconds() };
  }
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(ms).map((p) => [p.type, Number(p.value)]));
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** Local wall time minus UTC, in ms. */
function offsetAt(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
}

