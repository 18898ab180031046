import type { EntityState, LogbookEntry } from '../api/types.js';
import { formatState, stateWord } from './format.js';
import { msg, str } from './i18n.js';

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

/** A command in the past, with its target: "turned on Hall light". Called at render time: it follows the shown language. */
function commandWord(command: string, target: string): string | undefined {
  switch (command) {
    case 'turn_on': return msg(str`turned on ${target}`, { id: 'log.cmd.turn-on' });
    case 'turn_off': return msg(str`turned off ${target}`, { id: 'log.cmd.turn-off' });
    case 'toggle': return msg(str`toggled ${target}`, { id: 'log.cmd.toggle' });
    case 'open': return msg(str`opened ${target}`, { id: 'log.cmd.open' });
    case 'close': return msg(str`closed ${target}`, { id: 'log.cmd.close' });
    case 'stop': return msg(str`stopped ${target}`, { id: 'log.cmd.stop' });
    case 'lock': return msg(str`locked ${target}`, { id: 'log.cmd.lock' });
    case 'unlock': return msg(str`unlocked ${target}`, { id: 'log.cmd.unlock' });
    case 'press': return msg(str`pressed ${target}`, { id: 'log.cmd.press' });
    case 'disarm': return msg(str`disarmed ${target}`, { id: 'log.cmd.disarm' });
    case 'trigger': return msg(str`triggered ${target}`, { id: 'log.cmd.trigger' });
    default: return undefined;
  }
}

/** What an entity did, as a sentence: "Hall light turned on". */
function stateSentence(state: string, target: string): string | undefined {
  switch (state) {
    case 'on': return msg(str`${target} turned on`, { id: 'log.state.on' });
    case 'off': return msg(str`${target} turned off`, { id: 'log.state.off' });
    case 'open': return msg(str`${target} opened`, { id: 'log.state.open' });
    case 'closed': return msg(str`${target} closed`, { id: 'log.state.closed' });
    case 'opening': return msg(str`${target} started opening`, { id: 'log.state.opening' });
    case 'closing': return msg(str`${target} started closing`, { id: 'log.state.closing' });
    case 'available': return msg(str`${target} is available again`, { id: 'log.state.available' });
    case 'unavailable': return msg(str`${target} became unavailable`, { id: 'log.state.unavailable' });
    case 'removed': return msg(str`${target} was removed`, { id: 'log.state.removed' });
    case 'locked': return msg(str`${target} locked`, { id: 'log.state.locked' });
    case 'unlocked': return msg(str`${target} unlocked`, { id: 'log.state.unlocked' });
    case 'locking': return msg(str`${target} started locking`, { id: 'log.state.locking' });
    case 'unlocking': return msg(str`${target} started unlocking`, { id: 'log.state.unlocking' });
    case 'jammed': return msg(str`${target} jammed`, { id: 'log.state.jammed' });
    case 'disarmed': return msg(str`${target} disarmed`, { id: 'log.state.disarmed' });
    case 'arming': return msg(str`${target} started arming`, { id: 'log.state.arming' });
    case 'armed_home': return msg(str`${target} armed (home)`, { id: 'log.state.armed-home' });
    case 'armed_away': return msg(str`${target} armed (away)`, { id: 'log.state.armed-away' });
    case 'armed_night': return msg(str`${target} armed (night)`, { id: 'log.state.armed-night' });
    case 'triggered': return msg(str`${target} triggered`, { id: 'log.state.triggered' });
    default: return undefined;
  }
}

/** Commands that set one value: the param that carries it and the unit to write after it. */
const SETTERS: Record<string, [param: string, unit: string]> = {
  set_position: ['position', '%'], set_percentage: ['percentage', '%'], set_temperature: ['temperature', '°'], set_value: ['value', ''],
  select_option: ['option', ''], set_hvac_mode: ['mode', ''], set_preset: ['preset', ''],
};

