import type { EntityState } from '../api/types.js';

/**
 * What an entity will most likely look like once `command` succeeds, so a tap answers
 * at once; the shell rolls back to the confirmed state if the command fails.
 * Returns undefined when the outcome cannot be predicted (stop, a press, an alarm code
 * the hub may refuse, unknown commands).
 */
export function predictState(entity: EntityState, command: string, params: Record<string, unknown> = {}): EntityState | undefined {
  const next = (state: EntityState['state'], attributes: Record<string, unknown> = {}): EntityState => ({
    ...entity,
    state,
    attributes: { ...entity.attributes, ...attributes },
  });
  const number = (key: string) => (typeof params[key] === 'number' ? { [key]: params[key] } : {});
  if (entity.domain === 'lock') {
    if (command === 'lock') return entity.state === 'locked' ? undefined : next('locking');
    if (command === 'unlock' || command === 'open') return entity.state === 'unlocked' ? undefined : next('unlocking');
    return undefined;
  }
  const position = typeof entity.attributes.position === 'number' ? entity.attributes.position : undefined;
  switch (command) {
    case 'turn_on':
      return next('on', { ...number('brightness'), ...number('percentage') });
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
    case 'set_percentage':
      return next(params.percentage === 0 ? 'off' : 'on', number('percentage'));
    case 'set_temperature':
      return typeof params.temperature === 'number' ? next(entity.state, { targetTemperature: params.temperature }) : undefined;
    case 'set_hvac_mode':
      return typeof params.mode === 'string' ? next(params.mode as EntityState['state']) : undefined;
    case 'set_preset':
      return typeof params.preset === 'string' ? next(entity.state, { preset: params.preset }) : undefined;
    case 'set_value':
      return typeof params.value === 'number' ? next(params.value) : undefined;
    case 'select_option':
      return typeof params.option === 'string' ? next(params.option) : undefined;
    default:
      return undefined;
  }
}

/** Of what the hub last streamed and a command's answer, the one it wrote last (the answer on a tie). */
export function latestOf(streamed: EntityState | undefined, answer: EntityState): EntityState {
  return streamed && streamed.lastUpdated > answer.lastUpdated ? streamed : answer;
}
