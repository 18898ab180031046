/** Wire types of the HTTP API and WebSocket (DESIGN §2, §6, §7, §8), as the browser sees them. */
// The server's own wire types, from dependency-free modules: one definition for both sides.
import type { Context } from '../../../core/kernel/context-type.js';
import type { ConfigIssueBody } from '../../../core/reload/api-types.js';
import type { QueueStatus } from '../../../core/notify/queue.js';
import type { LogbookView } from '../../../core/history/logbook-entry.js';
import type { StateValue } from '../../../core/kernel/domains.js';
import type { EntityState, Role } from '../../../core/kernel/entity.js';

export type { Domain, StateValue } from '../../../core/kernel/domains.js';
export type { EntityState, Role } from '../../../core/kernel/entity.js';
export type { PluginStatus } from '../../../core/kernel/events.js';
export type { PluginInfo } from '../../../core/plugins/info.js';
export type StateContext = Context;

/** The signed-in user (GET /api/auth/me, GET /api/auth/session, the `user` of a session). */
export interface User {
  id: string;
  username: string;
  role: Role;
  /** Only when the user set one; shown instead of the username. */
  displayName?: string;
}

/** GET /api/users rows (core/api/schemas.ts storedUserSchema). */
export interface StoredUser extends User {
  createdAt: string;
}

/** POST /api/onboarding and /api/auth/login (sessionSchema). */
export interface Session {
  token: string;
  expiresAt: string;
  user: User;
}

/** GET /api/invitations rows (core/api/routes/invitations.ts). */
export interface Invitation {
  id: string;
  role: Role;
  status: 'pending' | 'used' | 'expired';
  createdAt: string;
  expiresAt: string;
  createdBy: string | null;
  usedAt: string | null;
  usedBy: string | null;
}

/** POST /api/invitations: the code and link are shown this once. */
export interface CreatedInvitation extends Invitation {
  code: string;
  url: string;
}

/** GET /api/auth/sessions rows. */
export interface SignedInSession {
  id: string;
  user: { id: string; username: string; displayName?: string };
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  /** The session this browser is using. */
  current: boolean;
}

/** GET /api/auth/tokens rows (tokenInfoSchema). */
export interface ApiToken {
  id: string;
  name: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
}

/** POST /api/auth/tokens: the secret is shown this once (issuedTokenSchema). */
export interface IssuedToken {
  id: string;
  name: string;
  expiresAt: string;
  token: string;
}

export interface Health {
  status: 'ok';
  version: string;
  uptimeS: number;
}

/** Epoch ms and the value then (numbers for sensors, state words otherwise, null while unknown). */
export type HistoryPoint = [ms: number, value: StateValue | null];
export interface HistoryResponse {
  entityId: string;
  points: HistoryPoint[];
  /** Climate entities: temperatures, and heating as 'on'/'off'. */
  series?: { current: HistoryPoint[]; target: HistoryPoint[]; heating: HistoryPoint[] };
}

export type StatisticsPeriod = '5m' | '1h' | '1d';

/** One bucket of GET /api/statistics/:id; `start` is ISO. */
export interface StatisticsRow {
  start: string;
  mean: number;
  min: number;
  max: number;
  count: number;
  /** Climate entities (whose mean/min/max are the current temperature's): hours heating. */
  heatingHours?: number;
  /** Counters (`stateClass: total_increasing`, a meter's index): consumption in the bucket (docs/history.md, *Counters*). */
  change?: number;
  /** Counters: running total of `change` at the bucket's end. */
  sum?: number;
}

export interface StatisticsResponse {
  entityId: string;
  period: StatisticsPeriod;
  rows: StatisticsRow[];
}

/**
 * One row of the audit trail, as GET /api/logbook and the WebSocket's subscribe_logbook
 * send it. `state`: `what` is the new state, or available/unavailable/removed. `command`:
 * `what` is the command, `outcome` ok/failed, `details` {params?, error?}. `audit`: `what`
 * is the action (auth.login, user.create…), `entityId` its target, `outcome` ok/denied/failed.
 */
export type LogbookEntry = LogbookView;

export interface LogbookPage {
  entries: LogbookEntry[];
  /** Pass as `before` for the next (older) page; absent on the last page. */
  next?: number;
}

export type AutomationMode = 'single' | 'restart' | 'queued' | 'parallel';
export type Trigger = { type: string } & Record<string, unknown>;
export type Condition = { type: string } & Record<string, unknown>;
export type Action = Record<string, unknown>;

export interface AutomationDefinition {
  id: string;
  name?: string;
  description?: string;
  mode?: AutomationMode;
  enabled?: boolean;
  triggers: Trigger[];
  conditions?: Condition[];
  actions: Action[];
}

/** GET /api/automations[/:id]: the definition as written plus the hub's facts about it. */
export interface Automation extends AutomationDefinition {
  lastRun: string | null;
  source: 'file' | 'api';
  running: number;
}

