import { LitElement, css, html, nothing } from 'lit';
import type { TempoCalendar, TempoColour } from '../api/energy.js';

const WORD: Record<TempoColour, string> = { blue: 'Blue', white: 'White', red: 'Red' };

/** The Tempo calendar: the last weeks' day colours, today's and tomorrow's. */
export class HearthEnergyTempo extends LitElement {
  static override properties = { calendar: { attribute: false } };
  static override styles = css`
    :host { display: block; }
    .days { display: grid; grid-template-columns: repeat(7, minmax(0, 2.2rem)); gap: 0.25rem; margin: 0.6rem 0; }
    .day { aspect-ratio: 1; border-radius: 6px; border: 1px solid var(--border); display: grid; place-items: center; font-size: 0.75rem; background: var(--surface-2); color: var(--muted); }
    .blue { background: #1f5fae; color: #fff; border-color: #1f5fae; }
    .white { background: #ffffff; color: #1b1f24; border-color: #8d96a0; }
    .red { background: #c0291d; color: #fff; border-color: #c0291d; }
    .now { display: flex; gap: 0.6rem; flex-wrap: wrap; }
    .chip { padding: 0.3rem 0.7rem; border-radius: 999px; border: 1px solid var(--border); font-size: 0.9rem; }
  `;
  declare calendar: TempoCalendar | undefined;

  private chip(label: string, colour: TempoColour | null, key: string) {
    return html`<span class="chip ${colour ?? ''}" data-tempo=${key}>${label}: ${colour ? WORD[colour] : 'not known yet'}</span>`;
  }

  override render() {
    const c = this.calendar;
    if (!c) return nothing;
    return html`<div class="now">${this.chip('Today', c.today, 'today')}${this.chip('Tomorrow', c.tomorrow, 'tomorrow')}</div>
      <div class="days" role="list" aria-label="Tempo colour of each day">${c.days.map((d) => html`<span role="listitem" class="day ${d.colour ?? ''}" data-date=${d.date}
        title=${`${d.date}: ${d.colour ? WORD[d.colour] : 'no colour recorded'}`}>${Number(d.date.slice(8))}</span>`)}</div>`;
  }
}
customElements.define('hearth-energy-tempo', HearthEnergyTempo);
