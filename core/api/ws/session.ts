import { HearthError } from '../../errors.js';
import { createContext, type EntityState, type EventMap, type Kernel } from '../../kernel/index.js';
import { runCommand } from '../commands.js';
import { roleAtLeast, type ApiUser } from '../env.js';
import { CLOSE, authMessage, clientMessage, type ClientMessage, type ServerMessage, type WsError } from './protocol.js';

export interface WsOptions {
  /** Coalescing window for `changed` batches. */
  batchMs: number;
  /** An unauthenticated socket is closed after this. */
  authTimeoutMs: number;
  /** Above this many unsent bytes, entity changes are dropped and a fresh snapshot follows once it drains. */
  highWaterBytes: number;
  /** Above this, the client is hopelessly behind and is closed. */
  maxBufferedBytes: number;
}

export const DEFAULT_WS_OPTIONS: WsOptions = { batchMs: 50, authTimeoutMs: 10_000, highWaterBytes: 256 * 1024, maxBufferedBytes: 4 * 1024 * 1024 };

export interface WsSessionDeps {
  kernel: Kernel;
  authenticate(token: string): ApiUser | undefined;
  /** Set when the upgrade request carried a valid session cookie. */
  user?: ApiUser;
  address: string;
  send(text: string): void;
  close(code: number, reason: string): void;
  /** Bytes queued on the socket and not yet sent. */
  bufferedAmount(): number;
  options?: Partial<WsOptions>;
}

export interface WsSession {
  receive(text: string): void;
  /** Releases every subscription and timer; call when the socket closes. */
  dispose(): void;
}

interface EntitySubscription {
  ids: ReadonlySet<string> | undefined;
  pending: Map<string, EntityState | null>;
}

/**
 * The WebSocket protocol of DESIGN §8 as a plain object fed text messages: no socket
 * here, so the Node and Bun adapters share it and tests drive it directly.
 */
