/** What a card asks the shell to do; the shell owns the API and the optimistic state. */
export interface CommandDetail {
  entityId: string;
  command: string;
  params?: Record<string, unknown>;
}

/** Asks the shell, from the card `from`, to run `command` on an entity. */
export function sendCommand(from: HTMLElement, entityId: string, command: string, params?: Record<string, unknown>): void {
  const detail: CommandDetail = { entityId, command, ...(params && { params }) };
  from.dispatchEvent(new CustomEvent('hearth-command', { detail, bubbles: true, composed: true }));
}

export function navigateEvent(path: string): CustomEvent<{ path: string }> {
  return new CustomEvent('hearth-navigate', { detail: { path }, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    'hearth-command': CustomEvent<CommandDetail>;
    'hearth-navigate': CustomEvent<{ path: string }>;
  }
}
