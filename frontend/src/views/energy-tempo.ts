import { LitElement, css, html, nothing } from 'lit';
import type { TempoCalendar, TempoColour } from '../api/energy.js';
import { msg, str } from '../lib/i18n.js';

function word(colour: TempoColour | null): string {
  if (colour === 'blue') return msg('Blue', { id: 'energy.tempo.blue' });
  if (colour === 'white') return msg('White', { id: 'energy.tempo.white' });
  if (colour === 'red') return msg('Red', { id: 'energy.tempo.red' });
  return msg('not known yet', { id: 'energy.tempo.unknown' });
}

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
    return html`<span class="chip ${colour ?? ''}" data-tempo=${key}>${label}: ${word(colour)}</span>`;
  }

  override render() {
    const c = this.calendar;
    if (!c) return nothing;
    return html`<div class="now">${this.chip(msg('Today', { id: 'energy.today' }), c.today, 'today')}${this.chip(msg('Tomorrow', { id: 'energy.tomorrow' }), c.tomorrow, 'tomorrow')}</div>
      <div class="days" role="list" aria-label=${msg('Tempo colour of each day', { id: 'energy.tempo.days' })}>${c.days.map((d) => html`<span role="listitem" class="day ${d.colour ?? ''}" data-date=${d.date}
        title=${d.colour ? `${d.date}: ${word(d.colour)}` : msg(str`${d.date}: no colour recorded`, { id: 'energy.tempo.none' })}>${Number(d.date.slice(8))}</span>`)}</div>`;
  }
}
customElements.define('hearth-energy-tempo', HearthEnergyTempo);
