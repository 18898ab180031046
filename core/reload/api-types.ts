/**
 * What the config-edit API answers (docs/api.md#configuration). Dependency-free on
 * purpose: the dashboard's settings pages import these types as they are.
 */

/** What a reload did. */
export interface ReloadResult {
  /** The revision of the file now running. */
  revision: string;
  /** Plugin ids started (added), stopped (removed or disabled) and restarted (their entry changed). */
  started: string[];
  stopped: string[];
  restarted: string[];
  /** File automations added, changed or removed. */
  automations: string[];
  /** Changed sections that take effect at the next start of the service. */
  restartNeeded: string[];
}

/** The answer of every edit. */
export interface ConfigEditResult {
  revision: string;
  /** False when the edit left the file as it was: nothing written, nothing reloaded. */
  changed: boolean;
  reload?: ReloadResult;
}

/** GET /api/config. */
export interface ConfigDocument {
  file: string;
  revision: string;
  writable: boolean;
  /** Read by the hub, never written by the API. */
  readOnlyFiles: string[];
  /** What the file says: no defaults; a `!secret` value as its key. */
  config: Record<string, unknown>;
}

/** One entry of GET /api/config/plugins. */
export interface ConfigPluginEntry {
  /** Instance id: the entry's `id:` or its plugin's manifest id. */
  id: string;
  /** Position under `plugins:`; issues of an edit name `plugins[<index>]…`. */
  index: number;
  use: string;
  enabled: boolean;
  /** As written. */
  entry: Record<string, unknown> & { use: string };
  /** While it runs (see GET /api/plugins). */
  status?: 'loading' | 'running' | 'failed' | 'stopped' | 'restarting';
  error?: string;
  entities?: string[];
}

export interface ConfigPlugins {
  revision: string;
  writable: boolean;
  plugins: ConfigPluginEntry[];
}

/** GET /api/config/plugins/available: a built-in plugin, for "add a plugin" and its form. */
export interface AvailablePlugin {
  use: string;
  id: string;
  name: string;
  version: string;
  description?: string;
  /** JSON Schema (draft 2020-12) of its config. */
  configSchema: Record<string, unknown>;
}

/** GET /api/config/areas. */
export interface ConfigAreas {
  revision: string;
  writable: boolean;
  areas: { id: string; entities: string[] }[];
}

/** The 400 of an edit or reload the checks refuse. */
export interface ConfigIssueBody {
  path: string;
  message: string;
  line?: number;
}
