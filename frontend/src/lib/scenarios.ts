import type { SimLine } from '../api/types.js';

/** A named gesture on the simulated board, found by the labels the sim gives its input lines. */
export interface Scenario {
  label: string;
  match: RegExp;
}

export const SCENARIOS: readonly Scenario[] = [
  { label: 'Ring the doorbell', match: /doorbell|bell/i },
  { label: 'Open the door', match: /door(?!bell)/i },
  { label: 'Walk through the hall', match: /hall.*motion|motion.*hall/i },
];

export function scenarioLines(scenario: Scenario, inputs: readonly SimLine[]): SimLine[] {
  return inputs.filter((l) => l.label !== undefined && scenario.match.test(l.label));
}
