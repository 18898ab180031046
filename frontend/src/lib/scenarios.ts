import type { SimLine } from '../api/types.js';
import { msg } from './i18n.js';

/** A named gesture on the simulated board, found by the labels the sim gives its input lines. */
export interface Scenario {
  label: () => string;
  match: RegExp;
}

export const SCENARIOS: readonly Scenario[] = [
  { label: () => msg('Ring the doorbell', { id: 'sim.ring' }), match: /doorbell|bell/i },
  { label: () => msg('Open the door', { id: 'sim.open-door' }), match: /door(?!bell)/i },
  { label: () => msg('Walk through the hall', { id: 'sim.walk-hall' }), match: /hall.*motion|motion.*hall/i },
];

export function scenarioLines(scenario: Scenario, inputs: readonly SimLine[]): SimLine[] {
  return inputs.filter((l) => l.label !== undefined && scenario.match.test(l.label));
}
