import { readFileSync } from 'node:fs';
import type { Logger } from 'pino';
import { loadFileAutomations, type AutomationEngine, type FileAutomation } from '../automation/index.js';
import { ConfigError, parseConfig, revisionOf, type LoadedConfig } from '../config/index.js';
import { InvalidConfigError, errorMessage } from '../errors.js';
import type { Context, EventBus } from '../kernel/index.js';
import { loadPlugins, type PluginHost } from '../plugins/index.js';
import type { ReloadResult } from './api-types.js';
import { planReload, type RunningConfig } from './plan.js';

/** A config read and checked as `hearth check` does: plugins resolved and validated, automations parsed. */
export interface PreparedConfig extends RunningConfig {
  loaded: LoadedConfig;
  automations: FileAutomation[];
}

/** Throws a ConfigError naming every problem; touches nothing. */
export async function prepareConfig(text: string, file: string): Promise<PreparedConfig> {
  const loaded = parseConfig(text, file);
  const plugins = await loadPlugins(loaded);
  const automations = loadFileAutomations(loaded);
  return { loaded, config: loaded.config, plugins, automations };
}


export type ReloadOrigin = 'api' | 'signal';

export interface Reloader {
  /**
   * Reads the config file again and applies what changed: a changed plugin entry restarts
   * only that plugin, added and removed ones start and stop, the automations file, areas
   * and names reload in place. A config that fails its check changes nothing: 400
   * (InvalidConfigError) with every issue, in the log and the logbook too.
   */
  reload(context: Context, origin: ReloadOrigin): Promise<ReloadResult>;
  /** What runs now. */
  current(): PreparedConfig;
}

export interface ReloaderDeps {
  file: string;
  log: Logger;
  bus: EventBus;
  host: Pick<PluginHost, 'stopPlugin' | 'startPlugin'>;
  automations: Pick<AutomationEngine, 'reloadFile'>;
  initial: PreparedConfig;
  /** After each applied reload: the hub takes the new areas, name and log level. */
  applied?(next: PreparedConfig): void;
}

export function createReloader(deps: ReloaderDeps): Reloader {
  const { log, bus } = deps;
  let current = deps.initial;
  // One reload at a time: two SIGHUPs in a row must not stop a plugin twice.
  let queue: Promise<unknown> = Promise.resolve();

  const audit = (context: Context, outcome: 'ok' | 'failed', details: Record<string, unknown>) =>
    bus.emit('audit', { action: 'config.reload', outcome, context, target: deps.file, details });

  async function reload(context: Context, origin: ReloadOrigin): Promise<ReloadResult> {
    let next: PreparedConfig;
    let text: string;
    try {
      text = readFileSync(deps.file, 'utf8');
      next = await prepareConfig(text, deps.file);
    } catch (err) {
      const issues = err instanceof ConfigError ? err.issues.map((i) => ({ path: i.path, message: i.message, ...(i.line !== undefined && { line: i.line }) })) : [{ path: '', message: errorMessage(err) }];
      const message = `reload refused, nothing changed: ${err instanceof ConfigError ? err.message : errorMessage(err)}`;
      log.warn({ origin, issues }, message);
      audit(context, 'failed', { origin, issues });
      throw new InvalidConfigError(message, issues);
    }
    const plan = planReload(current, next);
    for (const id of plan.stop) await deps.host.stopPlugin(id);
    for (const plugin of plan.start) await deps.host.startPlugin(plugin);
    const automations = deps.automations.reloadFile(next.automations);
    current = next;
    deps.applied?.(next);
    const result: ReloadResult = {
      revision: revisionOf(text),
      started: plan.start.map((p) => p.id).filter((id) => !plan.restarted.includes(id)),
      stopped: plan.stop.filter((id) => !plan.restarted.includes(id)),
      restarted: plan.restarted,
      automations,
      restartNeeded: plan.restartNeeded,
    };
    log.info({ origin, ...result }, plan.restartNeeded.length ? `config reloaded; ${plan.restartNeeded.join(', ')} take effect at the next start` : 'config reloaded');
    audit(context, 'ok', { origin, ...result });
    return result;
  }

  return {
    reload(context, origin) {
      const result = queue.then(() => reload(context, origin));
      queue = result.catch(() => undefined);
      return result;
    },
    current: () => current,
  };
}
