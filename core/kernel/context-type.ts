/** Signed-in roles, highest first: owner > admin > member. */
export type Role = 'owner' | 'admin' | 'member';

/**
 * Who or what caused a change: rides on every command, state change and logbook entry.
 * Dependency-free on purpose: the dashboard imports it as it is.
 */
export interface Context {
  readonly id: string;
  readonly userId?: string;
  /**
   * The role a command acts with, set where it enters the hub (HTTP/WS sign-in, the
   * MQTT bridge's `mqtt.commandRole`, a manual automation run). Absent = the hub itself
   * (a triggered automation, a plugin), which entity roles do not restrict.
   */
  readonly role?: Role;
  readonly automationId?: string;
  readonly parentId?: string;
  /** Remote hub that caused it (MQTT federation). */
  readonly node?: string;
}
