/** What GET /api/plugins answers. Dependency-free on purpose: the dashboard imports it as it is. */
import type { PluginStatus } from '../kernel/events.js';

/** A JSON Schema document (draft 2020-12), e.g. from `z.toJSONSchema(schema)`. */
export type JsonSchema = { readonly [key: string]: unknown };

/** The failure that ended a plugin's last run. */
export interface PluginFailure {
  /** ISO 8601 UTC. */
  at: string;
  /** Where and why: `timer: lost contact with the device`, `uncaught exception: …`. */
  error: string;
  /** How an isolated plugin's child process ended. */
  exitCode?: number;
  signal?: string;
}

export interface PluginInfo {
  id: string;
  name: string;
  version: string;
  description?: string;
  /** `restarting`: waiting out the back-off after a failure (see `nextRestartAt`), or setting up again. */
  status: PluginStatus;
  /** Why it failed or is restarting, or a warning on a running plugin (it blocked the event loop). */
  error?: string;
  /** Restarts after failures since the hub started. */
  restarts: number;
  /** Kept after the plugin runs again, so a crash between two looks is not lost. */
  lastFailure?: PluginFailure;
  /** ISO time of the next restart while backing off. */
  nextRestartAt?: string;
  /** Runs in its own supervised process. */
  isolated: boolean;
  /** Isolated by the hub, not the config: it blocked the event loop or threw outside its callbacks before. */
  autoIsolated: boolean;
  /** The child's process id while an isolated plugin runs. */
  pid?: number;
  entities: string[];
  /** What the plugin reports about itself (`ctx.status.set`). */
  details?: Readonly<Record<string, unknown>>;
  configSchema: JsonSchema;
}
