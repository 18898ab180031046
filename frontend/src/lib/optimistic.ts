import type { EntityState } from '../api/types.js';

/**
 * What an entity will most likely look like once `command` succeeds, so a tap answers
 * at once; the shell rolls back to the confirmed state if the command fails.
 * Returns undefined when the outcome cannot be predicted (stop, unknown commands).
 */
export function predictState(entity: EntityState, command: string, params: Record<string, unknown> = {}): EntityState | undefined {
  const next = (state: EntityState['state'], attributes: Record<string, unknown> = {}): EntityState => ({
    ...entity,
    state,
    attributes: { ...entity.attributes, ...attributes },
  });
  const position = typeof entity.attributes.position === 'number' ? entity.attributes.position : undefined;
  switch (command) {
    case 'turn_on':
      return next('on', typeof params.brightness === 'number' ? { brightness: params.brightness } : {});
    case 'turn_off':
      return next('off');
    case 'toggle':
      return entity.state === 'on' || entity.state === 'off' ? next(entity.state === 'on' ? 'off' : 'on') : undefined;
    case 'open':
      return position === 100 ? undefined : next('opening', { targetPosition: 100 });
    case 'close':
      return position === 0 ? undefined : next('closing', { targetPosition: 0 });
    case 'set_position': {
      const target = params.position;
      if (typeof target !== 'number' || position === undefined || target === position) return undefined;
      return next(target > position ? 'opening' : 'closing', { targetPosition: target });
    }
    default:
      return undefined;
  }
}
