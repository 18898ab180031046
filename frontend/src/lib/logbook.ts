import type { EntityState, LogbookEntry } from '../api/types.js';
import { formatState, stateWord } from './format.js';

/** What the shell knows to name things; an entry carries only ids. */
export interface LogbookNames {
  entity(id: string): EntityState | undefined;
  automation(id: string): string | undefined;
}

export interface LogbookLine {
  /** "Alice", "Automation 'Night'", "Hub pi-garden"; absent when the house itself did it (a sensor, a timer in a plugin). */
  who?: string;
  /** The whole sentence: "Alice turned on Hall light", "Front door opened". */
  text: string;
  /** A command or audit that did not go through. */
  failed: boolean;
}

const COMMAND_WORDS: Record<string, string> = {
  turn_on: 'turned on', turn_off: 'turned off', toggle: 'toggled', open: 'opened', close: 'closed', stop: 'stopped',
  lock: 'locked', unlock: 'unlocked', press: 'pressed', disarm: 'disarmed', trigger: 'triggered',
};
const STATE_WORDS: Record<string, string> = {
  on: 'turned on', off: 'turned off', open: 'opened', closed: 'closed', opening: 'started opening', closing: 'started closing',
  available: 'is available again', unavailable: 'became unavailable', removed: 'was removed',
  locked: 'locked', unlocked: 'unlocked', locking: 'started locking', unlocking: 'started unlocking', jammed: 'jammed',
  disarmed: 'disarmed', arming: 'started arming', armed_home: 'armed (home)', armed_away: 'armed (away)', armed_night: 'armed (night)', triggered: 'triggered',
};
/** Commands that set one value: the param that carries it and the unit to write after it. */
const SETTERS: Record<string, [param: string, unit: string]> = {
  set_position: ['position', '%'], set_percentage: ['percentage', '%'], set_temperature: ['temperature', '°'], set_value: ['value', ''],
  select_option: ['option', ''], set_hvac_mode: ['mode', ''], set_preset: ['preset', ''],
};

/** Who caused it: an automation first (it is the nearer cause), then the user, then a remote hub. */
export function whoDid(e: LogbookEntry, names: LogbookNames): string | undefined {
  const ctx = e.context;
  if (ctx?.automationId) return `Automation '${names.automation(ctx.automationId) ?? ctx.automationId}'`;
  if (e.userName) return e.userName;
  if (ctx?.userId) return 'A removed user';
  if (ctx?.node) return `Hub ${ctx.node}`;
  return undefined;
}

/** One logbook row as a sentence: who/what did what, and whether it failed. */
export function describeEntry(e: LogbookEntry, names: LogbookNames): LogbookLine {
  const who = whoDid(e, names);
  const failed = e.outcome !== null && e.outcome !== 'ok';
  const sentence = (subject: string | undefined, predicate: string) => (subject ? `${subject} ${predicate}` : capitalize(predicate));
  const line = (text: string): LogbookLine => ({ ...(who !== undefined && { who }), text, failed });
  const entity = e.entityId === null ? undefined : names.entity(e.entityId);
  const target = entity?.name ?? e.entityId ?? '';

  if (e.kind === 'state') {
    const by = who ? ` · ${who}` : '';
    // A door "opens", a motion sensor "detects": the card's own words read better than on/off.
    if (entity?.domain === 'binary_sensor' && (e.what === 'on' || e.what === 'off')) return line(`${target}: ${formatState({ ...entity, state: e.what, available: true })}${by}`);
    // A button's state is the time of its last press; a select's options are the user's own words.
    if (entity?.domain === 'button' && !(e.what in STATE_WORDS)) return line(`${target} was pressed${by}`);
    const value = entity?.domain === 'select' ? e.what : stateWord(entity?.domain ?? '', e.what);
    return line(`${target} ${STATE_WORDS[e.what] ?? `changed to ${value}`}${by}`);
  }
  if (e.kind === 'command') {
    const did = commandPredicate(e.what, target, e.details);
    if (!failed) return line(sentence(who, did));
    const error = typeof e.details?.error === 'string' ? `: ${e.details.error}` : '';
    return line(`${sentence(who, `could not ${commandInfinitive(e.what, target, e.details)}`)}${error}`);
  }
  return line(auditSentence(e, who, sentence));
}

