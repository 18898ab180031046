import { LitElement, css, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { HttpClient } from '../api/http.js';
import type { EntityState, HomeMode, PersonLocation, User } from '../api/types.js';
import { cardFor } from '../cards/pick.js';
import { groupByArea } from '../lib/entities.js';
import { msg } from '../lib/i18n.js';
import type { Point } from '../lib/sparkline.js';
import { controls } from '../styles/theme.js';

/** Home: every entity, grouped by area, one card per entity. */
export class HearthHomeView extends LitElement {
  static override properties = {
    entities: { attribute: false },
    areas: { attribute: false },
    sparklines: { attribute: false },
    pending: { attribute: false },
    now: { type: Number },
    api: { attribute: false },
    user: { attribute: false },
    people: { attribute: false },
    _mode: { state: true },
  };
  static override styles = [
    controls,
    css`
      section { margin-bottom: 1.6rem; }
      h2 { font-size: 1.05rem; margin: 0 0 0.7rem 0.2rem; color: var(--muted); }
      .grid { display: grid; gap: 0.7rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 260px), 1fr)); }
      .empty { text-align: center; padding: 3rem 1rem; }
      .mode { display: inline-flex; gap: 0.3rem; margin-bottom: 0.9rem; }
      .mode button[aria-pressed='true'] { background: var(--accent-soft); border-color: var(--accent); }
    `,
  ];
  declare entities: EntityState[];
  declare areas: string[];
  declare sparklines: Map<string, Point[]>;
  declare pending: Set<string>;
  declare now: number;
  declare api: HttpClient | undefined;
  declare user: User | undefined;
  declare people: PersonLocation[];
  /**
   * Plan or cards: the user's own preference, kept by the hub so every device shows the same. A user
   * who never chose gets the plan when there is one; undefined while that is being found out.
   */
  declare _mode: HomeMode | undefined;

  constructor() {
    super();
    this.entities = [];
    this.areas = [];
    this.sparklines = new Map();
    this.pending = new Set();
    this.people = [];
  }

  override willUpdate(changed: Map<string, unknown>) {
    if ((changed.has('user') || changed.has('api')) && this.user && this.api) {
      this._mode = undefined;
      void this.findMode(this.api);
    }
    if (this._mode === 'plan') void import('./floorplan-view.js');
  }

  /** The user's choice, else the plan when one exists; a click meanwhile wins. */
  private async findMode(api: HttpClient) {
    const { home } = await api.preferences().catch(() => ({ home: undefined }));
    const mode = home ?? (await api.floorplans().then((plans) => (plans.length ? 'plan' : 'cards'), () => 'cards' as const));
    this._mode ??= mode;
  }

  private choose(mode: HomeMode) {
    this._mode = mode;
    // Not kept (offline, say): this browser still shows the choice until it reloads.
    this.api?.setPreferences({ home: mode }).catch(() => undefined);
  }

  override render() {
    if (!this.api) return this.cards();
    return html`<div class="mode" role="group" aria-label=${msg('Show the home as', { id: 'home.mode' })}>
        ${(['plan', 'cards'] as const).map((m) => html`<button aria-pressed=${this._mode === m ? 'true' : 'false'} @click=${() => this.choose(m)}>${m === 'plan' ? msg('Plan', { id: 'home.plan' }) : msg('Cards', { id: 'home.cards' })}</button>`)}
      </div>
      ${this._mode === undefined
        ? nothing
        : this._mode === 'plan'
        ? html`<hearth-floorplan-view .api=${this.api} .user=${this.user} .entities=${this.entities} .pending=${this.pending} .people=${this.people}></hearth-floorplan-view>`
        : this.cards()}`;
  }

  private cards() {
    // `hidden: true` (hearth.yaml) keeps an entity off the dashboard, not out of the hub.
    const shown = this.entities.filter((e) => e.attributes.hidden !== true);
    if (shown.length === 0) {
      return html`<div class="panel empty"><h2>${msg('No devices yet', { id: 'home.empty' })}</h2><p class="muted">${msg('Add plugins to hearth.yaml and restart the hub; their entities appear here.', { id: 'home.empty-hint' })}</p></div>`;
    }
    return groupByArea(shown, this.areas).map(
      (s) => html`<section aria-labelledby="area-${s.area ?? 'other'}">
        <h2 id="area-${s.area ?? 'other'}">${s.title}</h2>
        <div class="grid">${repeat(s.entities, (e) => e.id, (e) => cardFor(e, { pending: this.pending.has(e.id), history: this.sparklines.get(e.id), now: this.now }))}</div>
      </section>`,
    );
  }
}
customElements.define('hearth-home-view', HearthHomeView);
