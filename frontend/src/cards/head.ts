import { html, svg, type TemplateResult } from 'lit';
import type { EntityState } from '../api/types.js';
import { iconFor } from '../lib/entities.js';
import { formatState } from '../lib/format.js';
import { routePath } from '../lib/router.js';

export function icon(path: string): TemplateResult {
  return html`<svg viewBox="0 0 24 24" aria-hidden="true">${svg`<path d=${path}></path>`}</svg>`;
}

/** Icon, linked name and state line: the left two columns of every card. */
export function cardHead(entity: EntityState, stateText: string = formatState(entity)): TemplateResult {
  return html`
    <span class="icon">${icon(iconFor(entity))}</span>
    <div class="title">
      <a class="name" href=${routePath({ page: 'entity', id: entity.id })}>${entity.name}</a>
      <span class="state" aria-live="polite">${stateText}</span>
    </div>
  `;
}

/** While a slider is dragged its filled track follows the thumb (the entity catches up on release). */
export function trackFill(ev: Event): void {
  const input = ev.target as HTMLInputElement;
  input.style.setProperty('--fill', `${((Number(input.value) - Number(input.min)) / (Number(input.max) - Number(input.min))) * 100}%`);
}
