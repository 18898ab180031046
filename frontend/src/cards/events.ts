/** What a card asks the shell to do; the shell owns the API and the optimistic state. */
export interface CommandDetail {
  entityId: string;
  command: string;
  params?: Record<string, unknown>;
}

export function commandEvent(detail: CommandDetail): CustomEvent<CommandDetail> {
  return new CustomEvent('hearth-command', { detail, bubbles: true, composed: true });
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
