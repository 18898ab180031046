import { css } from 'lit';

/** Design tokens, set once on the app; custom properties inherit through every shadow root. */
export const theme = css`
  :host {
    --bg: #f5f6f8;
    --surface: #ffffff;
    --surface-2: #eef0f3;
    --text: #1b1f24;
    --muted: #5c6570;
    --border: #dde1e6;
    --accent: #ad4c16; /* 4.7:1 on --accent-soft, 5.5:1 under white text (WCAG AA) */
    --accent-text: #ffffff;
    --accent-soft: #fdeadf;
    --on: #e8a317;
    --on-soft: #fff4d6;
    --ok: #1f7a4d;
    --danger: #b42318;
    --danger-soft: #fde7e5;
    --focus: #2563eb;
    --radius: 16px;
    --radius-sm: 10px;
    --shadow: 0 1px 2px rgb(16 24 40 / 6%), 0 1px 3px rgb(16 24 40 / 10%);
    --font: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
    color-scheme: light dark;
    font-family: var(--font);
    color: var(--text);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --bg: #121417;
      --surface: #1c1f24;
      --surface-2: #262a30;
      --text: #e6e8eb;
      --muted: #a0a8b3;
      --border: #323840;
      --accent: #f08c4a;
      --accent-text: #1b1108;
      --accent-soft: #3a2516;
      --on: #f5b93a;
      --on-soft: #3a2f14;
      --ok: #4ccf8e;
      --danger: #ff7b6e;
      --danger-soft: #3d1a17;
      --focus: #7aa7ff;
      --shadow: none;
    }
  }
`;

/** Controls shared by every view and card. */
export const controls = css`
  :host { box-sizing: border-box; }
  *, *::before, *::after { box-sizing: inherit; }
  button, input, select, textarea { font: inherit; color: inherit; }
  button {
    border: 1px solid var(--border); background: var(--surface); border-radius: var(--radius-sm);
    padding: 0.5rem 0.9rem; cursor: pointer; min-height: 40px;
  }
  button:hover:not(:disabled) { background: var(--surface-2); }
  button:disabled { opacity: 0.5; cursor: default; }
  button.primary { background: var(--accent); color: var(--accent-text); border-color: var(--accent); font-weight: 600; }
  button.primary:hover:not(:disabled) { filter: brightness(1.08); background: var(--accent); }
  button.danger { color: var(--danger); }
  :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
  input, select, textarea {
    background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius-sm);
    padding: 0.5rem 0.7rem; min-height: 40px; max-width: 100%;
  }
  label { display: grid; gap: 0.3rem; font-size: 0.9rem; color: var(--muted); }
  h1, h2, h3 { margin: 0; font-weight: 650; letter-spacing: -0.01em; }
  .panel { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 1rem; box-shadow: var(--shadow); }
  .muted { color: var(--muted); }
  .error { color: var(--danger); background: var(--danger-soft); border-radius: var(--radius-sm); padding: 0.6rem 0.8rem; }
  .row { display: flex; gap: 0.6rem; align-items: center; flex-wrap: wrap; }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  table { width: 100%; border-collapse: collapse; font-size: 0.92rem; }
  th, td { text-align: left; padding: 0.5rem 0.4rem; border-bottom: 1px solid var(--border); }
  th { color: var(--muted); font-weight: 600; }
  .chip { display: inline-block; padding: 0.1rem 0.55rem; border-radius: 999px; font-size: 0.8rem; background: var(--surface-2); }
  .chip.ok { color: var(--ok); }
  .chip.bad { color: var(--danger); background: var(--danger-soft); }
`;
