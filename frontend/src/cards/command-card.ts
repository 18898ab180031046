import { LitElement, type CSSResultGroup } from 'lit';
import type { EntityState } from '../api/types.js';
import { isActive } from '../lib/entities.js';
import { cardStyles } from './card-styles.js';
import { sendCommand } from './events.js';

/**
 * What every card that commands its entity shares: the entity, the shell's `pending`
 * flag while a command is in flight, and one way to send (through the shell, which owns
 * the API and the optimistic state).
 */
export class CommandCard extends LitElement {
  static override properties = { entity: { attribute: false }, pending: { type: Boolean } };
  static override styles: CSSResultGroup = cardStyles;
  declare entity: EntityState;
  declare pending: boolean;

  protected send(command: string, params?: Record<string, unknown>): void {
    sendCommand(this, this.entity.id, command, params);
  }

  /** The card's classes: tinted while active, dimmed when `off`, busy while pending. */
  protected cardClass(off = !this.entity.available, ...extra: string[]): string {
    return ['card', isActive(this.entity) ? 'active' : '', off ? 'unavailable' : '', this.pending ? 'pending' : '', ...extra].filter(Boolean).join(' ');
  }
}
