import { LitElement, css, html, nothing } from 'lit';
import type { EntityState, HttpClient } from '../api/index.js';
import { errorText } from '../lib/errors.js';
import { scheduleEditorPath } from '../lib/router.js';
import { controls } from '../styles/theme.js';
import { msg } from '../lib/i18n.js';

/** Domains that can follow a schedule (core/automation/follow.ts FOLLOW_DOMAINS). */
export const FOLLOWERS = new Set(['switch', 'light', 'cover', 'climate']);

/**
 * "Follow schedule" on a device's detail page: none or one of the schedules. Choosing one
 * puts the device in the schedule's state at once; the hub keeps it following after that.
 */
export class HearthFollowPicker extends LitElement {
  static override properties = {
    api: { attribute: false }, entityId: { type: String }, schedules: { attribute: false },
    _current: { state: true }, _busy: { state: true }, _error: { state: true },
  };
  static override styles = [
    controls,
    css`
      :host { display: block; }
      .row { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
      select { min-width: 12rem; }
    `,
  ];
  declare api: HttpClient;
  declare entityId: string;
  /** The `schedule.*` entities to choose from. */
  declare schedules: EntityState[];
  /** Undefined until the hub said; null when the device follows none. */
  declare _current: string | null | undefined;
  declare _busy: boolean;
  declare _error: string;

  constructor() {
    super();
    this.schedules = [];
    this._busy = false;
    this._error = '';
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('entityId') && this.api) void this.load();
  }

  private async load() {
    this._current = undefined;
    this._error = '';
    try {
      this._current = (await this.api.follow(this.entityId)).schedule;
    } catch (err) {
      this._error = errorText(err);
    }
  }

  private async choose(value: string) {
    const schedule = value === '' ? null : value;
    this._busy = true;
    this._error = '';
    try {
      this._current = (await this.api.setFollow(this.entityId, schedule)).schedule;
    } catch (err) {
      this._error = errorText(err);
      // The select shows what the hub keeps, not the refused choice.
      this.requestUpdate();
    } finally {
      this._busy = false;
    }
  }

  override render() {
    const current = this._current;
    const followed = current ? this.schedules.find((s) => s.id === current) : undefined;
    return html`<div class="row">
        <label for="follow">${msg('Follow schedule', { id: 'follow.label' })}</label>
        <select id="follow" ?disabled=${this._busy || current === undefined} .value=${current ?? ''}
          @change=${(ev: Event) => void this.choose((ev.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!current}>${msg('None', { id: 'follow.none' })}</option>
          ${this.schedules.map((s) => html`<option value=${s.id} ?selected=${s.id === current}>${s.name}</option>`)}
        </select>
        ${current ? html`<span role="status">${msg('Following', { id: 'follow.following' })} <a href=${scheduleEditorPath(current)}>${followed?.name ?? current}</a></span>` : nothing}
      </div>
      ${this._error ? html`<div class="error" role="alert">${this._error}</div>` : nothing}`;
  }
}

customElements.define('hearth-follow-picker', HearthFollowPicker);
