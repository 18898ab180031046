/**
 * A small symmetric RPC over a process's IPC channel: calls with replies, and
 * one-way notifications. Both the hub and an isolated plugin child speak it.
 */
import { RateLimitedError } from '../../errors.js';

export type RpcMessage =
  | { t: 'call'; id: number; method: string; args: unknown[] }
  | { t: 'reply'; id: number; ok: true; value: unknown }
  | { t: 'reply'; id: number; ok: false; error: string; status?: number }
  | { t: 'notify'; method: string; args: unknown[] };

export type RpcHandler = (...args: never[]) => unknown;

export interface Rpc {
  call<T = unknown>(method: string, ...args: unknown[]): Promise<T>;
  notify(method: string, ...args: unknown[]): void;
  /** Feed every message received from the other side. */
  receive(message: unknown): void;
  /** Rejects every pending call (the other side is gone). */
  closeAll(reason: string): void;
}

/** An error from the other side, keeping its HTTP-ish status so the caller can map it. */
export class RemoteError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** A 429 that crossed the channel (wrong alarm codes): a rate limit again, its wait read back from the message. */
export function rateLimitFrom(err: unknown): unknown {
  if (!(err instanceof RemoteError) || err.status !== 429) return err;
  return new RateLimitedError(err.message, Number(/(\d+) s\b/.exec(err.message)?.[1] ?? 60));
}

export function createRpc(send: (message: RpcMessage) => void, handlers: Record<string, RpcHandler>): Rpc {
  let nextId = 1;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();

  async function answer(id: number, method: string, args: unknown[]): Promise<void> {
    try {
      const handler = handlers[method];
      if (!handler) throw new Error(`unknown RPC method '${method}'`);
      send({ t: 'reply', id, ok: true, value: await (handler as (...a: unknown[]) => unknown)(...args) });
    } catch (err) {
      const status = (err as { status?: unknown }).status;
      send({ t: 'reply', id, ok: false, error: (err as Error).message ?? String(err), ...(typeof status === 'number' && { status }) });
    }
  }

  return {
    call(method, ...args) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        send({ t: 'call', id, method, args });
      });
    },
    notify: (method, ...args) => send({ t: 'notify', method, args }),
    receive(raw) {
      const message = raw as RpcMessage;
      if (message.t === 'call') void answer(message.id, message.method, message.args);
      else if (message.t === 'notify') (handlers[message.method] as ((...a: unknown[]) => unknown) | undefined)?.(...message.args);
      else if (message.t === 'reply') {
        const waiter = pending.get(message.id);
        pending.delete(message.id);
        if (message.ok) waiter?.resolve(message.value);
        else waiter?.reject(new RemoteError(message.error, message.status));
      }
    },
    closeAll(reason) {
      for (const waiter of pending.values()) waiter.reject(new RemoteError(reason, 503));
      pending.clear();
    },
  };
}
