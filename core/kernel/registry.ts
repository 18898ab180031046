import { ConflictError, NotFoundError, ValidationError } from '../errors.js';
import { DOMAINS, commandsOf, domainOf, isEntityId, type Domain } from './domains.js';
import { nameFromId, type EntityInfo, type RecorderHints, type Role } from './entity.js';
import type { EventBus } from './events.js';

export interface EntityRegistration {
  id: string;
  owner: string;
  name?: string;
  area?: string | null;
  allowedRoles?: readonly Role[];
  remote?: { node: string };
  /** Commands the owner has handlers for; one the domain does not have is refused. */
  commands?: readonly string[];
  recorder?: RecorderHints;
}

export interface EntityRegistry {
  add(registration: EntityRegistration): EntityInfo;
  remove(id: string): void;
  get(id: string): EntityInfo | undefined;
  /** Like `get`, but an unknown id is a NotFoundError. */
  require(id: string): EntityInfo;
  list(): EntityInfo[];
  ownedBy(owner: string): EntityInfo[];
}

export function createEntityRegistry(bus: EventBus): EntityRegistry {
  const entities = new Map<string, EntityInfo>();
  return {
    add(registration) {
      const { id, owner } = registration;
      if (!isEntityId(id)) {
        throw new ValidationError(
          `invalid entity id '${id}': expected <domain>.<object_id> with domain one of ${DOMAINS.join(', ')} and object_id of a-z, 0-9 and _`,
        );
      }
      checkCommands(id, domainOf(id), registration.commands ?? []);
      const existing = entities.get(id);
      if (existing) {
        throw new ConflictError(`entity '${id}' is declared by both '${existing.owner}' and '${owner}'`);
      }
      const info: EntityInfo = Object.freeze({
        id,
        owner,
        domain: domainOf(id),
        name: registration.name ?? nameFromId(id),
        area: registration.area ?? null,
        ...(registration.allowedRoles && { allowedRoles: Object.freeze([...registration.allowedRoles]) }),
        ...(registration.remote && { remote: Object.freeze({ ...registration.remote }) }),
        ...(registration.recorder?.excludeAttributes?.length && { recorder: Object.freeze({ excludeAttributes: Object.freeze([...registration.recorder.excludeAttributes]) }) }),
      });
      entities.set(id, info);
      bus.emit('entity_added', { entityId: id, owner });
      return info;
    },
    remove(id) {
      const info = entities.get(id);
      if (!info) return;
      entities.delete(id);
      bus.emit('entity_removed', { entityId: id, owner: info.owner });
    },
    get: (id) => entities.get(id),
    require(id) {
      const info = entities.get(id);
      if (!info) throw new NotFoundError(`unknown entity '${id}'`);
      return info;
    },
    list: () => [...entities.values()],
    ownedBy: (owner) => [...entities.values()].filter((e) => e.owner === owner),
  };
}

/** A handler for a command the domain lacks would never run: a typo the plugin author should hear of at once. */
function checkCommands(id: string, domain: Domain, commands: readonly string[]): void {
  const known = commandsOf(domain);
  const unknown = commands.filter((c) => !known.includes(c));
  if (unknown.length === 0) return;
  const names = unknown.map((c) => `'${c}'`).join(', ');
  throw new ValidationError(
    known.length
      ? `entity '${id}' has a handler for ${names}, which ${domain} entities do not take; their commands are ${known.join(', ')}`
      : `entity '${id}' has a handler for ${names}, but ${domain} entities take no commands`,
  );
}