/** Traces are the server's own types (dependency-free on purpose). */
import type { Trace } from '../../../core/automation/trace.js';

export type { RunOutcome, Trace, TraceStep } from '../../../core/automation/trace.js';

/** POST /api/automations/simulate (core/automation/simulate.ts). */
export interface SimulationResult {
  start: string;
  end: string;
  firings: { at: string; trigger: Record<string, unknown> }[];
  commands: { at: string; entityId: string; command: string; params: Record<string, unknown> }[];
  traces: Trace[];
}


/** GET /api/sim/lines rows: physical levels (an active-low relay that is on reads 0). */
export interface SimLine {
  line: number;
  direction: 'in' | 'out';
  value: 0 | 1;
  label?: string;
}

/** The subset of JSON Schema the settings forms render. */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown; issues?: ConfigIssueBody[] };
}

export type { AvailablePlugin, ConfigAreas, ConfigEditResult, ConfigIssueBody, ConfigPluginEntry, ConfigPlugins } from '../../../core/reload/api-types.js';

/** subscribe_entities events (core/api/ws/session.ts): a snapshot first and after any lag, then batches. */
export type EntityEvent = { snapshot: EntityState[] } | { changed: EntityState[]; removed?: string[] };

/** subscribe_logbook events: new rows, in the REST shape. */
export interface LogbookEvent {
  entries: LogbookEntry[];
}

/** Alerts are the server's own types (core/alerts/types.ts, stats.ts). */
import type { Alert } from '../../../core/alerts/types.js';
import type { StatsPeriod } from '../../../core/alerts/stats.js';

export type { Alert, AlertStatus, Severity } from '../../../core/alerts/types.js';
export type { AlertStats, StatsPeriod } from '../../../core/alerts/stats.js';

/** GET /api/alerts: newest first; `next` is the `before` of the following page; `open` the badge count. */
export interface AlertPage {
  alerts: Alert[];
  next?: number;
  open: number;
}

export type AlertQuery = {
  status?: 'open' | 'acknowledged' | 'all';
  /** Comma-separated severities. */
  severity?: string;
  entity?: string;
  before?: number;
  limit?: number;
};

/** subscribe_alerts events: the open count first, then each change with the count after it. */
export interface AlertEvent {
  open: number;
  raised?: Alert;
  updated?: Alert;
  acknowledged?: Alert;
}

export type AlertStatsQuery = { period: StatsPeriod; start?: string; end?: string };

/** subscribe_automation_traces events: one finished run. */
export interface TraceEvent {
  trace: Trace;
}

/** The result of a `command` message, as POST /api/entities/:id/commands/:command answers. */
export interface CommandResult {
  entity: EntityState;
}

/** A weekly schedule as /api/schedules answers it: every day listed; `readOnly` for one of the config file. */
export interface Schedule {
  id: string;
  name?: string;
  entityId: string;
  source: 'yaml' | 'api';
  readOnly: boolean;
  days: Record<'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun', { from: string; to: string; value?: string | number }[]>;
  exceptions: { date: string; blocks: { from: string; to: string; value?: string | number }[] }[];
}

/** What GET/PUT /api/entities/:id/follow answer: the `schedule.<id>` a device follows, or null. */
export interface FollowInfo {
  entityId: string;
  schedule: string | null;
}

/** A floor plan (docs/api.md#floor-plans): rooms on a grid, devices at relative positions. */
export interface Floorplan {
  id: string;
  name: string;
  level: number;
  grid: { columns: number; rows: number };
  background: { kind: 'drawn' | 'image'; image?: { contentType: string; url: string } };
  rooms: { area: string; label?: string; polygon: [number, number][] }[];
  items: { entityId: string; x: number; y: number }[];
}

/** An "I am here" pin. */
export interface PersonLocation {
  userId: string;
  username: string;
  area: string;
  until: string;
}

/** A notification on the `dashboard` channel (WebSocket `subscribe_notifications`). */
export type { DashboardNotification } from '../../../core/notify/events.js';

/** `GET /api/notify/channels`. */
export interface NotifyChannel extends QueueStatus {
  id: string;
  type: 'dashboard' | 'ntfy' | 'webhook' | 'email' | 'mqtt';
  default: boolean;
  users?: 'all' | string[];
}

/** `GET/PUT /api/notify/me`. */
export interface NotifyTargets {
  ntfyTopic?: string;
  email?: string;
  quietHours?: { from: string; to: string };
}

/** `GET/PUT /api/auth/preferences` (core/auth/preferences.ts): the user's own choices. */
export interface Preferences {
  /** The dashboard's language; absent = follow the browser. */
  locale?: 'en' | 'fr';
  /** What Home shows; absent = the floor plan when one exists, else the cards. */
  home?: HomeMode;
}

export type HomeMode = 'plan' | 'cards';