/** Who caused it: an automation first (it is the nearer cause), then the user, then a remote hub. */
export function whoDid(e: LogbookEntry, names: LogbookNames): string | undefined {
  const ctx = e.context;
  if (ctx?.automationId) return msg(str`Automation '${names.automation(ctx.automationId) ?? ctx.automationId}'`, { id: 'log.who.automation' });
  if (e.userName) return e.userName;
  if (ctx?.userId) return msg('A removed user', { id: 'log.who.removed-user' });
  if (ctx?.node) return msg(str`Hub ${ctx.node}`, { id: 'log.who.hub' });
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
    const said = stateSentence(e.what, target);
    // A button's state is the time of its last press; a select's options are the user's own words.
    if (entity?.domain === 'button' && !said) return line(`${msg(str`${target} was pressed`, { id: 'log.state.pressed' })}${by}`);
    const value = entity?.domain === 'select' ? e.what : stateWord(entity?.domain ?? '', e.what);
    return line(`${said ?? msg(str`${target} changed to ${value}`, { id: 'log.state.changed' })}${by}`);
  }
  if (e.kind === 'command') {
    const did = commandPredicate(e.what, target, e.details);
    if (!failed) return line(sentence(who, did));
    const error = typeof e.details?.error === 'string' ? `: ${e.details.error}` : '';
    const tried = commandInfinitive(e.what, target, e.details);
    return line(`${sentence(who, msg(str`could not ${tried}`, { id: 'log.could-not' }))}${error}`);
  }
  return line(auditSentence(e, who, sentence));
}

function commandPredicate(command: string, target: string, details: LogbookEntry['details']): string {
  const params = paramsOf(details);
  if (command === 'turn_on' && typeof params.brightness === 'number') return msg(str`set ${target} to ${params.brightness}%`, { id: 'log.cmd.brightness' });
  switch (command) {
    case 'arm_home': return msg(str`armed ${target} (home)`, { id: 'log.cmd.arm-home' });
    case 'arm_away': return msg(str`armed ${target} (away)`, { id: 'log.cmd.arm-away' });
    case 'arm_night': return msg(str`armed ${target} (night)`, { id: 'log.cmd.arm-night' });
  }
  return setTo(command, target, params) ?? commandWord(command, target) ?? msg(str`ran ${command} on ${target}`, { id: 'log.cmd.ran' });
}

/** What a failed command tried: "disarm House alarm" (French "désarmer …"); a command without words is named as is. */
function commandInfinitive(command: string, target: string, details: LogbookEntry['details']): string {
  const value = setterValue(command, paramsOf(details));
  if (value !== undefined) return msg(str`set ${target} to ${value}`, { id: 'log.try.set-to' });
  switch (command) {
    case 'turn_on': return msg(str`turn on ${target}`, { id: 'log.try.turn-on' });
    case 'turn_off': return msg(str`turn off ${target}`, { id: 'log.try.turn-off' });
    case 'open': return msg(str`open ${target}`, { id: 'log.try.open' });
    case 'close': return msg(str`close ${target}`, { id: 'log.try.close' });
    case 'lock': return msg(str`lock ${target}`, { id: 'log.try.lock' });
    case 'unlock': return msg(str`unlock ${target}`, { id: 'log.try.unlock' });
    case 'disarm': return msg(str`disarm ${target}`, { id: 'log.try.disarm' });
    default: return `${command.replace(/_/g, ' ')} ${target}`;
  }
}

/** The value a setter command sets, with its unit: "21.5°", "40%". */
function setterValue(command: string, params: Record<string, unknown>): string | undefined {
  const setter = SETTERS[command];
  const value = setter && params[setter[0]];
  return typeof value === 'number' || typeof value === 'string' ? `${value}${setter![1]}` : undefined;
}

/** "set Thermostat to 21.5°". */
function setTo(command: string, target: string, params: Record<string, unknown>): string | undefined {
  const value = setterValue(command, params);
  return value === undefined ? undefined : msg(str`set ${target} to ${value}`, { id: 'log.cmd.set-to' });
}

function paramsOf(details: LogbookEntry['details']): Record<string, unknown> {
  const params = details?.params;
  return typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {};
}

