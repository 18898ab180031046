import type { PluginInfo } from '../api/types.js';
import { formatDuration, formatRelative } from './format.js';
import { msg, str } from './i18n.js';

/**
 * What happened to a plugin, one short line each, for Settings → Plugins: how often it
 * was restarted, its last failure and when, when it tries again, and whether the hub
 * isolated it on its own. Empty for a plugin that never failed.
 */
export function pluginStory(plugin: PluginInfo, now: number = Date.now()): string[] {
  const lines: string[] = [];
  if (plugin.restarts > 0) lines.push(plugin.restarts === 1 ? msg('Restarted once after failures', { id: 'story.restarted-once' }) : msg(str`Restarted ${plugin.restarts} times after failures`, { id: 'story.restarted' }));
  const failure = plugin.lastFailure;
  if (failure) {
    const how = failure.signal ? ` (${msg(str`signal ${failure.signal}`, { id: 'story.signal' })})` : failure.exitCode !== undefined ? ` (${msg(str`exit code ${failure.exitCode}`, { id: 'story.exit-code' })})` : '';
    lines.push(`${msg(str`Last failure ${formatRelative(failure.at, now)}`, { id: 'story.last-failure' })}: ${failure.error}${how}`);
  }
  if (plugin.nextRestartAt) lines.push(msg(str`Next restart in ${formatDuration(Math.max(0, Date.parse(plugin.nextRestartAt) - now))}`, { id: 'story.next-restart' }));
  if (plugin.autoIsolated) lines.push(msg('Isolated by the hub: it blocked the event loop or crashed outside its callbacks before', { id: 'story.isolated' }));
  return lines;
}
