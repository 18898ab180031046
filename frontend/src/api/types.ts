/** Wire types of the HTTP API and WebSocket (DESIGN §2, §6, §7, §8), as the browser sees them. */
export type Domain = 'binary_sensor' | 'sensor' | 'switch' | 'light' | 'cover';
export type Role = 'owner' | 'admin' | 'member';
export type StateValue = string | number;

export interface StateContext {
  id: string;
  userId?: string;
  automationId?: string;
  parentId?: string;
}

export interface EntityState {
  id: string;
  domain: Domain;
  name: string;
  area: string | null;
  state: StateValue | null;
  attributes: Readonly<Record<string, unknown>>;
  available: boolean;
  lastChanged: string;
  lastUpdated: string;
  context: StateContext;
}

export interface User {
  id: string;
  username: string;
  role: Role;
}

export interface ApiToken {
  id: string;
  name: string;
  createdAt?: string;
  expiresAt?: string | null;
  lastUsedAt?: string | null;
}

export type HistoryPoint = [ms: number, value: number | string | null];
export interface HistoryResponse {
  entityId: string;
  points: HistoryPoint[];
}

export interface StatisticsRow {
  start: string | number;
  mean: number | null;
  min: number | null;
  max: number | null;
  count: number;
}

export interface LogbookEntry {
  time: string;
  entityId?: string;
  name?: string;
  message?: string;
  state?: StateValue | null;
  oldState?: StateValue | null;
  userId?: string;
  username?: string;
  automationId?: string;
  automationName?: string;
  source?: string;
  context?: StateContext;
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

/** One step of a run (core/automation/runner.ts). */
export interface TraceStep {
  path: string;
  action: string;
  alias?: string;
  startedAt: string;
  endedAt?: string;
  result?: unknown;
  error?: string;
}

export type RunOutcome = 'completed' | 'stopped' | 'conditions_failed' | 'error' | 'aborted';

/** One run, step by step (core/automation/automation.ts). */
export interface Trace {
  runId: string;
  automationId: string;
  trigger: Record<string, unknown>;
  contextId: string;
  startedAt: string;
  endedAt: string;
  outcome: RunOutcome;
  reason?: string;
  resumed?: boolean;
  steps: TraceStep[];
}

/** POST /api/automations/simulate (core/automation/simulate.ts). */
export interface SimulationResult {
  start: string;
  end: string;
  firings: { at: string; trigger: Record<string, unknown> }[];
  commands: { at: string; entityId: string; command: string; params: Record<string, unknown> }[];
  traces: Trace[];
}

export interface PluginInfo {
  id: string;
  name: string;
  version: string;
  status: string;
  error?: string;
  entities: string[] | number;
  configSchema?: JsonSchema;
  config?: unknown;
}

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
  error: { code: string; message: string; details?: unknown };
}
