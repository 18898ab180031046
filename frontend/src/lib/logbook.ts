import type { LogbookEntry } from '../api/types.js';

/** "Alice turned on Hall light", "Automation 'Night' changed Living room to closed". */
export function describeEntry(e: LogbookEntry): string {
  if (e.message && !e.entityId) return e.message;
  const who = e.username ?? (e.automationName ? `Automation '${e.automationName}'` : e.automationId ? `Automation ${e.automationId}` : e.source);
  const what = e.name ?? e.entityId ?? '';
  const change = e.message ?? (e.state !== undefined ? `changed to ${String(e.state)}` : 'changed');
  return `${who ? `${who}: ` : ''}${what} ${change}`.trim();
}
