import { z } from 'zod';

/** The entity domains of DESIGN §2 and the commands each one accepts. */
export const DOMAINS = ['binary_sensor', 'sensor', 'switch', 'light', 'cover'] as const;
export type Domain = (typeof DOMAINS)[number];

export const ENTITY_ID_PATTERN = /^(binary_sensor|sensor|switch|light|cover)\.[a-z0-9_]+$/;

const none = z.strictObject({});
const percent = z.number().min(0).max(100);

export const COMMAND_PARAMS = {
  binary_sensor: {},
  sensor: {},
  switch: { turn_on: none, turn_off: none, toggle: none },
  light: {
    turn_on: z.strictObject({
      brightness: percent.optional(),
      transitionMs: z.number().int().min(0).max(3_600_000).optional(),
    }),
    turn_off: z.strictObject({ transitionMs: z.number().int().min(0).max(3_600_000).optional() }),
    toggle: none,
  },
  cover: {
    open: none,
    close: none,
    stop: none,
    set_position: z.strictObject({ position: percent }),
  },
} as const satisfies Record<Domain, Record<string, z.ZodType>>;

type Params = typeof COMMAND_PARAMS;
export type CommandName<D extends Domain = Domain> = D extends Domain ? keyof Params[D] & string : never;
export type CommandParams<D extends Domain, C extends CommandName<D>> = z.infer<
  Params[D][C & keyof Params[D]] extends z.ZodType ? Params[D][C & keyof Params[D]] : never
>;

/** The value of `state` per domain; `null` while unknown. */
export interface DomainStates {
  binary_sensor: 'on' | 'off';
  sensor: number;
  switch: 'on' | 'off';
  light: 'on' | 'off';
  cover: 'open' | 'opening' | 'closed' | 'closing';
}
export type StateValue = DomainStates[Domain];

const STATE_SCHEMAS: Record<Domain, z.ZodType> = {
  binary_sensor: z.enum(['on', 'off']),
  sensor: z.number().finite(),
  switch: z.enum(['on', 'off']),
  light: z.enum(['on', 'off']),
  cover: z.enum(['open', 'opening', 'closed', 'closing']),
};

export function domainOf(entityId: string): Domain {
  return entityId.slice(0, entityId.indexOf('.')) as Domain;
}

export function isEntityId(id: string): boolean {
  return ENTITY_ID_PATTERN.test(id);
}

export function isValidState(domain: Domain, state: unknown): boolean {
  return state === null || STATE_SCHEMAS[domain].safeParse(state).success;
}

export function commandsOf(domain: Domain): string[] {
  return Object.keys(COMMAND_PARAMS[domain]);
}

export function commandSchema(domain: Domain, command: string): z.ZodType | undefined {
  const table: Record<string, z.ZodType> = COMMAND_PARAMS[domain];
  return Object.hasOwn(table, command) ? table[command] : undefined;
}
