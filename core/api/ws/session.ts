import { HearthError } from '../../errors.js';
import { createContext, type Kernel } from '../../kernel/index.js';
import { roleAtLeast, type ApiUser } from '../env.js';
import type { WsClient } from './client.js';
import type { FanoutOptions, WsFanout } from './fanout.js';
import { BATCH_WINDOW_MS, CLOSE, authMessage, clientMessage, type ClientMessage, type ServerMessage, type WsError } from './protocol.js';

export interface WsOptions extends FanoutOptions {
  /** An unauthenticated socket is closed after this. */
  authTimeoutMs: number;
}

export const DEFAULT_WS_OPTIONS: WsOptions = { batchMs: BATCH_WINDOW_MS, authTimeoutMs: 10_000, highWaterBytes: 256 * 1024, maxBufferedBytes: 4 * 1024 * 1024 };

export interface WsSessionDeps {
  kernel: Kernel;
  /** Shared by every session of the server: subscriptions stream through it. */
  fanout: WsFanout;
  authenticate(token: string): ApiUser | undefined;
  /** Set when the upgrade request carried a valid session cookie. */
  user?: ApiUser;
  address: string;
  send(text: string): void;
  close(code: number, reason: string): void;
  /** Bytes queued on the socket and not yet sent. */
  bufferedAmount(): number;
  /**
   * Whether the credential the socket signed in with still holds (not signed out, its
   * password not changed, not expired); asked before each message and by `recheck`.
   */
  stillSignedIn?(): boolean;
  options?: Partial<Pick<WsOptions, 'authTimeoutMs' | 'maxBufferedBytes'>>;
}

export interface WsSession {
  receive(text: string): void;
  /** Ends a signed-in socket whose credential no longer holds; the adapter calls it now and then. */
  recheck(): void;
  /** Releases every subscription and timer; call when the socket closes. */
  dispose(): void;
}

/**
 * The WebSocket protocol of DESIGN §8 as a plain object fed text messages: no socket
 * here, so the Node and Bun adapters share it and tests drive it directly.
 */
export function createWsSession(deps: WsSessionDeps): WsSession {
  const { kernel, fanout, address } = deps;
  const options = { ...DEFAULT_WS_OPTIONS, ...deps.options };
  let user = deps.user;
  let closed = false;
  const cleanups = new Map<number, () => void>();

  const close = (code: number, reason: string) => {
    if (closed) return;
    closed = true;
    dispose();
    deps.close(code, reason);
  };
  const tooSlow = () => close(CLOSE.tooSlow, 'client too slow: too many unread messages');
  const sendText = (text: string) => {
    if (closed) return;
    if (deps.bufferedAmount() > options.maxBufferedBytes) return tooSlow();
    deps.send(text);
  };
  const send = (message: ServerMessage) => sendText(JSON.stringify(message));
  const fail = (id: number | null, error: WsError) => send({ id, type: 'result', success: false, error });
  const client: WsClient = { send: sendText, bufferedAmount: deps.bufferedAmount, tooSlow };

  let authTimer: ReturnType<typeof setTimeout> | undefined;
  if (user) send({ type: 'auth_ok', user: publicUser(user) });
  else {
    send({ type: 'auth_required' });
    authTimer = setTimeout(() => close(CLOSE.authTimeout, 'authentication timeout'), options.authTimeoutMs);
  }

  /** Answers the subscribe, then lets the fan-out stream (its first event, if any, follows the result). */
  function subscribe(id: number, start: () => () => void) {
    send({ id, type: 'result', success: true });
    const off = start();
    // Either send may have closed a client already too far behind: hold nothing for it.
    if (closed) return off();
    cleanups.set(id, off);
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
        return subscribe(id, () => fanout.entities.subscribe(client, id, message.entityIds));
      case 'subscribe_logbook':
        // The audit trail (sign-ins, user changes) is for admins only.
        return subscribe(id, () => fanout.logbook.subscribe(client, id, roleAtLeast(signedIn.role, 'admin')));
      case 'subscribe_automation_traces':
        return subscribe(id, () => fanout.traces.subscribe(client, id, message.automationId));
      case 'subscribe_alerts':
        return subscribe(id, () => fanout.alerts.subscribe(client, id));
      case 'subscribe_notifications':
        return subscribe(id, () => fanout.notifications.subscribe(client, id));
      case 'subscribe_people':
        return subscribe(id, () => fanout.people.subscribe(client, id));
      case 'unsubscribe': {
        const off = cleanups.get(message.subscription);
        if (!off) return fail(id, { code: 'not_found', message: `no subscription ${message.subscription}` });
        off();
        cleanups.delete(message.subscription);
        return send({ id, type: 'result', success: true });
      }
      case 'command': {
        const context = createContext({ userId: signedIn.id, role: signedIn.role });
        const entity = await kernel.dispatcher.dispatch({ entityId: message.entityId, command: message.command, params: message.params ?? {}, context, address });
        return send({ id, type: 'result', success: true, result: { entity } });
      }
    }
  }

  /** An open socket must not outlive its session: revoking it signs the live stream out too. */
  function recheck(): boolean {
    if (closed || !user || (deps.stillSignedIn?.() ?? true)) return !closed;
    send({ type: 'auth_invalid', message: 'your session was signed out or has expired; sign in again' });
    close(CLOSE.authFailed, 'signed out');
    return false;
  }

  function receive(text: string) {
    if (closed || !recheck()) return;
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
    for (const off of cleanups.values()) off();
    cleanups.clear();
  }

  return {
    receive,
    recheck: () => void recheck(),
    dispose: () => {
      closed = true;
      dispose();
    },
  };
}

function publicUser(user: ApiUser) {
  return { id: user.id, username: user.username, role: user.role };
}