function auditSentence(e: LogbookEntry, who: string | undefined, sentence: (s: string | undefined, p: string) => string): string {
  const target = e.entityId ?? '';
  const ok = e.outcome === 'ok';
  const d = e.details ?? {};
  const role = typeof d.role === 'string' ? d.role : undefined;
  switch (e.what) {
    case 'auth.login': {
      if (ok) return msg(str`${target} signed in`, { id: 'log.audit.signed-in' });
      const from = e.address ? ` ${msg(str`from ${e.address}`, { id: 'logbook.from-address' })}` : '';
      return (e.outcome === 'denied' ? msg(str`Sign-in refused for ${target}`, { id: 'log.audit.sign-in-refused' }) : msg(str`Sign-in failed for ${target}`, { id: 'log.audit.sign-in-failed' })) + from;
    }
    case 'auth.logout':
      return msg(str`${target} signed out`, { id: 'log.audit.signed-out' });
    case 'auth.onboarding':
      return ok ? msg(str`Owner account ${target} created`, { id: 'log.audit.owner-created' }) : msg(str`Creating the owner account ${target} failed`, { id: 'log.audit.owner-failed' });
    case 'token.create': {
      const name = String(d.name ?? '');
      return sentence(who, ok ? msg(str`created API token '${name}'`, { id: 'log.audit.token-created' }) : msg(str`could not create API token '${name}'`, { id: 'log.audit.token-create-failed' }));
    }
    case 'token.revoke':
      return sentence(who, ok ? msg('revoked an API token', { id: 'log.audit.token-revoked' }) : msg('could not revoke an API token', { id: 'log.audit.token-revoke-failed' }));
    case 'user.create': {
      const added = ok ? msg(str`added user ${target}`, { id: 'log.audit.user-added' }) : msg(str`could not add user ${target}`, { id: 'log.audit.user-add-failed' });
      return sentence(who, `${added}${role ? ` (${role})` : ''}`);
    }
    case 'user.update': {
      const changed = ok ? msg(str`changed user ${target}`, { id: 'log.audit.user-changed' }) : msg(str`could not change user ${target}`, { id: 'log.audit.user-change-failed' });
      return sentence(who, `${changed}${role ? ` ${msg(str`to ${role}`, { id: 'log.audit.to-role' })}` : ''}`);
    }
    case 'user.remove':
      return sentence(who, ok ? msg(str`removed user ${target}`, { id: 'log.audit.user-removed' }) : msg(str`could not remove user ${target}`, { id: 'log.audit.user-remove-failed' }));
    case 'entity.command': {
      const command = typeof d.command === 'string' ? d.command : msg('a command', { id: 'log.audit.a-command' });
      return sentence(who, msg(str`was refused ${command} on ${target}`, { id: 'log.audit.refused' }));
    }
    case 'sim.drive': {
      const line = target.replace(/^gpio/, 'GPIO ');
      return sentence(who, d.value === 1 ? msg(str`drove simulated ${line} high`, { id: 'log.audit.sim-high' }) : msg(str`drove simulated ${line} low`, { id: 'log.audit.sim-low' }));
    }
    case 'backup':
      return sentence(who, ok ? msg('downloaded a backup', { id: 'log.audit.backup' }) : msg('could not download a backup', { id: 'log.audit.backup-failed' }));
    case 'invitation.create': {
      const created = ok ? msg('created an invitation', { id: 'log.audit.invitation-created' }) : msg('could not create an invitation', { id: 'log.audit.invitation-create-failed' });
      return sentence(who, `${created}${role ? ` (${role})` : ''}`);
    }
    case 'invitation.revoke':
      return sentence(who, ok ? msg('revoked an invitation', { id: 'log.audit.invitation-revoked' }) : msg('could not revoke an invitation', { id: 'log.audit.invitation-revoke-failed' }));
    case 'invitation.accept': {
      if (ok) return sentence(who ?? target, msg('joined with an invitation', { id: 'log.audit.invitation-joined' }));
      const from = e.address ? ` ${msg(str`from ${e.address}`, { id: 'logbook.from-address' })}` : '';
      return (e.outcome === 'denied' ? msg(str`Invitation refused (too many wrong codes) for ${target}`, { id: 'log.audit.invitation-denied' }) : msg(str`Invitation refused for ${target}`, { id: 'log.audit.invitation-refused' })) + from;
    }
    case 'auth.password':
      return sentence(who, ok ? msg('changed their password', { id: 'log.audit.password-changed' }) : msg('could not change their password', { id: 'log.audit.password-change-failed' }));
    case 'session.revoke':
      return sentence(who, ok ? msg(str`signed out a session of ${target}`, { id: 'log.audit.session-revoked' }) : msg(str`could not sign out a session of ${target}`, { id: 'log.audit.session-revoke-failed' }));
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
