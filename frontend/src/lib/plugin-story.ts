import type { PluginInfo } from '../api/types.js';
import { formatDuration, formatRelative } from './format.js';

/**
 * What happened to a plugin, one short line each, for Settings → Plugins: how often it
 * was restarted, its last failure and when, when it tries again, and whether the hub
 * isolated it on its own. Empty for a plugin that never failed.
 */
export function pluginStory(plugin: PluginInfo, now: number = Date.now()): string[] {
  const lines: string[] = [];
  if (plugin.restarts > 0) lines.push(`Restarted ${plugin.restarts === 1 ? 'once' : `${plugin.restarts} times`} after failures`);
  const failure = plugin.lastFailure;
  if (failure) {
    const how = failure.signal ? ` (signal ${failure.signal})` : failure.exitCode !== undefined ? ` (exit code ${failure.exitCode})` : '';
    lines.push(`Last failure ${formatRelative(failure.at, now)}: ${failure.error}${how}`);
  }
  if (plugin.nextRestartAt) lines.push(`Next restart in ${formatDuration(Math.max(0, Date.parse(plugin.nextRestartAt) - now))}`);
  if (plugin.autoIsolated) lines.push('Isolated by the hub: it blocked the event loop or crashed outside its callbacks before');
  return lines;
}
