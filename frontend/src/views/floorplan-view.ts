import { LitElement, html, nothing, svg } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { EntityState, Floorplan, HttpClient, PersonLocation, User } from '../api/index.js';
import { navigateEvent, sendCommand } from '../cards/events.js';
import { icon } from '../cards/head.js';
import { cardFor } from '../cards/pick.js';
import { errorText } from '../lib/errors.js';
import { iconFor, isActive } from '../lib/entities.js';
import { backgroundProblem, BACKGROUND_TYPES, labelPoint, relativeTo, snap, summariseRoom, zoomAbout, type Corner, type View } from '../lib/floorplan.js';
import { formatState, titleCase } from '../lib/format.js';
import { routePath } from '../lib/router.js';
import { floorplanStyles } from './floorplan-styles.js';
import { msg, str } from '../lib/i18n.js';

const TOGGLES = new Set(['light', 'switch', 'fan']);
const LONG_PRESS_MS = 550;
const clone = (plan: Floorplan): Floorplan => structuredClone(plan);

/**
 * The house as a picture: rooms tinted by their state, devices where they are, live.
 * Tap toggles a light or switch, a long press opens the device; two fingers zoom and pan.
 * Admins edit in place: draw rooms on the grid, drag devices, undo, save.
 */
export class HearthFloorplanView extends LitElement {
  static override properties = {
    api: { attribute: false },
    user: { attribute: false },
    entities: { attribute: false },
    pending: { attribute: false },
    people: { attribute: false },
    _plans: { state: true },
    _level: { state: true },
    _draft: { state: true },
    _undo: { state: true },
    _corners: { state: true },
    _drawing: { state: true },
    _view: { state: true },
    _error: { state: true },
  };
  static override styles = floorplanStyles;

  declare api: HttpClient;
  declare user: User | undefined;
  declare entities: EntityState[];
  declare pending: Set<string>;
  declare _plans: Floorplan[] | undefined;
  declare _level: number;
  /** The plan being edited; undefined when viewing. */
  declare _draft: Floorplan | undefined;
  declare _undo: Floorplan[];
  /** Corners of the room being drawn. */
  declare _corners: Corner[];
  declare _drawing: boolean;
  /** "I am here" pins, pushed by the app shell as they change. */
  declare people: PersonLocation[];
  declare _view: View;
  declare _error: string;

  /** Fingers (or the mouse) on the plan's background, for pan and pinch. */
  private pointers = new Map<number, { x: number; y: number }>();
  private press: { id: string; timer: ReturnType<typeof setTimeout>; long: boolean; before?: Floorplan; moved: boolean } | undefined;

  constructor() {
    super();
    this.entities = [];
    this.pending = new Set();
    this._level = 0;
    this._undo = [];
    this._corners = [];
    this._drawing = false;
    this.people = [];
    this._view = { scale: 1, x: 0, y: 0 };
    this._error = '';
  }

