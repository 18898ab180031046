/** Live reload of the config (docs/configuration.md#editing-and-reloading) and the config-edit API. */
export { planReload, type ReloadPlan, type RunningConfig } from './plan.js';
export { createReloader, prepareConfig, type PreparedConfig, type Reloader, type ReloaderDeps, type ReloadOrigin } from './reloader.js';
export type { AvailablePlugin, ConfigAreas, ConfigDocument, ConfigEditResult, ConfigIssueBody, ConfigPluginEntry, ConfigPlugins, ReloadResult } from './api-types.js';
export { createConfigRoutes, type ConfigRouteDeps } from './routes.js';
export { runningHubPid, writePidFile, PID_FILE } from './pid-file.js';
