import { LitElement, css, html, nothing } from 'lit';
import type { ConfigAreas, HttpClient } from '../api/index.js';
import { moveItem, refusalOf, type EditRefusal } from '../lib/config-edit.js';
import { msg, str } from '../lib/i18n.js';
import { controls } from '../styles/theme.js';
import { readOnlyHint, refusalNotice } from './config-refusal.js';

/** Settings → Areas: add, rename, reorder (up/down buttons, keyboard reachable), delete with where its devices go. */
export class HearthAreaConfig extends LitElement {
  static override properties = { api: { attribute: false }, _areas: { state: true }, _refusal: { state: true } };
  static override styles = [
    controls,
    css`
      ol { list-style: none; padding: 0; display: grid; gap: 0.5rem; }
      li { display: flex; gap: 0.4rem; align-items: center; flex-wrap: wrap; }
      form { display: flex; gap: 0.4rem; align-items: end; flex-wrap: wrap; }
    `,
  ];
  declare api: HttpClient;
  declare _areas: ConfigAreas | undefined;
  declare _refusal: EditRefusal | undefined;

  override connectedCallback() {
    super.connectedCallback();
    void this.load();
  }

  private async load() {
    try {
      this._areas = await this.api.configAreas();
      this._refusal = undefined;
    } catch (err) {
      this._refusal = refusalOf(err);
    }
  }

  private async save(body: Parameters<HttpClient['setAreas']>[0]) {
    if (!this._areas) return;
    try {
      await this.api.setAreas(body, this._areas.revision);
      await this.load();
    } catch (err) {
      this._refusal = refusalOf(err);
    }
  }

  private ids() {
    return (this._areas?.areas ?? []).map((a) => a.id);
  }

  private rename(e: SubmitEvent, from: string) {
    e.preventDefault();
    const to = String(new FormData(e.target as HTMLFormElement).get('name') ?? '').trim();
    if (!to || to === from) return;
    void this.save({ areas: this.ids().map((id) => (id === from ? to : id)), renamed: { [from]: to } });
  }

  private deleteArea(e: SubmitEvent, area: string) {
    e.preventDefault();
    const dest = String(new FormData(e.target as HTMLFormElement).get('dest') ?? '');
    void this.save({ areas: this.ids().filter((id) => id !== area), moveDevices: { [area]: dest || null } });
  }


  override render() {
    const areas = this._areas;
    if (!areas) return html`${refusalNotice(this._refusal, () => void this.load())}<p class="muted">${msg('Loading…', { id: 'app.loading' })}</p>`;
    const ids = this.ids();
    const ro = !areas.writable;
    return html`${refusalNotice(this._refusal, () => void this.load())}<div class="panel">
      ${ro ? readOnlyHint() : nothing}
      <ol aria-label=${msg('Areas', { id: 'areaconfig.areas' })}>${areas.areas.map((a, i) => html`<li data-area=${a.id}>
        <form @submit=${(e: SubmitEvent) => this.rename(e, a.id)}>
          <label>${msg(str`Name of area ${i + 1}`, { id: 'areaconfig.name-of' })} <input name="name" .value=${a.id} ?readonly=${ro} pattern="[a-z0-9_]+" required /></label>
          ${ro ? nothing : html`<button type="submit">${msg('Rename', { id: 'areaconfig.rename' })}</button>`}
        </form>
        <span class="muted">${a.entities.length === 1 ? msg('1 entity', { id: 'settings.one-entity' }) : msg(str`${a.entities.length} entities`, { id: 'areaconfig.entities' })}</span>
        ${ro ? nothing : html`
          <button aria-label=${msg(str`Move ${a.id} up`, { id: 'areaconfig.up' })} ?disabled=${i === 0} @click=${() => this.save({ areas: moveItem(ids, i, -1) })}>↑</button>
          <button aria-label=${msg(str`Move ${a.id} down`, { id: 'areaconfig.down' })} ?disabled=${i === ids.length - 1} @click=${() => this.save({ areas: moveItem(ids, i, 1) })}>↓</button>
          <form @submit=${(e: SubmitEvent) => this.deleteArea(e, a.id)}>
            <label>${msg('Its devices go to', { id: 'areaconfig.dest' })} <select name="dest"><option value="">${msg('no area', { id: 'areaconfig.no-area' })}</option>
              ${ids.filter((id) => id !== a.id).map((id) => html`<option value=${id}>${id}</option>`)}</select></label>
            <button class="danger" type="submit">${msg(str`Delete ${a.id}`, { id: 'areaconfig.delete' })}</button>
          </form>`}
      </li>`)}</ol>
      ${ro ? nothing : html`<form @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        const name = String(new FormData(e.target as HTMLFormElement).get('name') ?? '').trim();
        if (name && !ids.includes(name)) void this.save({ areas: [...ids, name] });
      }}><label>${msg('New area', { id: 'areaconfig.new' })} <input name="name" pattern="[a-z0-9_]+" required placeholder="kitchen" /></label>
        <button class="primary" type="submit">${msg('Add area', { id: 'areaconfig.add' })}</button></form>`}
    </div>`;
  }
}
customElements.define('hearth-area-config', HearthAreaConfig);
