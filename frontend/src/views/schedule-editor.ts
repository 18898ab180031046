import { LitElement, css, html, nothing } from 'lit';
import type { HttpClient, Schedule, User } from '../api/index.js';
import { errorText } from '../lib/errors.js';
import { LEAVE_EVENT, unsavedMessage } from '../lib/leave.js';
import { presetName, weekdayName } from '../lib/format.js';
import {
  DAYS, PRESETS, SNAP_MIN, WEEKDAYS, addBlock, copyDay, minutesToPercent, moveBlock, parseValue, toMinutes, xToMinutes, type Day, type Week,
} from '../lib/schedule-grid.js';
import { controls } from '../styles/theme.js';
import { msg } from '../lib/i18n.js';

const HOURS = [0, 6, 12, 18, 24];

/** YYYY-MM-DD in local time, as exceptions are dated. */
function localDate(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A row of the grid: a weekday, or the exception at this index (a dated day that replaces its weekday). */
type Row = Day | number;
type Blocks = Week[Day];

/** A pointer gesture in progress: drawing a new block, or moving block `index` of `day`. */
type Gesture =
  | { kind: 'draw'; day: Row; start: number; end: number }
  | { kind: 'move'; day: Row; index: number; startX: number; width: number; delta: number; moved: boolean };

/**
 * The week-grid schedule editor (lazy-loaded at /schedules/<id>): rows are days, 0–24 h, 15-minute snapping,
 * then the exceptions (dated days) drawn the same way.
 * Pointer events, so a finger draws and drags as a mouse does; the rows take `touch-action: none` so a drag is not a scroll.
 */
export class HearthScheduleEditor extends LitElement {
  static override properties = {
    api: { attribute: false }, user: { attribute: false }, scheduleId: { type: String },
    _schedule: { state: true }, _week: { state: true }, _exceptions: { state: true }, _selected: { state: true }, _gesture: { state: true },
    _error: { state: true }, _saved: { state: true }, _busy: { state: true }, _dirty: { state: true }, _copyFrom: { state: true }, _copyTo: { state: true },
  };
  static override styles = [
    controls,
    css`
      :host { display: block; }
      .grid { display: grid; gap: 0.35rem; margin: 0.75rem 0; }
      .line { display: grid; grid-template-columns: 2.5rem 1fr; align-items: center; gap: 0.35rem; }
      .track { position: relative; height: 2.75rem; border-radius: 6px; background: var(--surface-2); border: 1px solid var(--border); touch-action: none; user-select: none; cursor: crosshair; }
      .track.readonly { cursor: default; }
      .block { position: absolute; top: 3px; bottom: 3px; min-width: 4px; padding: 0 2px; border: 0; border-radius: 4px; overflow: hidden;
        background: var(--accent); color: var(--accent-text); font-size: 0.7rem; line-height: 1.1; text-align: left; cursor: grab; touch-action: none; }
      .block.selected { outline: 3px solid var(--focus); outline-offset: 1px; }
      .block.preview { opacity: 0.55; pointer-events: none; }
      .hours { display: flex; justify-content: space-between; margin-left: 2.85rem; font-size: 0.7rem; color: var(--muted); }
      .muted { color: var(--muted); }
      .bar { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin: 0.5rem 0; }
      .value input { width: 6rem; }
      .error { color: var(--danger); }
      fieldset { border: 1px solid var(--border); border-radius: 6px; margin: 0.5rem 0; padding: 0.5rem 0.75rem; }
      fieldset label { display: inline-flex; align-items: center; gap: 0.25rem; color: var(--text); }
    `,
  ];
  declare api: HttpClient;
  declare user: User | undefined;
  declare scheduleId: string;
  declare _schedule: Schedule | undefined;
  declare _week: Week | undefined;
  declare _exceptions: Schedule['exceptions'];
  declare _selected: { day: Row; index: number } | undefined;
  declare _gesture: Gesture | undefined;
  declare _error: string;
  declare _saved: boolean;
  declare _busy: boolean;
  /** Changed since loaded or saved: leaving asks first. */
  declare _dirty: boolean;
  declare _copyFrom: Day;
  declare _copyTo: ReadonlySet<Day>;

  constructor() {
    super();
    this._error = '';
    this._saved = false;
    this._busy = false;
    this._dirty = false;
    this._copyFrom = 'mon';
    this._copyTo = new Set(WEEKDAYS);
  }

  private readonly onLeave = (ev: Event) => {
    if (this._dirty && !confirm(unsavedMessage())) ev.preventDefault();
  };

  /** Reload, closing the tab, typing another address: the browser asks in its own words. */
  private readonly onUnload = (ev: BeforeUnloadEvent) => {
    if (!this._dirty) return;
    ev.preventDefault();
    ev.returnValue = '';
  };

  override connectedCallback() {
    super.connectedCallback();
    window.addEventListener(LEAVE_EVENT, this.onLeave);
    window.addEventListener('beforeunload', this.onUnload);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener(LEAVE_EVENT, this.onLeave);
    window.removeEventListener('beforeunload', this.onUnload);
  }

  /** Every edit: not saved any more, and leaving would lose it. */
  private changed() {
    this._saved = false;
    this._dirty = true;
  }

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('scheduleId') && this.api) void this.load();
  }

  private async load() {
    this._schedule = undefined;
    this._error = '';
    try {
      const s = await this.api.schedule(this.scheduleId);
      this._schedule = s;
      this._week = s.days;
      this._exceptions = s.exceptions;
      this._selected = undefined;
      this._dirty = false;
    } catch (err) {
      this._error = errorText(err);
    }
  }

  private get editable(): boolean {
    return !!this._schedule && !this._schedule.readOnly && !!this.user && this.user.role !== 'member';
  }

  private blocksOf(row: Row): Blocks {
    return typeof row === 'number' ? (this._exceptions[row]?.blocks ?? []) : this._week![row];
  }

  private setDay(row: Row, blocks: Blocks) {
    if (typeof row === 'number') this._exceptions = this._exceptions.map((x, i) => (i === row ? { ...x, blocks } : x));
    else this._week = { ...this._week!, [row]: blocks };
    this.changed();
  }

  private rowName(row: Row): string {
    return typeof row === 'number' ? (this._exceptions[row]?.date ?? '') : weekdayName(row);
  }

  /** A new exception starts empty on the first free date from tomorrow on. */
  private addException() {
    const taken = new Set(this._exceptions.map((x) => x.date));
    const day = new Date();
    do day.setDate(day.getDate() + 1);
    while (taken.has(localDate(day)));
    this._exceptions = [...this._exceptions, { date: localDate(day), blocks: [] }];
    this._selected = undefined;
    this.changed();
  }

  private setExceptionDate(index: number, date: string) {
    if (!date) return;
    this._exceptions = this._exceptions.map((x, i) => (i === index ? { ...x, date } : x));
    this.changed();
  }

  private removeException(index: number) {
    this._exceptions = this._exceptions.filter((_, i) => i !== index);
    this._selected = undefined;
    this.changed();
  }

  private trackX(ev: PointerEvent, track: HTMLElement) {
    const rect = track.getBoundingClientRect();
    return { x: ev.clientX - rect.left, width: rect.width };
  }

  private onTrackDown(ev: PointerEvent, day: Row) {
    if (!this.editable || ev.button !== 0) return;
    const track = ev.currentTarget as HTMLElement;
    track.setPointerCapture(ev.pointerId);
    const { x, width } = this.trackX(ev, track);
    const at = xToMinutes(x, width);
    this._gesture = { kind: 'draw', day, start: at, end: at };
  }

  private onBlockDown(ev: PointerEvent, day: Row, index: number) {
    ev.stopPropagation();
    this._selected = { day, index };
    if (!this.editable || ev.button !== 0) return;
    const track = (ev.currentTarget as HTMLElement).parentElement!;
    track.setPointerCapture(ev.pointerId);
    const { x, width } = this.trackX(ev, track);
    this._gesture = { kind: 'move', day, index, startX: x, width, delta: 0, moved: false };
  }

  private onTrackMove(ev: PointerEvent) {
    const g = this._gesture;
    if (!g) return;
    const { x, width } = this.trackX(ev, ev.currentTarget as HTMLElement);
    if (g.kind === 'draw') this._gesture = { ...g, end: xToMinutes(x, width) };
    else this._gesture = { ...g, delta: ((x - g.startX) / g.width) * 24 * 60, moved: g.moved || Math.abs(x - g.startX) > 4 };
  }

  private onTrackUp() {
    const g = this._gesture;
    this._gesture = undefined;
    if (!g || !this._week) return;
    const blocks = this.blocksOf(g.day);
    if (g.kind === 'draw') {
      // A tap (no drag) draws an hour from where the finger landed.
      const end = g.end === g.start ? g.start + 60 : g.end;
      const next = addBlock(blocks, g.start, end, this.currentValue());
      if (!next) return;
      this.setDay(g.day, next);
      this._selected = { day: g.day, index: next.findIndex((b) => toMinutes(b.from) === Math.min(g.start, end)) };
      return;
    }
    if (!g.moved) return;
    const next = moveBlock(blocks, g.index, g.delta);
    if (!next) return;
    this.setDay(g.day, next);
    // moveBlock keeps the other blocks as they were, so the moved one is the only new object.
    this._selected = { day: g.day, index: next.findIndex((b) => !blocks.includes(b)) };
  }

  /** ← / → move the focused block by one step, for those who do not drag. */
  private onBlockKey(ev: KeyboardEvent, day: Row, index: number) {
    const step = ev.key === 'ArrowLeft' ? -SNAP_MIN : ev.key === 'ArrowRight' ? SNAP_MIN : 0;
    if (!step || !this.editable) return;
    ev.preventDefault();
    const next = moveBlock(this.blocksOf(day), index, step);
    if (!next) return;
    // A move never passes another block, so the index stays the same and so does focus.
    this.setDay(day, next);
    this._selected = { day, index };
  }

  /** New blocks take the value of the selected one, so drawing several of the same preset is quick. */
  private currentValue(): string | number {
    const s = this._selected;
    return (s && this.blocksOf(s.day)[s.index]?.value) ?? 'comfort';
  }

  private setValue(text: string) {
    const s = this._selected;
    if (!s || !this._week || text.trim() === '') return;
    const value = parseValue(text);
    this.setDay(s.day, this.blocksOf(s.day).map((b, i) => (i === s.index ? { ...b, value } : b)));
  }

  private removeSelected() {
    const s = this._selected;
    if (!s || !this._week) return;
    this.setDay(s.day, this.blocksOf(s.day).filter((_, i) => i !== s.index));
    this._selected = undefined;
  }

  private copyDays() {
    if (!this._week) return;
    this._week = copyDay(this._week, this._copyFrom, [...this._copyTo]);
    this.changed();
  }

  private toggleCopyTo(day: Day, on: boolean) {
    const next = new Set(this._copyTo);
    if (on) next.add(day);
    else next.delete(day);
    this._copyTo = next;
  }

  private async save() {
    const s = this._schedule;
    if (!s || !this._week) return;
    this._busy = true;
    this._error = '';
    try {
      this._schedule = await this.api.saveSchedule(s.id, { ...(s.name !== undefined && { name: s.name }), days: this._week, exceptions: this._exceptions });
      this._week = this._schedule.days;
      this._exceptions = this._schedule.exceptions;
      this._saved = true;
      this._dirty = false;
    } catch (err) {
      this._error = errorText(err);
    } finally {
      this._busy = false;
    }
  }

  private renderBlocks(day: Row) {
    const g = this._gesture;
    const blocks = this.blocksOf(day);
    const shown = g?.kind === 'move' && g.day === day && g.moved ? (moveBlock(blocks, g.index, g.delta) ?? blocks) : blocks;
    const sel = this._selected;
    return html`${shown.map((b, i) => {
      const from = toMinutes(b.from);
      const to = toMinutes(b.to);
      const label = `${this.rowName(day)} ${b.from}–${b.to}${b.value !== undefined ? ` ${String(b.value)}` : ''}`;
      return html`<button class="block ${sel?.day === day && sel.index === i ? 'selected' : ''}" aria-label=${label} title=${label}
        style="left:${minutesToPercent(from)}%;width:${minutesToPercent(to - from)}%"
        @pointerdown=${(ev: PointerEvent) => this.onBlockDown(ev, day, i)} @click=${() => (this._selected = { day, index: i })}
        @keydown=${(ev: KeyboardEvent) => this.onBlockKey(ev, day, i)}>${b.value ?? ''}</button>`;
    })}
    ${g?.kind === 'draw' && g.day === day && g.end !== g.start
      ? html`<div class="block preview" style="left:${minutesToPercent(Math.min(g.start, g.end))}%;width:${minutesToPercent(Math.abs(g.end - g.start))}%"></div>`
      : nothing}`;
  }

  private renderSelected() {
    const s = this._selected;
    const block = s && this._week && this.blocksOf(s.day)[s.index];
    if (!s || !block || !this.editable) return nothing;
    const value = block.value === undefined ? '' : String(block.value);
    return html`<div class="bar value" role="group" aria-label=${msg('Selected block', { id: 'schedule.selected' })}>
      <span>${this.rowName(s.day)} ${block.from}–${block.to}</span>
      <select aria-label=${msg('Preset', { id: 'card.preset-placeholder' })} @change=${(ev: Event) => this.setValue((ev.target as HTMLSelectElement).value)}>
        ${(PRESETS as readonly string[]).includes(value) ? nothing : html`<option value="" selected disabled>${msg('Preset', { id: 'card.preset-placeholder' })}</option>`}
        ${PRESETS.map((p) => html`<option value=${p} ?selected=${p === value}>${presetName(p)}</option>`)}
      </select>
      <input aria-label=${msg('Value (preset or °C)', { id: 'schedule.value' })} .value=${value} @change=${(ev: Event) => this.setValue((ev.target as HTMLInputElement).value)} />
      <button @click=${() => this.removeSelected()}>${msg('Delete block', { id: 'schedule.delete-block' })}</button>
    </div>`;
  }

  private renderTrack(row: Row, editable: boolean) {
    return html`<div class="track ${editable ? '' : 'readonly'}" data-row=${String(row)} role="group" aria-label=${this.rowName(row)}
      @pointerdown=${(ev: PointerEvent) => this.onTrackDown(ev, row)} @pointermove=${(ev: PointerEvent) => this.onTrackMove(ev)}
      @pointerup=${() => this.onTrackUp()} @pointercancel=${() => (this._gesture = undefined)}>${this.renderBlocks(row)}</div>`;
  }

  /** Copy one day onto any chosen days (the source itself is left as it is). */
  private renderCopy() {
    return html`<fieldset>
      <legend>${msg('Copy a day', { id: 'schedule.copy-day' })}</legend>
      <div class="bar">
        <label>${msg('Copy', { id: 'schedule.copy' })} <select aria-label=${msg('Copy from', { id: 'schedule.copy-from' })} @change=${(ev: Event) => (this._copyFrom = (ev.target as HTMLSelectElement).value as Day)}>
          ${DAYS.map((d) => html`<option value=${d} ?selected=${d === this._copyFrom}>${weekdayName(d)}</option>`)}
        </select> ${msg('to', { id: 'schedule.copy-to-word' })}</label>
        <span role="group" aria-label=${msg('Copy to', { id: 'schedule.copy-to' })} class="bar">
          ${DAYS.map((d) => html`<label><input type="checkbox" .checked=${d !== this._copyFrom && this._copyTo.has(d)} ?disabled=${d === this._copyFrom}
            @change=${(ev: Event) => this.toggleCopyTo(d, (ev.target as HTMLInputElement).checked)} />${weekdayName(d)}</label>`)}
        </span>
        <button ?disabled=${[...this._copyTo].every((d) => d === this._copyFrom)} @click=${() => this.copyDays()}>${msg('Copy', { id: 'schedule.copy' })}</button>
      </div>
    </fieldset>`;
  }

  private renderExceptions(editable: boolean) {
    return html`<h2>${msg('Exceptions', { id: 'schedule.exceptions' })}</h2>
      <p class="muted">${msg('A dated day that replaces its weekday, such as a holiday.', { id: 'schedule.exceptions-hint' })}</p>
      <div class="grid">
        ${this._exceptions.map((x, i) => html`<div class="exception">
          <div class="bar">
            <input type="date" aria-label=${msg('Exception date', { id: 'schedule.exception-date' })} .value=${x.date} ?disabled=${!editable}
              @change=${(ev: Event) => this.setExceptionDate(i, (ev.target as HTMLInputElement).value)} />
            ${editable ? html`<button @click=${() => this.removeException(i)}>${msg('Remove exception', { id: 'schedule.remove-exception' })}</button>` : nothing}
          </div>
          ${this.renderTrack(i, editable)}
        </div>`)}
      </div>
      ${editable ? html`<button @click=${() => this.addException()}>${msg('Add exception', { id: 'schedule.add-exception' })}</button>` : nothing}`;
  }

  override render() {
    const s = this._schedule;
    if (!s || !this._week) return html`<h1>${msg('Schedule', { id: 'card.schedule' })}</h1>${this._error ? html`<p class="error" role="alert">${this._error}</p>` : html`<p class="muted">${msg('Loading…', { id: 'app.loading' })}</p>`}`;
    const editable = this.editable;
    return html`<h1>${s.name ?? s.id}</h1>
      ${s.readOnly ? html`<p class="muted">${msg('This schedule comes from the config file; edit it there.', { id: 'schedule.read-only' })}</p>`
        : editable ? html`<p class="muted">${msg('Drag on a day to draw a block, drag a block (or press ← →) to move it, tap it to set its value.', { id: 'schedule.hint' })}</p>` : nothing}
      <div class="hours" aria-hidden="true">${HOURS.map((h) => html`<span>${h}</span>`)}</div>
      <div class="grid">
        ${DAYS.map((day) => html`<div class="line"><span>${weekdayName(day)}</span>${this.renderTrack(day, editable)}</div>`)}
      </div>
      ${this.renderSelected()}
      ${editable ? this.renderCopy() : nothing}
      ${editable || this._exceptions.length ? this.renderExceptions(editable) : nothing}
      ${editable
        ? html`<div class="bar">
            <button class="primary" ?disabled=${this._busy} @click=${() => void this.save()}>${msg('Save', { id: 'common.save' })}</button>
            ${this._saved ? html`<span role="status">${msg('Saved', { id: 'common.saved' })}</span>` : this._dirty ? html`<span class="muted">${msg('Unsaved changes', { id: 'schedule.unsaved' })}</span>` : nothing}
          </div>`
        : nothing}
      ${this._error ? html`<p class="error" role="alert">${this._error}</p>` : nothing}`;
  }
}
customElements.define('hearth-schedule-editor', HearthScheduleEditor);
