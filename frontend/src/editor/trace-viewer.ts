import { LitElement, css, html } from 'lit';
import type { Trace } from '../api/index.js';
import { formatDuration, formatTime } from '../lib/format.js';
import { controls } from '../styles/theme.js';
import { msg, str } from '../lib/i18n.js';

/** The last runs of an automation, each a timeline of its steps with result and time. */
export class HearthTraceViewer extends LitElement {
  static override properties = { traces: { attribute: false } };
  static override styles = [
    controls,
    css`
      details { margin-bottom: 0.6rem; }
      summary { cursor: pointer; display: flex; gap: 0.6rem; align-items: center; flex-wrap: wrap; }
      ol { list-style: none; margin: 0.8rem 0 0; padding: 0 0 0 1rem; border-left: 2px solid var(--border); }
      li { position: relative; padding: 0 0 0.8rem 0.8rem; }
      li::before { content: ''; position: absolute; left: -1.42rem; top: 0.35rem; width: 10px; height: 10px; border-radius: 50%; background: var(--accent); }
      li.failed::before { background: var(--danger); }
      pre { margin: 0.2rem 0 0; font-size: 0.8rem; white-space: pre-wrap; color: var(--muted); }
    `,
  ];
  declare traces: Trace[] | undefined;

  override render() {
    if (!this.traces) return html`<p class="muted">${msg('Loading…', { id: 'app.loading' })}</p>`;
    if (this.traces.length === 0) return html`<p class="muted">${msg('It has not run yet.', { id: 'trace.not-run' })}</p>`;
    return this.traces.map((t, i) => {
      const failed = t.outcome === 'error' || t.outcome === 'aborted';
      return html`<details class="panel trace" ?open=${i === 0}>
        <summary><strong>${formatTime(t.startedAt)}</strong><span class="chip ${failed ? 'bad' : 'ok'}">${outcomeWord(t.outcome)}</span>
          <span class="muted">${t.steps.length === 1 ? msg('1 step', { id: 'trace.one-step' }) : msg(str`${t.steps.length} steps`, { id: 'trace.steps' })}${t.resumed ? ` · ${msg('resumed after a restart', { id: 'trace.resumed' })}` : ''}</span></summary>
        ${t.reason ? html`<div class=${failed ? 'error' : 'muted'} role=${failed ? 'alert' : 'note'}>${t.reason}</div>` : ''}
        <ol>
          <li><strong>${msg('Triggered', { id: 'trace.triggered' })}</strong><pre>${JSON.stringify(t.trigger, null, 1)}</pre></li>
          ${t.steps.map((s) => html`<li class=${s.error ? 'failed' : ''}><strong>${s.alias ?? `${s.action} (${s.path})`}</strong>
            <span class="muted">${formatTime(s.startedAt)}${s.endedAt ? ` · ${formatDuration(Date.parse(s.endedAt) - Date.parse(s.startedAt))}` : ''}</span>
            ${s.error ? html`<pre>${s.error}</pre>` : s.result !== undefined ? html`<pre>${JSON.stringify(s.result)}</pre>` : ''}</li>`)}
        </ol></details>`;
    });
  }
}
customElements.define('hearth-trace-viewer', HearthTraceViewer);

function outcomeWord(outcome: Trace['outcome']): string {
  switch (outcome) {
    case 'completed': return msg('completed', { id: 'trace.completed' });
    case 'stopped': return msg('stopped', { id: 'trace.stopped' });
    case 'conditions_failed': return msg('conditions not met', { id: 'trace.conditions-failed' });
    case 'error': return msg('failed', { id: 'trace.failed' });
    case 'aborted': return msg('aborted', { id: 'trace.aborted' });
  }
}
