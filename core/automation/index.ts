/** Automations (DESIGN §7): the engine service, its routes, the YAML loader, simulation and simple rules. */
import './events.js';

export type { AutomationRuntime, PendingRun, RunOutcome, Trace } from './automation.js';
export { systemClock, virtualClock, type Clock, type VirtualClock } from './clock.js';
export { loadFileAutomations, type FileAutomation } from './config.js';
export { automationSchema, type Action, type AutomationDefinition, type AutomationInput, type Condition, type Mode, type Trigger } from './definition.js';
export { createAutomationEngine, type AutomationEngine, type AutomationEngineDeps, type AutomationInfo } from './engine.js';
export { parseAutomation, parseOrThrow } from './parse.js';
export { createAutomationRoutes, type AutomationRouteDeps } from './routes.js';
export type { TraceStep } from './runner.js';
export { automationToRule, OPERATORS, ruleToAutomation, TARGET_STATES, type Operator, type SimpleRule, type TargetState } from './simple-rules.js';
export { simulate, type HistoryRow, type HistorySource, type SimulatedCommand, type SimulationResult } from './simulate.js';
export { clockSeconds, localTime, type Location } from './time.js';
