import type {
  NotifyChannel,
  NotifyTargets,
  CreatedInvitation, Invitation, SignedInSession,
  Alert, AlertPage, AlertQuery, AlertStats, AlertStatsQuery, ApiErrorBody, ApiToken, Automation, AutomationDefinition, CommandResult, EntityState, Floorplan, FollowInfo, Health, HistoryResponse, IssuedToken, LogbookPage, PersonLocation,
  AvailablePlugin, ConfigAreas, ConfigEditResult, ConfigIssueBody, ConfigPlugins,
  PluginInfo, Preferences, Role, Schedule, Session, SimLine, SimulationResult, StatisticsPeriod, StatisticsResponse, StoredUser, Trace, User,
} from './types.js';

/** A failed API call, carrying the server's error code, message and details (DESIGN §6). */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: unknown, readonly issues?: ConfigIssueBody[]) {
    super(message);
    this.name = 'ApiError';
  }
}

type Query = Record<string, string | number | undefined>;

function qs(query: Query): string {
  const entries = Object.entries(query).filter((e): e is [string, string | number] => e[1] !== undefined);
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]): [string, string] => [k, String(v)]))}` : '';
}

const seg = encodeURIComponent;

/** REST client: same-origin, cookie-authenticated, JSON in and out. */
export function createHttpClient(base = '', fetchImpl: typeof fetch = (...a) => fetch(...a)) {
  /** JSON in and out; a Blob (an uploaded picture) goes as its raw bytes with its own type. */
  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const raw = body instanceof Blob;
    let res: Response;
    try {
      res = await fetchImpl(`${base}${path}`, {
        method,
        credentials: 'same-origin',
        headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': raw ? body.type || 'application/octet-stream' : 'application/json' },
        ...(body !== undefined && { body: raw ? body : JSON.stringify(body) }),
      });
    } catch {
      throw new ApiError(0, 'network', 'Cannot reach the hub — check the connection');
    }
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    const data: unknown = text ? safeJson(text) : undefined;
    if (!res.ok) {
      const err = (data as ApiErrorBody | undefined)?.error;
      throw new ApiError(res.status, err?.code ?? `http_${res.status}`, err?.message ?? `${res.status} ${res.statusText}`, err?.details, err?.issues);
    }
    return data as T;
  }

  return {
    request,
    health: () => request<Health>('GET', '/api/health'),
    onboardingStatus: () => request<{ required: boolean }>('GET', '/api/onboarding'),
    onboard: (username: string, password: string) => request<Session>('POST', '/api/onboarding', { username, password }),
    login: (username: string, password: string) => request<Session>('POST', '/api/auth/login', { username, password }),
    logout: () => request<void>('POST', '/api/auth/logout'),
    /** The signed-in user, or null: unlike /api/auth/me it never answers 401, so a first visit logs no error. */
    session: () => request<{ user: User | null }>('GET', '/api/auth/session').then((r) => r.user),
    preferences: () => request<Preferences>('GET', '/api/auth/preferences'),
    /** Absent keys keep their value; the answer is every preference as stored. */
    setPreferences: (patch: Preferences) => request<Preferences>('PUT', '/api/auth/preferences', patch),
    tokens: () => request<ApiToken[]>('GET', '/api/auth/tokens'),
    alarmCode: () => request<{ code: boolean; duress: boolean }>('GET', '/api/auth/alarm-code'),
    setAlarmCode: (code: string, duress?: string) => request<void>('PUT', '/api/auth/alarm-code', duress ? { code, duress } : { code }),
    clearAlarmCode: () => request<void>('DELETE', '/api/auth/alarm-code'),
    createToken: (name: string) => request<IssuedToken>('POST', '/api/auth/tokens', { name }),
    deleteToken: (id: string) => request<void>('DELETE', `/api/auth/tokens/${seg(id)}`),
    users: () => request<StoredUser[]>('GET', '/api/users'),
    createUser: (username: string, password: string, role: Role) => request<StoredUser>('POST', '/api/users', { username, password, role }),
    updateUser: (id: string, patch: { role?: Role; password?: string }) => request<StoredUser>('PATCH', `/api/users/${seg(id)}`, patch),
    deleteUser: (id: string) => request<void>('DELETE', `/api/users/${seg(id)}`),
    setDisplayName: (displayName: string | null) => request<User>('PUT', '/api/auth/me', { displayName }),
    changePassword: (current: string, next: string) => request<void>('POST', '/api/auth/password', { current, new: next }),
    /** Your own sessions; an admin's answer holds everyone's. */
    sessions: () => request<{ sessions: SignedInSession[] }>('GET', '/api/auth/sessions').then((r) => r.sessions),
    revokeSession: (id: string) => request<void>('DELETE', `/api/auth/sessions/${seg(id)}`),
    invitations: () => request<{ invitations: Invitation[] }>('GET', '/api/invitations').then((r) => r.invitations),
    createInvitation: (role: Role, expiresInHours: number) => request<CreatedInvitation>('POST', '/api/invitations', { role, expiresInHours }),
    revokeInvitation: (id: string) => request<void>('DELETE', `/api/invitations/${seg(id)}`),
    /** Creates the invited account; the answer is a session (and its cookie), as login's. */
    acceptInvitation: (code: string, username: string, password: string) => request<Session>('POST', '/api/invitations/accept', { code, username, password }),
    entities: () => request<EntityState[]>('GET', '/api/entities'),
    command: (entityId: string, command: string, params: Record<string, unknown> = {}) =>
      request<CommandResult>('POST', `/api/entities/${seg(entityId)}/commands/${seg(command)}`, params),
    history: (id: string, q: { start?: string; end?: string; points?: number }) => request<HistoryResponse>('GET', `/api/history/${seg(id)}${qs(q)}`),
    statistics: (id: string, q: { period: StatisticsPeriod; start?: string; end?: string }) =>
      request<StatisticsResponse>('GET', `/api/statistics/${seg(id)}${qs(q)}`),
    /** `entity` and `kind` take comma-separated lists; `user` a username or id; `automation` an automation id. */
    logbook: (q: { start?: string; end?: string; entity?: string; area?: string; kind?: string; user?: string; automation?: string; limit?: number; before?: number }) => request<LogbookPage>('GET', `/api/logbook${qs(q)}`),
    automations: () => request<{ automations: Automation[] }>('GET', '/api/automations').then((r) => r.automations),
    automation: (id: string) => request<Automation>('GET', `/api/automations/${seg(id)}`),
    createAutomation: (def: AutomationDefinition) => request<Automation>('POST', '/api/automations', def),
    saveAutomation: (id: string, def: AutomationDefinition) => request<Automation>('PUT', `/api/automations/${seg(id)}`, def),
    setAutomationEnabled: (id: string, enabled: boolean) => request<Automation>('PATCH', `/api/automations/${seg(id)}`, { enabled }),
    deleteAutomation: (id: string) => request<void>('DELETE', `/api/automations/${seg(id)}`),
    runAutomation: (id: string) => request<{ started: true }>('POST', `/api/automations/${seg(id)}/run`),
    traces: (id: string) => request<{ traces: Trace[] }>('GET', `/api/automations/${seg(id)}/traces`).then((r) => r.traces),
    simulate: (definition: AutomationDefinition, start: string, end: string) =>
      request<SimulationResult>('POST', '/api/automations/simulate', { definition, start, end }),
    schedule: (id: string) => request<Schedule>('GET', `/api/schedules/${seg(id)}`),
    /** The whole definition; the answer is the schedule as stored. */
    saveSchedule: (id: string, def: Pick<Schedule, 'name' | 'days' | 'exceptions'>) => request<Schedule>('PUT', `/api/schedules/${seg(id)}`, def),
    follow: (entityId: string) => request<FollowInfo>('GET', `/api/entities/${seg(entityId)}/follow`),
    /** Starts following (the device takes the schedule's state at once) or, with null, stops. */
    setFollow: (entityId: string, schedule: string | null) => request<FollowInfo>('PUT', `/api/entities/${seg(entityId)}/follow`, { schedule }),
    floorplans: () => request<{ floorplans: Floorplan[] }>('GET', '/api/floorplans').then((r) => r.floorplans),
    /** The whole plan; the answer is the plan as stored. */
    saveFloorplan: (plan: Floorplan) => request<Floorplan>('PUT', `/api/floorplans/${seg(plan.id)}`, { ...plan, background: { kind: plan.background.kind } }),
    uploadFloorplanImage: (id: string, image: Blob) => request<Floorplan>('PUT', `/api/floorplans/${seg(id)}/image`, image),
    removeFloorplanImage: (id: string) => request<Floorplan>('DELETE', `/api/floorplans/${seg(id)}/image`),
    createFloorplan: (plan: { name: string; level?: number }) => request<Floorplan>('POST', '/api/floorplans', plan),
    pinMe: (area: string | null) => request<{ location: PersonLocation | null }>('PUT', '/api/people/me/location', { area }),
    alerts: (q: AlertQuery) => request<AlertPage>('GET', `/api/alerts${qs(q)}`),
    acknowledgeAlert: (id: number, note?: string) => request<Alert>('POST', `/api/alerts/${id}/acknowledge`, note ? { note } : {}),
    alertStats: (q: AlertStatsQuery) => request<AlertStats>('GET', `/api/alerts/stats${qs(q)}`),
    plugins: () => request<PluginInfo[]>('GET', '/api/plugins'),
    /** Config edits (docs/api.md#configuration): each sends the revision read; 409 when the file changed since. */
    configPlugins: () => request<ConfigPlugins>('GET', '/api/config/plugins'),
    availablePlugins: () => request<{ plugins: AvailablePlugin[] }>('GET', '/api/config/plugins/available').then((r) => r.plugins),
    addPlugin: (entry: Record<string, unknown>, revision: string) => request<ConfigEditResult>('POST', '/api/config/plugins', { entry, revision }),
    replacePlugin: (id: string, entry: Record<string, unknown>, revision: string) => request<ConfigEditResult>('PUT', `/api/config/plugins/${seg(id)}`, { entry, revision }),
    patchPlugin: (id: string, changes: Record<string, unknown>, revision: string) => request<ConfigEditResult>('PATCH', `/api/config/plugins/${seg(id)}`, { changes, revision }),
    removePlugin: (id: string, revision: string) => request<ConfigEditResult>('DELETE', `/api/config/plugins/${seg(id)}${qs({ revision })}`),
    configAreas: () => request<ConfigAreas>('GET', '/api/config/areas'),
    setAreas: (body: { areas: string[]; renamed?: Record<string, string>; moveDevices?: Record<string, string | null> }, revision: string) =>
      request<ConfigEditResult>('PUT', '/api/config/areas', { ...body, revision }),
    notifyChannels: () => request<{ channels: NotifyChannel[] }>('GET', '/api/notify/channels').then((r) => r.channels),
    myNotifyTargets: () => request<{ targets: NotifyTargets; channels: { id: string; type: string }[] }>('GET', '/api/notify/me'),
    setMyNotifyTargets: (targets: NotifyTargets) => request<{ targets: NotifyTargets; channels: { id: string; type: string }[] }>('PUT', '/api/notify/me', targets),
    simLines: () => request<{ lines: SimLine[] }>('GET', '/api/sim/lines').then((r) => r.lines),
    setSimLine: (line: number, value: 0 | 1) => request<{ lines: SimLine[] }>('PUT', `/api/sim/lines/${line}`, { value }).then((r) => r.lines),
  };
}

export type HttpClient = ReturnType<typeof createHttpClient>;

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