function commandPredicate(command: string, target: string, details: LogbookEntry['details']): string {
  const params = paramsOf(details);
  if (command === 'turn_on' && typeof params.brightness === 'number') return `set ${target} to ${params.brightness}%`;
  const arm = /^arm_(home|away|night)$/.exec(command);
  if (arm) return `armed ${target} (${arm[1]})`;
  return setTo(command, target, params) ?? `${COMMAND_WORDS[command] ?? `ran ${command} on`} ${target}`;
}

function commandInfinitive(command: string, target: string, details: LogbookEntry['details']): string {
  return setTo(command, target, paramsOf(details)) ?? `${command.replace(/_/g, ' ')} ${target}`;
}

/** "set Thermostat to 21.5°", the same in the past and the infinitive. */
function setTo(command: string, target: string, params: Record<string, unknown>): string | undefined {
  const setter = SETTERS[command];
  const value = setter && params[setter[0]];
  return typeof value === 'number' || typeof value === 'string' ? `set ${target} to ${value}${setter![1]}` : undefined;
}

function paramsOf(details: LogbookEntry['details']): Record<string, unknown> {
  const params = details?.params;
  return typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {};
}

function auditSentence(e: LogbookEntry, who: string | undefined, sentence: (s: string | undefined, p: string) => string): string {
  const target = e.entityId ?? '';
  const ok = e.outcome === 'ok';
  const d = e.details ?? {};
  switch (e.what) {
    case 'auth.login':
      return ok ? `${target} signed in` : `Sign-in ${e.outcome === 'denied' ? 'refused' : 'failed'} for ${target}${e.address ? ` from ${e.address}` : ''}`;
    case 'auth.logout':
      return `${target} signed out`;
    case 'auth.onboarding':
      return ok ? `Owner account ${target} created` : `Creating the owner account ${target} failed`;
    case 'token.create':
      return sentence(who, `${ok ? 'created' : 'could not create'} API token '${String(d.name ?? '')}'`);
    case 'token.revoke':
      return sentence(who, ok ? 'revoked an API token' : 'could not revoke an API token');
    case 'user.create':
      return sentence(who, `${ok ? 'added' : 'could not add'} user ${target}${typeof d.role === 'string' ? ` (${d.role})` : ''}`);
    case 'user.update':
      return sentence(who, `${ok ? 'changed' : 'could not change'} user ${target}${typeof d.role === 'string' ? ` to ${d.role}` : ''}`);
    case 'user.remove':
      return sentence(who, `${ok ? 'removed' : 'could not remove'} user ${target}`);
    case 'entity.command':
      return sentence(who, `was refused ${String(d.command ?? 'a command')} on ${target}`);
    case 'sim.drive':
      return sentence(who, `drove simulated ${target.replace(/^gpio/, 'GPIO ')} ${d.value === 1 ? 'high' : 'low'}`);
    case 'backup':
      return sentence(who, ok ? 'downloaded a backup' : 'could not download a backup');
    case 'invitation.create':
      return sentence(who, `${ok ? 'created' : 'could not create'} an invitation${typeof d.role === 'string' ? ` (${d.role})` : ''}`);
    case 'invitation.revoke':
      return sentence(who, ok ? 'revoked an invitation' : 'could not revoke an invitation');
    case 'invitation.accept':
      return ok ? sentence(who ?? target, 'joined with an invitation') : `Invitation ${e.outcome === 'denied' ? 'refused (too many wrong codes)' : 'refused'} for ${target}${e.address ? ` from ${e.address}` : ''}`;
    case 'auth.password':
      return sentence(who, ok ? 'changed their password' : 'could not change their password');
    case 'session.revoke':
      return sentence(who, `${ok ? 'signed out' : 'could not sign out'} a session of ${target}`);
    default:
      return sentence(who, `${e.what}${target ? ` ${target}` : ''}${ok ? '' : ` (${e.outcome ?? 'failed'})`}`);
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Rows from a page and from the live stream, each once, newest first (ids grow with time). */
export function mergeEntries(...lists: readonly (readonly LogbookEntry[])[]): LogbookEntry[] {
  const byId = new Map<number, LogbookEntry>();
  for (const list of lists) for (const e of list) byId.set(e.id, e);
  return [...byId.values()].sort((a, b) => b.id - a.id);
}
