/**
 * What "follow a schedule" means for each kind of device: at a block's start the
 * device goes on, taking the block's value where the domain has a use for it; at its
 * end it goes off. Pure, so the mapping is tested and documented in one place.
 */
export const FOLLOW_DOMAINS = ['switch', 'light', 'cover', 'climate'] as const;
export type FollowDomain = (typeof FOLLOW_DOMAINS)[number];

export interface FollowCommand {
  command: string;
  params: Record<string, unknown>;
}

export function followCommand(domain: FollowDomain, on: boolean, value: unknown): FollowCommand {
  const number = typeof value === 'number' ? value : undefined;
  const name = typeof value === 'string' ? value : undefined;
  switch (domain) {
    case 'switch':
      return { command: on ? 'turn_on' : 'turn_off', params: {} };
    case 'light':
      return on ? { command: 'turn_on', params: number === undefined ? {} : { brightness: number } } : { command: 'turn_off', params: {} };
    case 'cover':
      return on ? (number === undefined ? { command: 'open', params: {} } : { command: 'set_position', params: { position: number } }) : { command: 'close', params: {} };
    case 'climate':
      if (!on) return { command: 'turn_off', params: {} };
      if (number !== undefined) return { command: 'set_temperature', params: { temperature: number } };
      if (name !== undefined) return { command: 'set_preset', params: { preset: name } };
      return { command: 'turn_on', params: {} };
  }
}
