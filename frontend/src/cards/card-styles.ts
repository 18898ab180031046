import { css } from 'lit';

export const cardStyles = css`
  :host { display: block; }
  .card {
    display: grid; grid-template-columns: auto 1fr auto; gap: 0.4rem 0.75rem; align-items: center;
    background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius);
    padding: 0.85rem 0.9rem; box-shadow: var(--shadow); min-height: 76px; transition: background 0.2s, border-color 0.2s;
  }
  .card.active { background: var(--on-soft); border-color: color-mix(in srgb, var(--on) 45%, var(--border)); }
  /* dashed, not faded: faded text fails WCAG contrast, and the state already reads Unavailable */
  .card.unavailable { border-style: dashed; box-shadow: none; }
  .icon { width: 40px; height: 40px; border-radius: 12px; display: grid; place-items: center; background: var(--surface-2); color: var(--muted); border: 0; padding: 0; min-height: 0; }
  .active .icon { background: var(--on); color: #1b1108; }
  .icon svg { width: 22px; height: 22px; fill: currentColor; }
  .title { min-width: 0; }
  /* Two lines before an ellipsis: "Living room temperature" fits a phone card whole. */
  .name { font-weight: 600; overflow: hidden; display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; line-height: 1.25;
    overflow-wrap: anywhere; color: inherit; text-decoration: none; }
  a.name:hover { text-decoration: underline; }
  .state { color: var(--muted); font-size: 0.88rem; font-variant-numeric: tabular-nums; }
  .extra { grid-column: 1 / -1; }
  .pending .state::after { content: ' …'; }
  /* A slider with a filled track up to --fill (set inline) and a round thumb, the same in every browser. */
  input[type='range'] { -webkit-appearance: none; appearance: none; width: 100%; height: 28px; min-height: 28px; margin: 0; padding: 0; border: 0;
    background: transparent; cursor: pointer; --track: linear-gradient(to right, var(--on) var(--fill, 0%), var(--surface-2) var(--fill, 0%)); }
  input[type='range']::-webkit-slider-runnable-track { height: 8px; border-radius: 4px; background: var(--track); box-shadow: inset 0 0 0 1px var(--border); }
  input[type='range']::-moz-range-track { height: 8px; border-radius: 4px; background: var(--track); box-shadow: inset 0 0 0 1px var(--border); }
  input[type='range']::-webkit-slider-thumb { -webkit-appearance: none; width: 22px; height: 22px; margin-top: -7px; border-radius: 50%;
    background: #fff; border: 2px solid var(--on); box-shadow: 0 1px 3px rgb(0 0 0 / 30%); }
  input[type='range']::-moz-range-thumb { width: 18px; height: 18px; border-radius: 50%; background: #fff; border: 2px solid var(--on); box-shadow: 0 1px 3px rgb(0 0 0 / 30%); }
  input[type='range']:disabled { cursor: default; opacity: 0.6; }
  input[type='range']:focus-visible { outline: none; }
  input[type='range']:focus-visible::-webkit-slider-thumb { outline: 3px solid var(--focus); outline-offset: 2px; }
  .switch { position: relative; width: 52px; height: 30px; border-radius: 999px; border: 1px solid var(--border); background: var(--surface-2); padding: 0; min-height: 0; }
  .switch::after { content: ''; position: absolute; top: 3px; left: 3px; width: 22px; height: 22px; border-radius: 50%; background: var(--muted); transition: transform 0.15s; }
  .switch[aria-checked='true'] { background: var(--on); border-color: var(--on); }
  .switch[aria-checked='true']::after { transform: translateX(22px); background: #fff; }
  .switch:hover:not(:disabled) { background: var(--surface-2); }
  .switch[aria-checked='true']:hover:not(:disabled) { background: var(--on); }
  .value { font-size: 1.35rem; font-weight: 650; font-variant-numeric: tabular-nums; }
  /* A row of small buttons (icon or short word) under the name, then any field or slider. */
  .controls { grid-column: 1 / -1; display: flex; align-items: center; gap: 0.5rem 0.75rem; flex-wrap: wrap; }
  .buttons { display: flex; gap: 0.3rem; flex: none; flex-wrap: wrap; }
  .buttons button, button.action { min-width: 40px; height: 36px; padding: 0 0.65rem; display: inline-grid; place-items: center; cursor: pointer;
    color: var(--text); background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius-sm); font: inherit; }
  .buttons button:hover:not(:disabled), button.action:hover:not(:disabled) { background: var(--surface-2); }
  .buttons button:disabled, button.action:disabled { opacity: 0.45; cursor: default; }
  .buttons svg { width: 22px; height: 22px; fill: currentColor; }
  button:focus-visible, select:focus-visible, input:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
  select, input[type='number'], input[type='password'] { font: inherit; color: var(--text); background: var(--surface); border: 1px solid var(--border);
    border-radius: var(--radius-sm); min-height: 36px; padding: 0.25rem 0.5rem; max-width: 100%; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
