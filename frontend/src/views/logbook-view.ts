import { LitElement, css, html, nothing } from 'lit';
import type { LogbookEntry } from '../api/types.js';
import { formatTime } from '../lib/format.js';
import { describeEntry, type LogbookNames } from '../lib/logbook.js';
import { controls } from '../styles/theme.js';
import { msg, str } from '../lib/i18n.js';

const NO_NAMES: LogbookNames = { entity: () => undefined, automation: () => undefined };

/** Who or what changed what, newest first; "Show older" asks the shell for the next page. */
export class HearthLogbookView extends LitElement {
  static override properties = {
    entries: { attribute: false }, names: { attribute: false }, error: { type: String }, compact: { type: Boolean }, more: { type: Boolean },
  };
  static override styles = [
    controls,
    css`
      ol { list-style: none; margin: 0; padding: 0; }
      ol.panel { padding: 0.2rem 1rem; }
      li { display: grid; grid-template-columns: 5.2rem 1fr auto; gap: 0.6rem; align-items: baseline; padding: 0.65rem 0; border-bottom: 1px solid var(--border); }
      li:last-child { border-bottom: 0; }
      time { color: var(--muted); font-variant-numeric: tabular-nums; font-size: 0.85rem; }
      .failed .text { color: var(--danger); }
      .where { display: block; color: var(--muted); font-size: 0.8rem; }
      .more { margin-top: 0.8rem; }
    `,
  ];
  declare entries: LogbookEntry[] | undefined;
  declare names: LogbookNames;
  declare error: string;
  declare compact: boolean;
  declare more: boolean;

  constructor() {
    super();
    this.names = NO_NAMES;
    this.error = '';
    this.compact = false;
    this.more = false;
  }

  override render() {
    if (this.error) return html`<div class="error" role="alert">${this.error}</div>`;
    if (!this.entries) return html`<p class="muted">${msg('Loading…', { id: 'app.loading' })}</p>`;
    if (this.entries.length === 0) return html`<p class="muted">${msg('Nothing happened yet.', { id: 'logbook.empty' })}</p>`;
    return html`<ol class=${this.compact ? '' : 'panel'}>
        ${this.entries.map((e) => {
          const line = describeEntry(e, this.names);
          return html`<li class=${line.failed ? 'failed' : ''}>
            <time datetime=${e.when}>${formatTime(e.when)}</time>
            <span class="text">${line.text}${e.address && e.kind !== 'state' ? html`<span class="where">${msg(str`from ${e.address}`, { id: 'logbook.from-address' })}</span>` : nothing}</span>
            ${line.failed ? html`<span class="chip bad">${e.outcome}</span>` : nothing}
          </li>`;
        })}
      </ol>
      ${this.more ? html`<button class="more" @click=${() => this.dispatchEvent(new CustomEvent('hearth-logbook-more', { bubbles: true, composed: true }))}>${msg('Show older', { id: 'logbook.show-older' })}</button>` : nothing}`;
  }
}
customElements.define('hearth-logbook-view', HearthLogbookView);