  /** Not in connectedCallback: loaded lazily, this element gets its properties only at its first update. */
  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('api') && this.api) void this.load();
  }

  private async load() {
    try {
      this._plans = await this.api.floorplans();
      if (this._plans.length && !this._plans.some((p) => p.level === this._level)) this._level = this._plans[0]!.level;
    } catch (err) {
      this._error = errorText(err);
    }
  }

  private get admin() {
    return this.user?.role === 'admin' || this.user?.role === 'owner';
  }

  private get plan(): Floorplan | undefined {
    return this._draft ?? this._plans?.find((p) => p.level === this._level);
  }

  private get areas(): string[] {
    return [...new Set([...(this.plan?.rooms.map((r) => r.area) ?? []), ...this.entities.flatMap((e) => (e.area ? [e.area] : []))])];
  }

  // —— editing ——

  private edit(change: (draft: Floorplan) => void) {
    if (!this._draft) return;
    const next = clone(this._draft);
    change(next);
    this._undo = [...this._undo, this._draft];
    this._draft = next;
  }

  private undo() {
    const previous = this._undo.at(-1);
    if (!previous) return;
    this._undo = this._undo.slice(0, -1);
    this._draft = previous;
  }

  private startEditing() {
    const plan = this.plan;
    if (!plan) return;
    this._draft = clone(plan);
    this._undo = [];
    this._error = '';
  }

  private stopEditing() {
    this._draft = undefined;
    this._drawing = false;
    this._corners = [];
    this._error = '';
  }

  private async save() {
    if (!this._draft) return;
    try {
      const saved = await this.api.saveFloorplan(this._draft);
      this._plans = (this._plans ?? []).map((p) => (p.id === saved.id ? saved : p));
      this.stopEditing();
    } catch (err) {
      this._error = errorText(err);
    }
  }

  private async create() {
    try {
      const plan = await this.api.createFloorplan({ name: msg('Ground floor', { id: 'plan.ground-floor' }), level: 0 });
      this._plans = [...(this._plans ?? []), plan];
      this._level = plan.level;
      this.startEditing();
    } catch (err) {
      this._error = errorText(err);
    }
  }

  /** The picture goes to the hub at once (it is not part of the draft, nor of undo). */
  private async setBackground(change: (id: string) => Promise<Floorplan>) {
    const draft = this._draft;
    if (!draft) return;
    this._error = '';
    try {
      const saved = await change(draft.id);
      this._plans = (this._plans ?? []).map((p) => (p.id === saved.id ? saved : p));
      if (this._draft) this._draft = { ...this._draft, background: saved.background };
    } catch (err) {
      this._error = errorText(err);
    }
  }

  private upload(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const problem = backgroundProblem(file);
    if (problem === 'type') this._error = msg('A background must be a PNG, JPEG or SVG picture.', { id: 'floorplan.background-type' });
    else if (problem === 'size') this._error = msg('That picture is over 2 MB; make it smaller first.', { id: 'floorplan.background-size' });
    else void this.setBackground((id) => this.api.uploadFloorplanImage(id, file));
  }

  private finishRoom(area: string) {
    if (this._corners.length < 3 || !area) return;
    const polygon = this._corners;
    this.edit((d) => d.rooms.push({ area, polygon }));
    this._corners = [];
    this._drawing = false;
  }

  private addCorner(e: PointerEvent) {
    const plan = this._draft;
    if (!plan || !this._drawing) return;
    const box = (e.currentTarget as SVGElement).getBoundingClientRect();
    const { x, y } = relativeTo(box, e.clientX, e.clientY);
    const corner = snap(x, y, plan.grid);
    if (!this._corners.some(([cx, cy]) => cx === corner[0] && cy === corner[1])) this._corners = [...this._corners, corner];
  }

  private place(entityId: string) {
    if (!entityId || this._draft?.items.some((i) => i.entityId === entityId)) return;
    this.edit((d) => d.items.push({ entityId, x: 0.5, y: 0.5 }));
  }

  // —— devices: tap, long press, drag ——

  private itemDown(e: PointerEvent, entityId: string) {
    e.stopPropagation();
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    const timer = setTimeout(() => {
      if (!this.press || this.press.moved || this._draft) return;
      this.press.long = true;
      this.dispatchEvent(navigateEvent(routePath({ page: 'entity', id: entityId })));
    }, LONG_PRESS_MS);
    this.press = { id: entityId, timer, long: false, moved: false, ...(this._draft && { before: this._draft }) };
  }

  private itemMove(e: PointerEvent) {
    const press = this.press;
    if (!press || !this._draft || !press.before) return;
    const stage = this.renderRoot.querySelector('.stage')!.getBoundingClientRect();
    const { x, y } = relativeTo(stage, e.clientX, e.clientY);
    const draft = clone(this._draft);
    const item = draft.items.find((i) => i.entityId === press.id);
    if (!item) return;
    item.x = Math.round(x * 1e4) / 1e4;
    item.y = Math.round(y * 1e4) / 1e4;
    press.moved = true;
    this._draft = draft;
  }

  private itemUp(entity: EntityState | undefined) {
    const press = this.press;
    this.press = undefined;
    if (!press) return;
    clearTimeout(press.timer);
    if (press.before) {
      if (press.moved) this._undo = [...this._undo, press.before];
      return;
    }
    if (!press.long && entity) this.activate(entity);
  }

  /** A tap: a light or switch toggles, anything else opens its detail. */
  private activate(entity: EntityState) {
    if (TOGGLES.has(entity.domain)) sendCommand(this, entity.id, 'toggle');
    else this.dispatchEvent(navigateEvent(routePath({ page: 'entity', id: entity.id })));
  }

  // —— pan and pinch on the background ——

  private down(e: PointerEvent) {
    if (this._drawing) return;
    (e.currentTarget as HTMLElement).setPointerCapture(e.pointerId);
    this.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
  }

  private move(e: PointerEvent) {
    const last = this.pointers.get(e.pointerId);
    if (!last) return;
    const points = [...this.pointers.entries()];
    if (points.length === 2) {
      const other = points.find(([id]) => id !== e.pointerId)![1];
      const before = Math.hypot(last.x - other.x, last.y - other.y);
      const after = Math.hypot(e.clientX - other.x, e.clientY - other.y);
      const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
      if (before > 0) this._view = zoomAbout(this._view, after / before, (e.clientX + other.x) / 2 - box.left, (e.clientY + other.y) / 2 - box.top);
    } else if (this._view.scale > 1) {
      this._view = { ...this._view, x: this._view.x + e.clientX - last.x, y: this._view.y + e.clientY - last.y };
    }
    this.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
  }

  private up(e: PointerEvent) {
    this.pointers.delete(e.pointerId);
  }

  private wheel(e: WheelEvent) {
    e.preventDefault();
    const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
    this._view = zoomAbout(this._view, e.deltaY < 0 ? 1.15 : 1 / 1.15, e.clientX - box.left, e.clientY - box.top);
  }

  private async pin(area: string) {
    try {
      await this.api.pinMe(area || null);
    } catch (err) {
      this._error = errorText(err);
    }
  }

  // —— rendering ——

  private toolbar(plan: Floorplan) {
    const mine = this.people.find((p) => p.userId === this.user?.id)?.area ?? '';
    const levels = this._plans ?? [];
    const unplaced = this.entities.filter((e) => !plan.items.some((i) => i.entityId === e.id) && e.attributes.hidden !== true);
    return html`<div class="bar">
      ${levels.length > 1 && !this._draft
        ? html`<div class="levels" role="group" aria-label=${msg('Level', { id: 'plan.level' })}>${levels.map(
            (p) => html`<button aria-pressed=${p.level === this._level ? 'true' : 'false'} @click=${() => (this._level = p.level)}>${p.name}</button>`,
          )}</div>`
        : nothing}
      ${this._draft
        ? html`<button @click=${() => this.undo()} ?disabled=${!this._undo.length}>${msg('Undo', { id: 'plan.undo' })}</button>
            <button aria-pressed=${this._drawing ? 'true' : 'false'} @click=${() => ((this._drawing = !this._drawing), (this._corners = []))}>${msg('Draw room', { id: 'plan.draw-room' })}</button>
            ${this._drawing
              ? html`<label>${msg('Room', { id: 'plan.room' })} <select class="room-area" @change=${(e: Event) => this.finishRoom((e.target as HTMLSelectElement).value)} ?disabled=${this._corners.length < 3}>
                  <option value="">${this._corners.length < 3 ? msg('tap 3+ corners', { id: 'plan.tap-corners' }) : msg('pick its area', { id: 'plan.pick-area' })}</option>
                  ${this.areas.map((a) => html`<option value=${a}>${titleCase(a)}</option>`)}</select></label>`
              : nothing}
            <label>${msg('Add', { id: 'plan.add' })} <select class="add-device" @change=${(e: Event) => {
              this.place((e.target as HTMLSelectElement).value);
              (e.target as HTMLSelectElement).value = '';
            }}><option value="">${msg('device…', { id: 'plan.device' })}</option>${unplaced.map((e) => html`<option value=${e.id}>${e.name}</option>`)}</select></label>
            <label class="upload">${msg('Background picture…', { id: 'floorplan.background-upload' })}
              <input type="file" accept=${BACKGROUND_TYPES.join(',')} @change=${(e: Event) => this.upload(e.target as HTMLInputElement)} /></label>
            ${plan.background.image
              ? html`<button @click=${() => void this.setBackground((id) => this.api.removeFloorplanImage(id))}>${msg('Remove picture', { id: 'floorplan.background-remove' })}</button>`
              : nothing}
            <button class="primary" @click=${() => void this.save()}>${msg('Save', { id: 'common.save' })}</button>
            <button @click=${() => this.stopEditing()}>${msg('Cancel', { id: 'common.cancel' })}</button>
            <p class="muted hint">${msg('Drag a device to move it. Tap a room to remove it. Draw room: tap its corners on the grid, then pick its area.', { id: 'plan.edit-hint' })}</p>`
        : html`<label>${msg('I am here', { id: 'plan.i-am-here' })} <select class="pin" @change=${(e: Event) => void this.pin((e.target as HTMLSelectElement).value)}>
              <option value="" ?selected=${!mine}>—</option>
              ${this.areas.map((a) => html`<option value=${a} ?selected=${a === mine}>${titleCase(a)}</option>`)}</select></label>
            ${this._view.scale > 1 ? html`<button @click=${() => (this._view = { scale: 1, x: 0, y: 0 })}>${msg('Fit', { id: 'plan.fit' })}</button>` : nothing}
            ${this.admin ? html`<button @click=${() => this.startEditing()}>${msg('Edit plan', { id: 'plan.edit' })}</button>` : nothing}`}
    </div>`;
  }

  private rooms(plan: Floorplan, entities: EntityState[]) {
    const { columns, rows } = plan.grid;
    const editing = Boolean(this._draft);
    return svg`
      ${editing ? svg`<defs><pattern id="grid" width="1" height="1" patternUnits="userSpaceOnUse"><path d="M1 0H0V1" class="gridline"/></pattern></defs>
        <rect width=${columns} height=${rows} fill="url(#grid)"/>` : nothing}
      ${plan.rooms.map((room, i) => {
        const { tint } = summariseRoom(room.area, entities);
        return svg`<polygon class="room tint-${tint}" data-area=${room.area} points=${room.polygon.map((p) => p.join(',')).join(' ')}
          @click=${() => editing && !this._drawing && this.edit((d) => d.rooms.splice(i, 1))}><title>${room.label ?? titleCase(room.area)}</title></polygon>`;
      })}
      ${this._corners.length ? svg`<polyline class="drawing" points=${this._corners.map((p) => p.join(',')).join(' ')}/>
        ${this._corners.map(([x, y]) => svg`<circle class="corner" cx=${x} cy=${y} r="0.35"/>`)}` : nothing}`;
  }

  private labels(plan: Floorplan, entities: EntityState[]) {
    return plan.rooms.map((room) => {
      const [x, y] = labelPoint(room.polygon);
      const s = summariseRoom(room.area, entities);
      const here = this.people.filter((p) => p.area === room.area);
      return html`<div class="label" data-area=${room.area} style="left:${(x / plan.grid.columns) * 100}%;top:${(y / plan.grid.rows) * 100}%">
        <strong>${room.label ?? titleCase(room.area)}</strong>
        <span>${s.temperature ?? ''}${s.lightsOn ? html` · ${s.lightsOn} light${s.lightsOn > 1 ? 's' : ''} on` : nothing}</span>
        ${here.length ? html`<span class="people">${here.map((p) => html`<span class="person" title=${msg(str`${p.username} is here`, { id: 'plan.is-here' })}>${p.username}</span>`)}</span>` : nothing}
      </div>`;
    });
  }

  private items(plan: Floorplan, byId: Map<string, EntityState>) {
    return repeat(plan.items, (i) => i.entityId, (item) => {
      const e = byId.get(item.entityId);
      const name = e?.name ?? item.entityId;
      const toggles = e && TOGGLES.has(e.domain);
      return html`<button class="item ${e && isActive(e) ? 'on' : ''} ${this.pending.has(item.entityId) ? 'pending' : ''} ${e?.available === false ? 'unavailable' : ''}"
        data-entity=${item.entityId} style="left:${item.x * 100}%;top:${item.y * 100}%"
        aria-label=${`${name}: ${e ? formatState(e) : msg('Unknown', { id: 'state.unknown' })}`} aria-pressed=${toggles ? (e.state === 'on' ? 'true' : 'false') : nothing}
        title=${name} @pointerdown=${(ev: PointerEvent) => this.itemDown(ev, item.entityId)} @pointermove=${(ev: PointerEvent) => this.itemMove(ev)}
        @pointerup=${() => this.itemUp(e)} @pointercancel=${() => (this.press = undefined)} @click=${(ev: MouseEvent) => ev.detail === 0 && e && !this._draft && this.activate(e)}
        @contextmenu=${(ev: Event) => ev.preventDefault()}>${e ? icon(iconFor(e)) : '?'}</button>`;
    });
  }

  /** The weather outside sits under the house, as on a window sill. */
  private weather() {
    const shown = this.entities.filter((e) => e.domain === 'weather' && e.attributes.hidden !== true);
    return shown.length ? html`<div class="weather">${shown.map((e) => cardFor(e))}</div>` : nothing;
  }

  override render() {
    if (this._plans === undefined) return html`<p class="muted" role="status">${this._error || msg('Loading the plan…', { id: 'plan.loading' })}</p>`;
    const plan = this.plan;
    if (!plan) {
      return html`<div class="panel empty"><h2>${msg('No floor plan yet', { id: 'plan.empty' })}</h2>
        ${this.admin ? html`<p class="muted">${msg('Draw the rooms on a grid and place the devices.', { id: 'plan.empty-hint' })}</p><button class="primary" @click=${() => void this.create()}>${msg('Draw a plan', { id: 'plan.draw' })}</button>` : html`<p class="muted">${msg('An admin can draw one.', { id: 'plan.admin-only' })}</p>`}
        ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}</div>`;
    }
    const byId = new Map(this.entities.map((e) => [e.id, e]));
    const { columns, rows } = plan.grid;
    const { scale, x, y } = this._view;
    return html`${this.toolbar(plan)}
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}
      <div class="viewport ${this._draft ? 'editing' : ''}" @pointerdown=${this.down} @pointermove=${this.move} @pointerup=${this.up} @pointercancel=${this.up} @wheel=${this.wheel}>
        <div class="stage" style="aspect-ratio:${columns} / ${rows};transform:translate(${x}px, ${y}px) scale(${scale})" aria-label=${plan.name} role="group">
          ${plan.background.image ? html`<img class="background" src=${plan.background.image.url} alt="" draggable="false" />` : nothing}
          <svg class="rooms" viewBox="0 0 ${columns} ${rows}" preserveAspectRatio="none" @pointerdown=${(e: PointerEvent) => this._drawing && (e.stopPropagation(), this.addCorner(e))}>
            ${this.rooms(plan, this.entities)}
          </svg>
          ${this.labels(plan, this.entities)}
          ${this.items(plan, byId)}
        </div>
      </div>
      ${this.weather()}`;
  }
}
customElements.define('hearth-floorplan-view', HearthFloorplanView);
