/** What GET /api/plugins answers. Dependency-free on purpose: the dashboard imports it as it is. */
import type { PluginStatus } from '../kernel/events.js';

/** A JSON Schema document (draft 2020-12), e.g. from `z.toJSONSchema(schema)`. */
export type JsonSchema = { readonly [key: string]: unknown };

export interface PluginInfo {
  id: string;
  name: string;
  version: string;
  description?: string;
  status: PluginStatus;
  error?: string;
  /** Runs in its own supervised process. */
  isolated: boolean;
  /** The child's process id while an isolated plugin runs. */
  pid?: number;
  entities: string[];
  configSchema: JsonSchema;
}
