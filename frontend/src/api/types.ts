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

export interface Automation extends AutomationDefinition {
  lastRun?: string | null;
  lastTriggered?: string | null;
  source?: 'yaml' | 'api';
}

export interface TraceStep {
  path?: string;
  type?: string;
  at?: string | number;
  time?: string | number;
  result?: unknown;
  error?: string;
  durationMs?: number;
  description?: string;
}

export interface Trace {
  id?: string;
  automationId: string;
  start?: string | number;
  startedAt?: string | number;
  end?: string | number | null;
  trigger?: unknown;
  status?: string;
  error?: string;
  steps: TraceStep[];
}

export interface SimulationFiring {
  at: string | number;
  trigger?: unknown;
  actions?: unknown[];
  description?: string;
}

export interface SimulationResult {
  firings: SimulationFiring[];
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
