import type { Logger } from 'pino';
import { z } from 'zod';
import { errorMessage } from '../errors.js';
import { commandsOf, createContext, domainOf, DOMAINS, type Kernel } from '../kernel/index.js';
import type { SetCommand } from './commands.js';

/** A peer's retained state message, as much of it as mirroring needs. */
const remoteState = z.object({
  id: z.string(),
  domain: z.enum(DOMAINS),
  name: z.string(),
  area: z.string().nullable().default(null),
  state: z.union([z.string(), z.number(), z.null()]),
  attributes: z.record(z.string(), z.unknown()).default({}),
  available: z.boolean().default(true),
  context: z.object({ id: z.string() }).loose().optional(),
});

export interface FederationDeps {
  kernel: Kernel;
  log: Logger;
  self: string;
  /** Sends a command to the owning node's `/set` topic. */
  sendCommand(node: string, entityId: string, command: SetCommand): Promise<void>;
}

export interface Federation {
  onStatus(node: string, payload: string): void;
  onState(node: string, entityId: string, payload: string): void;
  /** Our own link to the broker dropped: every mirror is stale until it reconnects. */
  onDisconnected(): void;
  /** Removes every mirrored entity (on stop). */
  clear(): void;
}

export const ownerOf = (node: string) => `node:${node}`;

/**
 * Mirrors the entities other hubs publish on the shared broker into the local
 * kernel. A mirror is marked remote and is never published again, so two hubs
 * cannot echo each other's states in a loop.
 */
export function createFederation({ kernel, log, self, sendCommand }: FederationDeps): Federation {
  const online = new Map<string, boolean>();
  /** What each peer last said about an entity's availability, before our view of the node is applied. */
  const reported = new Map<string, boolean>();
  const refused = new Set<string>();

  const mirrorsOf = (node: string) => kernel.registry.ownedBy(ownerOf(node)).map((e) => e.id);
  const contextFrom = (node: string) => createContext({ node });

  function handlersFor(node: string, entityId: string) {
    const send = (command: string) => (params: Readonly<Record<string, unknown>>) =>
      sendCommand(node, entityId, { command, params: { ...params }, node: self });
    // Every command of the domain: the owner's dispatcher decides what its entity supports.
    return Object.fromEntries(commandsOf(domainOf(entityId)).map((command) => [command, send(command)]));
  }

  function markNode(node: string, isOnline: boolean) {
    online.set(node, isOnline);
    for (const id of mirrorsOf(node)) {
      if (isOnline) kernel.dispatcher.register(id, handlersFor(node, id));
      else kernel.dispatcher.unregister(id, `node '${node}' is offline`);
      kernel.states.update(id, { available: isOnline && (reported.get(id) ?? true) }, contextFrom(node));
    }
  }

  function remove(id: string) {
    kernel.dispatcher.unregister(id, 'its node removed it');
    kernel.states.delete(id);
    kernel.registry.remove(id);
    reported.delete(id);
  }

  function mirror(node: string, entityId: string, payload: string) {
    const parsed = remoteState.safeParse(JSON.parse(payload));
    if (!parsed.success || parsed.data.id !== entityId) {
      log.warn({ node, entityId }, 'ignored a malformed remote state');
      return;
    }
    const remote = parsed.data;
    const existing = kernel.registry.get(entityId);
    if (existing && existing.owner !== ownerOf(node)) {
      const key = `${node}/${entityId}`;
      if (!refused.has(key)) {
        refused.add(key);
        const holder = existing.remote ? `node '${existing.remote.node}'` : `node '${self}' (plugin '${existing.owner}')`;
        log.error({ entityId, node, holder }, `entity '${entityId}' is published by node '${node}' but already belongs to ${holder}; refused`);
      }
      return;
    }
    if (!existing) {
      const info = kernel.registry.add({ id: entityId, owner: ownerOf(node), name: remote.name, area: remote.area, remote: { node } });
      kernel.states.init(info, remote.attributes);
      if (online.get(node) !== false) kernel.dispatcher.register(entityId, handlersFor(node, entityId));
      else kernel.dispatcher.unregister(entityId, `node '${node}' is offline`);
    }
    reported.set(entityId, remote.available);
    const attributes = { ...remote.attributes };
    for (const key of Object.keys(kernel.states.get(entityId)?.attributes ?? {})) if (!(key in attributes)) attributes[key] = undefined;
    kernel.states.update(
      entityId,
      { state: remote.state as never, attributes, available: remote.available && online.get(node) !== false },
      createContext({ node, ...(remote.context && { parentId: remote.context.id }) }),
    );
  }

  return {
    onStatus(node, payload) {
      if (node === self) return;
      markNode(node, payload === 'online');
    },
    onState(node, entityId, payload) {
      if (node === self) return;
      if (payload === '') {
        if (kernel.registry.get(entityId)?.owner === ownerOf(node)) remove(entityId);
        return;
      }
      try {
        mirror(node, entityId, payload);
      } catch (err) {
        log.warn({ node, entityId, err: errorMessage(err) }, 'could not mirror a remote state');
      }
    },
    onDisconnected() {
      for (const node of online.keys()) markNode(node, false);
    },
    clear() {
      for (const id of kernel.registry.list().filter((e) => e.remote).map((e) => e.id)) remove(id);
      online.clear();
    },
  };
}
