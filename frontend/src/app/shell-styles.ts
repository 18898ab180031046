import { css } from 'lit';

export const shellStyles = css`
  :host { display: block; min-height: 100dvh; background: var(--bg); }
  .layout { display: grid; grid-template-columns: 1fr; min-height: 100dvh; }
  header.top { display: flex; align-items: center; justify-content: space-between; gap: 1rem; padding: 0.8rem 1rem; position: sticky; top: 0; z-index: 2;
    background: color-mix(in srgb, var(--bg) 88%, transparent); backdrop-filter: blur(8px); }
  .brand { display: flex; align-items: center; gap: 0.5rem; font-weight: 700; font-size: 1.1rem; }
  .brand svg { width: 26px; height: 26px; fill: var(--accent); }
  .who { display: flex; align-items: center; gap: 0.6rem; font-size: 0.9rem; }
  main { padding: 0 1rem 6rem; max-width: 1200px; width: 100%; margin: 0 auto; }
  main > h1 { margin: 0.4rem 0 1rem; font-size: 1.5rem; }
  @media (max-width: 600px) { main { padding: 0 0.75rem 6rem; } }
  .content { min-width: 0; }
  nav.main { position: fixed; bottom: 0; left: 0; right: 0; z-index: 3;
    background: var(--surface); border-top: 1px solid var(--border); padding: 0.3rem 0 calc(0.3rem + env(safe-area-inset-bottom)); }
  nav.main .links { display: flex; justify-content: space-around; }
  nav.main a { display: grid; justify-items: center; gap: 0.15rem; color: var(--muted); text-decoration: none; font-size: 0.72rem; padding: 0.3rem 0.15rem; border-radius: var(--radius-sm); flex: 1 1 0; min-width: 0; }
  /* seven links share 390 px: a long label is cut rather than overlapping its neighbour */
  nav.main a span:not(.badge) { max-width: 100%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  nav.main a svg { width: 24px; height: 24px; fill: currentColor; }
  nav.main a[aria-current='page'] { color: var(--accent); font-weight: 600; }
  nav.main a { position: relative; }
  nav.main .badge { position: absolute; top: 0; right: 0.4rem; min-width: 1.1rem; padding: 0 0.3rem; border-radius: 999px; background: var(--danger); color: var(--surface); font-size: 0.7rem; font-weight: 700; text-align: center; line-height: 1.1rem; }
  @media (min-width: 900px) {
    .layout { grid-template-columns: 220px 1fr; }
    /* The rail stretches with the page (its background reaches the bottom); its links stay in view. */
    nav.main { position: static; padding: 0; border-top: 0; border-right: 1px solid var(--border); }
    nav.main .links { position: sticky; top: 0; flex-direction: column; justify-content: flex-start; gap: 0.2rem; padding: 4.2rem 0.8rem 1rem; }
    nav.main a { display: flex; align-items: center; gap: 0.8rem; font-size: 0.95rem; padding: 0.65rem 0.8rem; flex: none; }
    nav.main a[aria-current='page'] { background: var(--accent-soft); }
    nav.main .badge { position: static; margin-left: auto; }
    main { padding-bottom: 2rem; }
    .content { grid-column: 2; grid-row: 1; }
    nav.main { grid-column: 1; grid-row: 1; }
  }
  .banner { display: flex; justify-content: center; align-items: center; gap: 0.8rem; padding: 0.5rem 1rem; background: var(--on-soft); color: var(--text); font-size: 0.9rem; }
  .toasts { position: fixed; left: 50%; transform: translateX(-50%); bottom: 5rem; display: grid; gap: 0.5rem; z-index: 10; width: min(92vw, 420px); }
  .toast { background: var(--text); color: var(--bg); padding: 0.7rem 1rem; border-radius: var(--radius-sm); box-shadow: var(--shadow); display: flex; justify-content: space-between; gap: 0.8rem; }
  .toast.notification { border-left: 0.35rem solid var(--accent); }
  .toast.notification.warning { border-left-color: var(--on); }
  .toast.notification.critical { border-left-color: var(--danger); }
  .toast a { color: inherit; }
  .toast button { background: transparent; color: inherit; border: 0; min-height: 0; padding: 0; text-decoration: underline; }
  .skip { position: absolute; left: -999px; }
  .skip:focus { left: 1rem; top: 1rem; z-index: 20; background: var(--surface); padding: 0.5rem; }
`;
