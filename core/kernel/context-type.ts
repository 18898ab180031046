/**
 * Who or what caused a change: rides on every command, state change and logbook entry.
 * Dependency-free on purpose: the dashboard imports it as it is.
 */
export interface Context {
  readonly id: string;
  readonly userId?: string;
  readonly automationId?: string;
  readonly parentId?: string;
  /** Remote hub that caused it (MQTT federation). */
  readonly node?: string;
}
