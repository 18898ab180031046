import { backoffDelay } from '../lib/backoff.js';
import type { AlertEvent, CommandResult, DashboardNotification, EntityEvent, LogbookEvent, PersonLocation, TraceEvent, User } from './types.js';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'unauthorized';

/** What the server sends (core/api/ws/protocol.ts ServerMessage). */
type ServerMessage =
  | { type: 'auth_required' }
  | { type: 'auth_ok'; user: User }
  | { type: 'auth_invalid'; message: string }
  | { type: 'pong'; id: number }
  | { type: 'result'; id: number | null; success: true; result?: unknown }
  | { type: 'result'; id: number | null; success: false; error: { code: string; message: string } }
  | { type: 'event'; id: number; event: unknown };

interface Subscription {
  message: Record<string, unknown>;
  onEvent: (event: unknown) => void;
  serverId?: number;
}

export interface LiveOptions {
  url: string;
  /** A session token for the first-message handshake; without it the upgrade cookie authenticates. */
  token?: () => string | undefined;
  onStatus: (status: LiveStatus) => void;
  WebSocketImpl?: typeof WebSocket;
}

/**
 * The one WebSocket (DESIGN §8): authenticates, keeps subscriptions across reconnects
 * (each re-subscription starts with a fresh snapshot, so the UI re-syncs), and retries
 * with exponential back-off.
 */
export function createLiveConnection(options: LiveOptions) {
  const WS = options.WebSocketImpl ?? WebSocket;
  let socket: WebSocket | undefined;
  let nextId = 1;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let ready = false;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const subs = new Set<Subscription>();

  function send(message: Record<string, unknown>): number {
    const id = nextId++;
    socket?.send(JSON.stringify({ ...message, id }));
    return id;
  }

  function call<T>(message: Record<string, unknown>): Promise<T> {
    if (!ready || !socket) return Promise.reject(new Error('Not connected to the hub'));
    return new Promise<T>((resolve, reject) => {
      pending.set(send(message), { resolve: resolve as (v: unknown) => void, reject });
    });
  }

  function subscribeOnServer(sub: Subscription): void {
    sub.serverId = send(sub.message);
  }

  function onReady(): void {
    if (ready) return;
    ready = true;
    attempt = 0;
    options.onStatus('live');
    for (const sub of subs) subscribeOnServer(sub);
  }

  function onMessage(raw: string): void {
    let msg: ServerMessage;
    try {
      msg = JSON.parse(raw) as ServerMessage;
    } catch {
      return;
    }
    if (msg.type === 'auth_ok') return onReady();
    if (msg.type === 'auth_invalid' || (msg.type === 'auth_required' && !options.token?.())) {
      closed = true;
      options.onStatus('unauthorized');
      socket?.close();
      return;
    }
    if (msg.type === 'event') {
      for (const sub of subs) if (sub.serverId === msg.id) sub.onEvent(msg.event);
      return;
    }
    if ((msg.type === 'result' || msg.type === 'pong') && msg.id !== null) {
      const p = pending.get(msg.id);
      if (!p) return;
      pending.delete(msg.id);
      if (msg.type !== 'result') p.resolve(undefined);
      else if (msg.success) p.resolve(msg.result);
      else p.reject(new Error(msg.error.message));
    }
  }

  function connect(): void {
    if (closed) return;
    options.onStatus(attempt === 0 ? 'connecting' : 'reconnecting');
    const ws = new WS(options.url);
    socket = ws;
    ws.onopen = () => {
      const token = options.token?.();
      if (token) ws.send(JSON.stringify({ type: 'auth', token }));
      else onReady();
    };
    ws.onmessage = (e) => onMessage(String(e.data));
    ws.onclose = (e) => {
      if (socket !== ws) return;
      ready = false;
      for (const p of pending.values()) p.reject(new Error('Connection lost'));
      pending.clear();
      if (closed) return;
      // 4401/1008: the server refused the session at upgrade; retrying will not help.
      if (e.code === 4401 || e.code === 1008) {
        options.onStatus('unauthorized');
        return;
      }
      options.onStatus('reconnecting');
      retryTimer = setTimeout(connect, backoffDelay(attempt++));
    };
  }

  function subscribe(message: Record<string, unknown>, onEvent: (event: unknown) => void): () => void {
    const sub: Subscription = { message, onEvent };
    subs.add(sub);
    if (ready) subscribeOnServer(sub);
    return () => {
      subs.delete(sub);
      if (ready && sub.serverId !== undefined) send({ type: 'unsubscribe', subscription: sub.serverId });
    };
  }

  return {
    start: () => {
      closed = false;
      connect();
    },
    stop: () => {
      closed = true;
      clearTimeout(retryTimer);
      socket?.close();
      socket = undefined;
      ready = false;
    },
    /** Reconnect now instead of waiting out the back-off (the banner's "retry" button). */
    retry: () => {
      if (ready || closed) return;
      clearTimeout(retryTimer);
      attempt = 0;
      connect();
    },
    subscribeEntities: (onEvent: (e: EntityEvent) => void, entityIds?: string[]) =>
      subscribe({ type: 'subscribe_entities', ...(entityIds && { entityIds }) }, (e) => onEvent(e as EntityEvent)),
    subscribeAlerts: (onEvent: (e: AlertEvent) => void) => subscribe({ type: 'subscribe_alerts' }, (e) => onEvent(e as AlertEvent)),
    subscribeNotifications: (onEvent: (e: { notification: DashboardNotification }) => void) =>
      subscribe({ type: 'subscribe_notifications' }, (e) => onEvent(e as { notification: DashboardNotification })),
    /** Every current "I am here" pin, now and at each change (set, cleared, expired). */
    subscribePeople: (onEvent: (e: { people: PersonLocation[] }) => void) => subscribe({ type: 'subscribe_people' }, (e) => onEvent(e as { people: PersonLocation[] })),
    subscribeLogbook: (onEvent: (e: LogbookEvent) => void) => subscribe({ type: 'subscribe_logbook' }, (e) => onEvent(e as LogbookEvent)),
    subscribeTraces: (onEvent: (e: TraceEvent) => void, automationId?: string) =>
      subscribe({ type: 'subscribe_automation_traces', ...(automationId && { automationId }) }, (e) => onEvent(e as TraceEvent)),
    command: (entityId: string, command: string, params: Record<string, unknown> = {}) => call<CommandResult>({ type: 'command', entityId, command, params }),
    get ready() {
      return ready;
    },
  };
}

export type LiveConnection = ReturnType<typeof createLiveConnection>;