export function createWsSession(deps: WsSessionDeps): WsSession {
  const { kernel, address } = deps;
  const options = { ...DEFAULT_WS_OPTIONS, ...deps.options };
  let user = deps.user;
  let closed = false;
  let lagging = false;
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let lastFlush = 0;
  const entitySubs = new Map<number, EntitySubscription>();
  const cleanups = new Map<number, () => void>();

  const close = (code: number, reason: string) => {
    if (closed) return;
    closed = true;
    dispose();
    deps.close(code, reason);
  };
  const send = (message: ServerMessage) => {
    if (closed) return;
    if (deps.bufferedAmount() > options.maxBufferedBytes) return close(CLOSE.tooSlow, 'client too slow: too many unread messages');
    deps.send(JSON.stringify(message));
  };
  const fail = (id: number | null, error: WsError) => send({ id, type: 'result', success: false, error });

  let authTimer: ReturnType<typeof setTimeout> | undefined;
  if (user) send({ type: 'auth_ok', user: publicUser(user) });
  else {
    send({ type: 'auth_required' });
    authTimer = setTimeout(() => close(CLOSE.authTimeout, 'authentication timeout'), options.authTimeoutMs);
  }

  const snapshot = (sub: EntitySubscription) => kernel.states.all().filter((s) => !sub.ids || sub.ids.has(s.id));

  function flush() {
    flushTimer = undefined;
    lastFlush = Date.now();
    if (closed) return;
    if (deps.bufferedAmount() > options.highWaterBytes) {
      // Behind: drop the batches; the client gets a whole fresh snapshot once it catches up.
      lagging = true;
      for (const sub of entitySubs.values()) sub.pending.clear();
      if (deps.bufferedAmount() > options.maxBufferedBytes) return close(CLOSE.tooSlow, 'client too slow: too many unread messages');
      flushTimer = setTimeout(flush, options.batchMs);
      return;
    }
    for (const [id, sub] of entitySubs) {
      if (lagging) {
        sub.pending.clear();
        send({ id, type: 'event', event: { snapshot: snapshot(sub) } });
        continue;
      }
      if (!sub.pending.size) continue;
      const changed = [...sub.pending.values()].filter((s): s is EntityState => s !== null);
      const removed = [...sub.pending].filter(([, s]) => s === null).map(([entityId]) => entityId);
      sub.pending.clear();
      send({ id, type: 'event', event: { changed, ...(removed.length && { removed }) } });
    }
    lagging = false;
  }

  function subscribeEntities(id: number, entityIds: string[] | undefined) {
    const sub: EntitySubscription = { ids: entityIds && new Set(entityIds), pending: new Map() };
    entitySubs.set(id, sub);
    cleanups.set(
      id,
      kernel.bus.on('state_changed', ({ entityId, newState }) => {
        if (sub.ids && !sub.ids.has(entityId)) return;
        sub.pending.set(entityId, newState);
        // Leading edge: a change after a quiet spell goes out at once, later ones wait for the window.
        flushTimer ??= setTimeout(flush, Math.max(0, lastFlush + options.batchMs - Date.now()));
      }),
    );
    send({ id, type: 'result', success: true });
    send({ id, type: 'event', event: { snapshot: snapshot(sub) } });
  }

  function subscribeLogbook(id: number, role: ApiUser['role']) {
    const at = () => new Date().toISOString();
    const offs = [
      kernel.bus.on('state_changed', ({ entityId, oldState, newState }) => {
        if (!newState || oldState?.state === newState.state) return;
        send({ id, type: 'event', event: { kind: 'state', at: newState.lastChanged, entityId, name: newState.name, from: oldState?.state ?? null, to: newState.state, context: newState.context } });
      }),
      kernel.bus.on('command_executed', (e: EventMap['command_executed']) =>
        send({ id, type: 'event', event: { kind: 'command', at: at(), entityId: e.entityId, command: e.command, ok: e.ok, ...(e.error && { error: e.error }), context: e.context } }),
      ),
      // The audit trail (sign-ins, user changes) is for admins only.
      ...(roleAtLeast(role, 'admin')
        ? [kernel.bus.on('audit', (e) => send({ id, type: 'event', event: { kind: 'audit', at: at(), action: e.action, outcome: e.outcome, target: e.target, context: e.context } }))]
        : []),
    ];
    cleanups.set(id, () => offs.forEach((off) => off()));
    send({ id, type: 'result', success: true });
  }

  async function handle(message: ClientMessage, signedIn: ApiUser) {
    const { id } = message;
    if (message.type !== 'unsubscribe' && message.type !== 'ping' && message.type !== 'command' && cleanups.has(id)) {
      return fail(id, { code: 'invalid_input', message: `id ${id} is already used by a subscription` });
    }
    switch (message.type) {
      case 'ping':
        return send({ id, type: 'pong' });
      case 'subscribe_entities':
        return subscribeEntities(id, message.entityIds);
      case 'subscribe_logbook':
        return subscribeLogbook(id, signedIn.role);
      case 'unsubscribe': {
        const off = cleanups.get(message.subscription);
        if (!off) return fail(id, { code: 'not_found', message: `no subscription ${message.subscription}` });
        off();
        cleanups.delete(message.subscription);
        entitySubs.delete(message.subscription);
        return send({ id, type: 'result', success: true });
      }
      case 'command': {
        const context = createContext({ userId: signedIn.id });
        const entity = await runCommand(kernel, { entityId: message.entityId, command: message.command, params: message.params ?? {}, user: signedIn, context, address });
        return send({ id, type: 'result', success: true, result: { entity } });
      }
    }
  }

  function receive(text: string) {
    if (closed) return;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      if (!user) return close(CLOSE.authFailed, 'expected an auth message');
      return fail(null, { code: 'invalid_input', message: 'malformed JSON' });
    }
    if (!user) return authenticateWith(raw);
    const parsed = clientMessage.safeParse(raw);
    if (!parsed.success) {
      const id = typeof raw === 'object' && raw !== null && Number.isInteger((raw as { id?: unknown }).id) ? (raw as { id: number }).id : null;
      return fail(id, { code: 'invalid_input', message: parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ') });
    }
    const signedIn = user;
    handle(parsed.data, signedIn).catch((err: unknown) =>
      fail(parsed.data.id, err instanceof HearthError ? { code: err.code, message: err.message } : { code: 'internal_error', message: 'internal error' }),
    );
  }

  function authenticateWith(raw: unknown) {
    const parsed = authMessage.safeParse(raw);
    const found = parsed.success ? deps.authenticate(parsed.data.token) : undefined;
    if (!found) {
      send({ type: 'auth_invalid', message: parsed.success ? 'invalid or expired token' : 'expected {"type":"auth","token":…} first' });
      return close(CLOSE.authFailed, 'authentication failed');
    }
    user = found;
    clearTimeout(authTimer);
    send({ type: 'auth_ok', user: publicUser(found) });
  }

  function dispose() {
    clearTimeout(authTimer);
    clearTimeout(flushTimer);
    for (const off of cleanups.values()) off();
    cleanups.clear();
    entitySubs.clear();
  }

  return {
    receive,
    dispose: () => {
      closed = true;
      dispose();
    },
  };
}

function publicUser(user: ApiUser) {
  return { id: user.id, username: user.username, role: user.role };
}
