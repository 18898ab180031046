import { css } from 'lit';
import { controls } from '../styles/theme.js';

export const floorplanStyles = [
  controls,
  css`
    :host { display: block; }
    .bar { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; margin-bottom: 0.7rem; }
    .bar label { display: inline-flex; gap: 0.35rem; align-items: center; font-size: 0.9rem; }
    .levels { display: inline-flex; gap: 0.3rem; }
    .levels button[aria-pressed='true'], .bar button[aria-pressed='true'] { background: var(--accent-soft); border-color: var(--accent); }
    /* The plan owns its gestures: one finger pans a zoomed plan, two zoom it. */
    .viewport { overflow: hidden; touch-action: none; border-radius: var(--radius); border: 1px solid var(--border); background: var(--surface); user-select: none; -webkit-user-select: none; }
    .stage { position: relative; width: 100%; transform-origin: 0 0; }
    .background, .rooms { position: absolute; inset: 0; width: 100%; height: 100%; }
    .background { object-fit: fill; pointer-events: none; }
    .room { fill: var(--surface-2); stroke: var(--muted); stroke-width: 0.12; vector-effect: non-scaling-stroke; transition: fill 0.3s; }
    .background + .rooms .room { fill-opacity: 0.35; }
    .room.tint-light { fill: var(--on-soft); }
    .room.tint-open { fill: color-mix(in srgb, var(--focus) 18%, var(--surface)); }
    .room.tint-alarm { fill: var(--danger-soft); stroke: var(--danger); }
    .editing .room { cursor: not-allowed; }
    .gridline { fill: none; stroke: var(--border); stroke-width: 0.04; }
    .drawing { fill: none; stroke: var(--accent); stroke-width: 0.15; stroke-dasharray: 0.4 0.2; }
    .corner { fill: var(--accent); }
    .label { position: absolute; transform: translate(-50%, -50%); text-align: center; font-size: 0.72rem; line-height: 1.2; pointer-events: none; color: var(--text); }
    .label strong { display: block; font-size: 0.8rem; }
    .label span { display: block; color: var(--muted); }
    .people { display: flex; gap: 0.2rem; justify-content: center; margin-top: 0.15rem; }
    .person { background: var(--accent); color: var(--accent-text) !important; border-radius: 999px; padding: 0 0.4rem; font-weight: 600; }
    .item { position: absolute; transform: translate(-50%, -50%); width: 1.9rem; height: 1.9rem; padding: 0; border-radius: 50%; display: grid; place-items: center;
      background: var(--surface); border: 1px solid var(--border); box-shadow: var(--shadow); touch-action: none; color: var(--muted); }
    .item svg { width: 1.1rem; height: 1.1rem; fill: currentColor; }
    .item.on { background: var(--on-soft); border-color: var(--on); color: var(--text); }
    .item.pending { opacity: 0.6; }
    .item.unavailable { opacity: 0.4; border-style: dashed; }
    .editing .item { cursor: grab; outline: 2px dashed var(--accent); outline-offset: 1px; }
    /* The file input stays reachable by keyboard and screen readers, drawn as the label's button. */
    .bar .upload { position: relative; cursor: pointer; border: 1px solid var(--border); background: var(--surface); border-radius: var(--radius-sm); padding: 0.5rem 0.9rem; min-height: 40px; box-sizing: border-box; font-size: inherit; }
    .upload input { position: absolute; inset: 0; opacity: 0; cursor: pointer; width: 100%; }
    .upload:focus-within { outline: 2px solid var(--focus); outline-offset: 2px; }
    .weather { display: grid; gap: 0.7rem; margin-top: 0.9rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 260px), 1fr)); }
    .hint { flex-basis: 100%; margin: 0; font-size: 0.85rem; }
    .empty { text-align: center; padding: 2rem 1rem; }
  `,
];
