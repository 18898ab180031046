import { z } from 'zod';
import { ForbiddenError, HearthError, NotFoundError, UnavailableError, ValidationError, errorMessage } from '../errors.js';
import { createContext, runInContext, type Context } from './context.js';
import { commandSchema, paramsBeyondEntity, unknownCommandMessage } from './domains.js';
import type { EntityState } from './entity.js';
import type { EventBus } from './events.js';
import type { EntityRegistry } from './registry.js';
import { mayCommand } from './roles.js';
import type { StateStore } from './state-store.js';

export type CommandParamsObject = Readonly<Record<string, unknown>>;
export type CommandHandler = (params: CommandParamsObject, context: Context) => void | Promise<void>;
export type CommandHandlers = Readonly<Record<string, CommandHandler | undefined>>;

export interface CommandRequest {
  entityId: string;
  command: string;
  params?: unknown;
  context?: Context;
  /** Network address of the caller, for the audit trail. */
  address?: string;
}

export interface CommandDispatcher {
  register(entityId: string, handlers: CommandHandlers): void;
  /** Commands now fail with `reason` (plugin failed, node offline …) until registered again. */
  unregister(entityId: string, reason: string): void;
  /**
   * Checks the entity's `allowedRoles` against `context.role`, validates, runs the
   * owner's handler in the command's context, returns the state after it. Every
   * command path (HTTP, WebSocket, automations, MQTT) ends here, so none skips the check.
   */
  dispatch(request: CommandRequest): Promise<EntityState>;
}

interface Deps {
  bus: EventBus;
  registry: EntityRegistry;
  states: StateStore;
}

/**
 * Most commands carry no params (`turn_on`, `stop`): their parse is the same every
 * time, so it is done once per schema and the frozen result shared.
 */
const noParams = new WeakMap<z.ZodType, z.ZodSafeParseResult<unknown>>();

function parseParams(schema: z.ZodType, params: unknown): z.ZodSafeParseResult<unknown> {
  const empty = params === undefined || params === null || (typeof params === 'object' && !Array.isArray(params) && Object.keys(params).length === 0);
  if (!empty) return schema.safeParse(params);
  let parsed = noParams.get(schema);
  if (!parsed) {
    parsed = schema.safeParse({});
    if (parsed.success) Object.freeze(parsed.data);
    noParams.set(schema, parsed);
  }
  return parsed;
}

export function createCommandDispatcher({ bus, registry, states }: Deps): CommandDispatcher {
  const handlers = new Map<string, CommandHandlers>();
  const reasons = new Map<string, string>();

  function resolve(entityId: string, command: string, params: unknown) {
    const info = registry.require(entityId);
    const schema = commandSchema(info.domain, command);
    if (!schema) throw new ValidationError(unknownCommandMessage(info.domain, command));
    const parsed = parseParams(schema, params);
    if (!parsed.success) {
      throw new ValidationError(`invalid params for ${command}: ${z.prettifyError(parsed.error)}`, parsed.error.issues);
    }
    const beyond = paramsBeyondEntity(info.domain, command, parsed.data as CommandParamsObject, states.get(entityId)?.attributes ?? {});
    if (beyond) throw new ValidationError(`invalid params for ${command} on '${entityId}': ${beyond}`);
    const table = handlers.get(entityId);
    if (!table) throw new UnavailableError(`'${entityId}' cannot take commands: ${reasons.get(entityId) ?? 'its owner is not running'}`);
    return { params: parsed.data as CommandParamsObject, table };
  }

  /** A refusal is audited (who, from where) and is not a failed command: nothing ran. */
  function authorize(entityId: string, command: string, context: Context, address: string | undefined): void {
    const info = registry.get(entityId);
    if (!info || mayCommand(context.role, info.allowedRoles)) return;
    bus.emit('audit', { action: 'entity.command', outcome: 'denied', context, address, target: entityId, details: { command, role: context.role } });
    throw new ForbiddenError(`'${entityId}' may only be commanded by ${info.allowedRoles!.join(', ')} (or a higher role); this command acts as ${context.role}`);
  }

  function pickHandler(entityId: string, command: string, table: CommandHandlers): [string, CommandHandler] {
    const direct = table[command];
    if (direct) return [command, direct];
    if (command === 'toggle') {
      const next = states.get(entityId)?.state === 'on' ? 'turn_off' : 'turn_on';
      const handler = table[next];
      if (handler) return [next, handler];
    }
    throw new ValidationError(`'${entityId}' does not support '${command}'`);
  }

  return {
    register(entityId, table) {
      handlers.set(entityId, table);
      reasons.delete(entityId);
    },
    unregister(entityId, reason) {
      handlers.delete(entityId);
      reasons.set(entityId, reason);
    },
    async dispatch({ entityId, command, params, context = createContext(), address }) {
      authorize(entityId, command, context, address);
      const audit = { entityId, command, params: redacted((params ?? {}) as CommandParamsObject), context, address };
      try {
        const resolved = resolve(entityId, command, params);
        const [name, handler] = pickHandler(entityId, command, resolved.table);
        const effective = name === command ? resolved.params : {};
        await runInContext(context, () => handler(effective, context));
        bus.emit('command_executed', { ...audit, params: redacted(resolved.params), ok: true });
        const after = states.get(entityId);
        if (!after) throw new NotFoundError(`entity '${entityId}' went away during ${command}`);
        return after;
      } catch (err) {
        bus.emit('command_executed', { ...audit, ok: false, error: errorMessage(err) });
        throw err instanceof HearthError ? err : new UnavailableError(`${command} on '${entityId}' failed: ${errorMessage(err)}`);
      }
    },
  };
}

/** An alarm code never reaches the logbook, the WebSocket or MQTT: the audit says one was given. */
function redacted(params: CommandParamsObject): CommandParamsObject {
  return 'code' in params ? { ...params, code: '***' } : params;
}
