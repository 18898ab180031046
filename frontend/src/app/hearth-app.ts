import { LitElement, html, nothing } from 'lit';
import { ApiError, createHttpClient, createLiveConnection, type AlertEvent, type DashboardNotification, type EntityEvent, type EntityState, type LiveStatus, type LogbookEntry, type LogbookEvent, type PersonLocation, type TraceEvent, type User } from '../api/index.js';
import type { CommandDetail } from '../cards/events.js';
import { icon } from '../cards/head.js';
import { errorText } from '../lib/errors.js';
import { storedNotifications, storeNotifications, withNotification, withoutNotification } from '../lib/notifications.js';
import { leaveAllowed } from '../lib/leave.js';
import { latestOf, predictState } from '../lib/optimistic.js';
import { parseRoute, type Route } from '../lib/router.js';
import { showLocale } from '../lib/show-locale.js';
import { mergeEntries, type LogbookNames } from '../lib/logbook.js';
import { logbookApiQuery, logbookFilterQuery, matchesFilter, parseLogbookFilter, type LogbookFilter } from '../lib/logbook-filter.js';
import { appendReading, downsampleMinMax, numericPoints, type Point } from '../lib/sparkline.js';
import { controls, theme } from '../styles/theme.js';
import '../views/automations-view.js';
import '../views/home-view.js';
import '../views/invite-view.js';
import type { AcceptInviteDetail } from '../views/invite-view.js';
import '../views/login-view.js';
import '../views/logbook-filters.js';
import '../views/logbook-view.js';
import '../views/settings-view.js';
import { navLinks } from './nav.js';
import { shellStyles } from './shell-styles.js';
import { msg, str } from '../lib/i18n.js';

type Phase = 'loading' | 'offline' | 'onboarding' | 'login' | 'ready';
interface Toast { id: number; text: string }

const BRAND = 'M12 2 2 10h3v11h14V10h3z';

/** The app shell: the only part that talks to the hub. It owns session, live entities and routing; pages get data down, cards send events up. */
export class HearthApp extends LitElement {
  static override properties = {
    _phase: { state: true }, _user: { state: true }, _route: { state: true }, _entities: { state: true }, _status: { state: true },
    _pending: { state: true }, _toasts: { state: true }, _notifications: { state: true }, _authError: { state: true }, _busy: { state: true }, _sparklines: { state: true }, _now: { state: true },
    _logbook: { state: true }, _logNext: { state: true }, _logError: { state: true }, _liveLog: { state: true }, _automationNames: { state: true }, _logFilter: { state: true }, _openAlerts: { state: true }, _alertRevision: { state: true }, _people: { state: true },
  };
  static override styles = [theme, controls, shellStyles];

  private readonly api = createHttpClient();
  private token: string | undefined;
  private live = createLiveConnection({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/ws`,
    token: () => this.token,
    onStatus: (s) => this.onLiveStatus(s),
  });
  /** What the hub last confirmed, so a failed optimistic change can roll back to it. */
  private confirmed = new Map<string, EntityState>();
  private toastId = 0;
  private ticker: ReturnType<typeof setInterval> | undefined;
  /** While offline at start: boot again now (the offline page's button). */
  private retryBoot = () => {};
  /** The URL on screen, to go back to when a page refuses to be left on back/forward. */
  private shownPath = location.pathname + location.search;
  declare _phase: Phase;
  declare _user: User | undefined;
  declare _route: Route;
  declare _entities: Map<string, EntityState>;
  declare _status: LiveStatus;
  declare _pending: Set<string>;
  declare _toasts: Toast[];
  declare _notifications: DashboardNotification[];
  declare _authError: string;
  declare _busy: boolean;
  declare _sparklines: Map<string, Point[]>;
  declare _now: number;
  declare _logbook: LogbookEntry[] | undefined;
  /** Cursor of the next older logbook page, when there is one. */
  declare _logNext: number | undefined;
  declare _logError: string;
  /** Rows streamed since sign-in, newest first: merged into the logbook page and entity details. */
  declare _liveLog: LogbookEntry[];
  declare _automationNames: Map<string, string>;
  /** The Logbook page's filters, read from and written to its URL. */
  declare _logFilter: LogbookFilter;
  /** Open alerts (the nav badge), and a counter the Alerts view reloads on. */
  declare _openAlerts: number;
  declare _alertRevision: number;
  /** "I am here" pins, pushed over the WebSocket, for the plan. */
  declare _people: PersonLocation[];

  constructor() {
    super();
    this._phase = 'loading';
    this._route = parseRoute(location.pathname);
    this._entities = new Map();
    this._status = 'connecting';
    this._pending = new Set();
    this._toasts = [];
    this._notifications = storedNotifications(localStorage);
    this._people = [];
    this._authError = '';
    this._busy = false;
    this._sparklines = new Map();
    this._now = Date.now();
    this._logError = '';
    this._liveLog = [];
    this._automationNames = new Map();
    this._logFilter = parseLogbookFilter('');
    this._openAlerts = 0;
    this._alertRevision = 0;
    this.addEventListener('hearth-logbook-more', () => void this.loadLogbook(this._logNext));
    this.addEventListener('hearth-logbook-filter', (e) => this.filterLogbook(e.detail));
    this.addEventListener('click', (e) => this.interceptLink(e));
    this.addEventListener('hearth-command', (e) => void this.command(e.detail));
    this.addEventListener('hearth-navigate', (e) => this.navigate(e.detail.path));
    this.addEventListener('hearth-login', (e) => void this.signIn((e as CustomEvent<{ username: string; password: string }>).detail, false));
    this.addEventListener('hearth-onboard', (e) => void this.signIn((e as CustomEvent<{ username: string; password: string }>).detail, true));
    this.addEventListener('hearth-accept-invite', (e) => void this.acceptInvite((e as CustomEvent<AcceptInviteDetail>).detail));
    this.addEventListener('hearth-user-changed', (e) => (this._user = (e as CustomEvent<User>).detail));
    window.addEventListener('popstate', () => {
      // Back/forward has already moved the URL: a page that wants to stay puts its own back.
      if (!leaveAllowed()) return history.pushState(null, '', this.shownPath);
      this.shownPath = location.pathname + location.search;
      this.setRoute(parseRoute(location.pathname));
    });
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.boot();
    this.ticker = setInterval(() => (this._now = Date.now()), 60_000);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.ticker);
    this.live.stop();
  }

  private async boot() {
    try {
      const user = await this.api.session();
      if (user) {
        this._user = user;
        this.startSession();
        return;
      }
    } catch (err) {
      if (err instanceof ApiError && err.code === 'network') return this.offline();
      this.toast(errorText(err));
    }
    this._phase = (await this.onboardingRequired()) ? 'onboarding' : 'login';
  }

  /** The hub is unreachable at start (the service worker served the cached shell): say so and keep trying. */
  private offline() {
    this._phase = 'offline';
    const retry = () => {
      clearTimeout(timer);
      window.removeEventListener('online', retry);
      this._phase = 'loading';
      void this.boot();
    };
    const timer = setTimeout(retry, 10_000);
    window.addEventListener('online', retry);
    this.retryBoot = retry;
  }

  /** GET /api/onboarding is optional on the server; without it the login page offers nothing extra. */
  private async onboardingRequired(): Promise<boolean> {
    try {
      return (await this.api.onboardingStatus()).required;
    } catch {
      return false;
    }
  }

  private async signIn(creds: { username: string; password: string }, onboarding: boolean) {
    this._busy = true;
    this._authError = '';
    try {
      // Both answer a session and set its cookie.
      const { token, user } = await (onboarding ? this.api.onboard : this.api.login)(creds.username, creds.password);
      this.token = token;
      this._user = user;
      this.startSession();
    } catch (err) {
      if (onboarding && err instanceof ApiError && err.status === 409) this._phase = 'login';
      this._authError = err instanceof ApiError && err.status === 401 ? msg('Wrong username or password', { id: 'login.wrong-credentials' }) : errorText(err);
    } finally {
      this._busy = false;
    }
  }

  /** The invitation page's form: the answer is a session for the new account, as a login's. */
  private async acceptInvite({ code, username, password }: AcceptInviteDetail) {
    this._busy = true;
    this._authError = '';
    try {
      const { token, user } = await this.api.acceptInvitation(code, username, password);
      const wasSignedIn = this._phase === 'ready';
      history.replaceState(null, '', '/');
      this.shownPath = '/';
      // Signed in as someone else in this browser: start afresh as the new account.
      if (wasSignedIn) return location.reload();
      this.token = token;
      this._user = user;
      this._route = parseRoute('/');
      this.startSession();
    } catch (err) {
      this._authError = err instanceof ApiError && err.status === 410 ? msg('This invitation was already used or has expired: ask for a new one.', { id: 'invite.gone' })
        : err instanceof ApiError && err.status === 404 ? msg('No invitation has this code: check it, or ask for a new one.', { id: 'invite.unknown' })
        : errorText(err);
    } finally {
      this._busy = false;
    }
  }

  private async signOut() {
    await this.api.logout().catch(() => undefined);
    this.live.stop();
    this.token = undefined;
    this._user = undefined;
    this._entities = new Map();
    this._liveLog = [];
    this._phase = 'login';
  }

  private unsubscribers: (() => void)[] = [];

  private startSession() {
    this._phase = 'ready';
    this.unsubscribers.forEach((u) => u());
    this.unsubscribers = [
      this.live.subscribeEntities((e) => this.onEntities(e)),
      this.live.subscribeTraces((t) => this.onTrace(t)),
      this.live.subscribeLogbook((e) => this.onLogbook(e)),
      this.live.subscribeAlerts((e) => this.onAlerts(e)),
      this.live.subscribeNotifications(({ notification }) => this.setNotifications(withNotification(this._notifications, notification))),
      this.live.subscribePeople(({ people }) => (this._people = people)),
    ];
    this.live.start();
    void this.applyPreferences();
    void this.loadSparklines();
    void this.loadAutomationNames();
    this.onRouteData();
  }

  /** The user's own language, chosen on any device, wins over this browser's. */
  private async applyPreferences() {
    const { locale } = await this.api.preferences().catch(() => ({ locale: undefined }));
    if (locale) await showLocale(locale);
  }

  private onLiveStatus(status: LiveStatus) {
    this._status = status;
    if (status === 'unauthorized') void this.signOut();
  }

  private onEntities(event: EntityEvent) {
    const snapshot = 'snapshot' in event;
    const next = snapshot ? new Map<string, EntityState>() : new Map(this._entities);
    if (snapshot) this.confirmed.clear();
    const states = snapshot ? event.snapshot : event.changed;
    for (const id of snapshot ? [] : (event.removed ?? [])) next.delete(id);
    for (const e of states) {
      next.set(e.id, e);
      this.confirmed.set(e.id, e);
      if (this._pending.has(e.id)) this._pending = new Set([...this._pending].filter((id) => id !== e.id));
    }
    this._entities = next;
    // Sparklines grow with live readings, so a fresh hub's cards fill in without a reload.
    if (!snapshot && states.some((e) => e.domain === 'sensor')) this._sparklines = appendReading(this._sparklines, states, Date.now());
  }

  private onTrace({ trace }: TraceEvent) {
    this.renderRoot.querySelector<HTMLElement & { addTrace(t: TraceEvent['trace']): void }>('hearth-automation-editor')?.addTrace(trace);
  }

  private onLogbook(event: LogbookEvent) {
    this._liveLog = mergeEntries(event.entries, this._liveLog).slice(0, 200);
  }

  private onAlerts(event: AlertEvent) {
    this._openAlerts = event.open;
    this._alertRevision++;
  }

  private async loadAutomationNames() {
    const list = await this.api.automations().catch(() => []);
    this._automationNames = new Map(list.map((a) => [a.id, a.name ?? a.id]));
  }

  private async loadLogbook(before?: number) {
    try {
      const page = await this.api.logbook({ ...logbookApiQuery(this._logFilter, Date.now()), limit: 100, ...(before !== undefined && { before }) });
      this._logbook = mergeEntries(before === undefined ? [] : (this._logbook ?? []), page.entries);
      this._logNext = page.next;
      this._logError = '';
    } catch (err) {
      this._logError = errorText(err);
    }
  }

  private filterLogbook(filter: LogbookFilter) {
    this._logFilter = filter;
    history.replaceState(null, '', `/logbook${logbookFilterQuery(filter)}`);
    this._logbook = undefined;
    void this.loadLogbook();
  }

  private readonly names: LogbookNames = { entity: (id) => this._entities.get(id), automation: (id) => this._automationNames.get(id) };

  private async loadSparklines() {
    const end = new Date();
    const start = new Date(end.getTime() - 86400_000).toISOString();
    const sensors = [...this._entities.values()].filter((e) => e.domain === 'sensor');
    const list = sensors.length ? sensors : (await this.api.entities().catch(() => [])).filter((e) => e.domain === 'sensor');
    const results = await Promise.all(list.map((s) => this.api.history(s.id, { start, end: end.toISOString(), points: 120 }).catch(() => undefined)));
    const next = new Map<string, Point[]>();
    for (const r of results) if (r) next.set(r.entityId, downsampleMinMax(numericPoints(r.points), 60));
    this._sparklines = next;
  }

  private async command({ entityId, command, params = {} }: CommandDetail) {
    const current = this._entities.get(entityId);
    if (!current) return;
    const predicted = predictState(current, command, params);
    if (predicted) this._entities = new Map(this._entities).set(entityId, predicted);
    this._pending = new Set(this._pending).add(entityId);
    try {
      const { entity } = this.live.ready ? await this.live.command(entityId, command, params) : await this.api.command(entityId, command, params);
      this.settle(entity);
    } catch (err) {
      const back = this.confirmed.get(entityId);
      if (back) this._entities = new Map(this._entities).set(entityId, back);
      this._pending = new Set([...this._pending].filter((id) => id !== entityId));
      this.toast(`${current.name}: ${errorText(err)}`);
    }
  }

  /**
   * A command's answer is the state after it. When it changed nothing (the same option
   * picked again, a lock told to lock) no live change follows, so the answer itself
   * ends the "…" and replaces the prediction — unless a newer live state already came.
   */
  private settle(entity: EntityState) {
    const latest = latestOf(this.confirmed.get(entity.id), entity);
    this.confirmed.set(entity.id, latest);
    this._entities = new Map(this._entities).set(entity.id, latest);
    this._pending = new Set([...this._pending].filter((id) => id !== entity.id));
  }

  /** Notifications stay until dismissed, across reloads of this browser. */
  private setNotifications(list: DashboardNotification[]) {
    this._notifications = list;
    storeNotifications(list, localStorage);
  }

  private toast(text: string) {
    const id = ++this.toastId;
    this._toasts = [...this._toasts, { id, text }];
    setTimeout(() => (this._toasts = this._toasts.filter((t) => t.id !== id)), 6000);
  }

  private interceptLink(e: MouseEvent) {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = e.composedPath().find((n): n is HTMLAnchorElement => n instanceof HTMLAnchorElement);
    if (!a || a.target || a.origin !== location.origin) return;
    e.preventDefault();
    this.navigate(a.pathname + a.search);
  }

  private navigate(path: string) {
    if (path !== location.pathname + location.search) {
      if (!leaveAllowed()) return;
      history.pushState(null, '', path);
    }
    this.shownPath = path;
    this.setRoute(parseRoute(new URL(path, location.href).pathname));
    window.scrollTo(0, 0);
  }

  private setRoute(route: Route) {
    this._route = route;
    this.onRouteData();
  }

  private onRouteData() {
    if (this._phase !== 'ready') return;
    if (this._route.page === 'entity') void import('../views/entity-view.js');
    if (this._route.page === 'history') void import('../views/history-view.js');
    if (this._route.page === 'energy') void import('../views/energy-view.js');
    if (this._route.page === 'automation') void import('../editor/automation-editor.js');
    if (this._route.page === 'schedule') void import('../views/schedule-editor.js');
    if (this._route.page === 'alerts') void import('../views/alerts-view.js');
    if (this._route.page === 'logbook') {
      this._logFilter = parseLogbookFilter(location.search);
      this._logbook = undefined;
      void this.loadLogbook();
      void this.loadAutomationNames();
    }
  }

  private page() {
    const r = this._route;
    const entities = [...this._entities.values()];
    switch (r.page) {
      case 'home':
        return html`<hearth-home-view .api=${this.api} .user=${this._user} .people=${this._people} .entities=${entities} .sparklines=${this._sparklines} .pending=${this._pending} .now=${this._now}></hearth-home-view>`;
      case 'entity':
        return html`<hearth-entity-view .api=${this.api} .entityId=${r.id} .entity=${this._entities.get(r.id)} .names=${{ ...this.names }}
          .live=${this._liveLog.filter((e) => e.entityId === r.id)} ?pending=${this._pending.has(r.id)}
          .schedules=${entities.filter((e) => e.domain === 'schedule')}></hearth-entity-view>`;
      case 'history':
        return html`<h1>${msg('History', { id: 'nav.history' })}</h1><hearth-history-view .api=${this.api} .entities=${entities} .query=${location.search}></hearth-history-view>`;
      case 'energy':
        return html`<h1>${msg('Energy', { id: 'nav.energy' })}</h1><hearth-energy-view .api=${this.api} .entities=${entities}></hearth-energy-view>`;
      case 'automations':
        return html`<hearth-automations-view .api=${this.api} .user=${this._user}></hearth-automations-view>`;
      case 'automation':
        return html`<hearth-automation-editor .api=${this.api} .user=${this._user} .entities=${entities} .automationId=${r.id}></hearth-automation-editor>`;
      case 'schedule':
        return html`<hearth-schedule-editor .api=${this.api} .user=${this._user} .scheduleId=${r.id}></hearth-schedule-editor>`;
      case 'logbook':
        return html`<h1>${msg('Logbook', { id: 'nav.logbook' })}</h1>
          <hearth-logbook-filters .filter=${this._logFilter} .entities=${entities} .automations=${this._automationNames}></hearth-logbook-filters>
          <hearth-logbook-view .entries=${this._logbook && mergeEntries(this._liveLog.filter((e) => e.id > (this._logbook![0]?.id ?? 0) && matchesFilter(e, this._logFilter, this._entities)), this._logbook)}
          .names=${{ ...this.names }} .error=${this._logError} ?more=${this._logNext !== undefined}></hearth-logbook-view>`;
      case 'alerts':
        return html`<h1>${msg('Alerts', { id: 'nav.alerts' })}</h1><hearth-alerts-view .api=${this.api} .revision=${this._alertRevision} .now=${this._now}></hearth-alerts-view>`;
      case 'settings':
        return html`<h1>${msg('Settings', { id: 'nav.settings' })}</h1><hearth-settings-view .api=${this.api} .user=${this._user} .tab=${r.tab}></hearth-settings-view>`;
    }
  }

  override render() {
    if (this._phase === 'loading') return html`<p class="muted" style="padding:2rem" role="status">${msg('Loading…', { id: 'app.loading' })}</p>`;
    if (this._phase === 'offline')
      return html`<div class="banner" role="alert">${msg(html`<strong>Hearth is offline</strong>: the hub cannot be reached. Retrying…`, { id: 'app.offline' })}
        <button @click=${() => this.retryBoot()}>${msg('Retry now', { id: 'app.retry-now' })}</button></div>`;
    if (this._route.page === 'invite') return html`<hearth-invite-view .code=${this._route.code} .error=${this._authError} ?busy=${this._busy}></hearth-invite-view>`;
    if (this._phase !== 'ready') return html`<hearth-login-view .mode=${this._phase} .error=${this._authError} ?busy=${this._busy}></hearth-login-view>`;
    const offline = this._status === 'reconnecting' || this._status === 'connecting';
    return html`<a class="skip" href="#main">${msg('Skip to content', { id: 'app.skip' })}</a>
      <div class="layout">
        <nav class="main" aria-label=${msg('Main', { id: 'nav.main' })}>${navLinks(this._route, { '/alerts': this._openAlerts })}</nav>
        <div class="content">
          ${offline ? html`<div class="banner" role="status">${this._status === 'connecting' ? msg('Connecting to the hub…', { id: 'app.connecting' }) : msg('Connection lost — reconnecting…', { id: 'app.reconnecting' })}
            ${this._status === 'reconnecting' ? html`<button @click=${() => this.live.retry()}>${msg('Retry now', { id: 'app.retry-now' })}</button>` : nothing}</div>` : nothing}
          <header class="top"><span class="brand">${icon(BRAND)}Hearth</span>
            <span class="who"><span class="muted">${this._user?.displayName ?? this._user?.username}</span><button @click=${() => this.signOut()}>${msg('Sign out', { id: 'app.sign-out' })}</button></span></header>
          <main id="main">${this.page()}</main>
        </div>
      </div>
      <div class="toasts" aria-live="assertive">${this._notifications.map((n) => html`<div class="toast notification ${n.severity}" role="alert" data-notification=${n.id}>
        <span><strong>${n.title}</strong><br />${n.message}${n.url ? html` <a href=${n.url}>${msg('Open', { id: 'app.open-link' })}</a>` : nothing}</span>
        <button @click=${() => this.setNotifications(withoutNotification(this._notifications, n.id))} aria-label=${msg(str`Dismiss ${n.title}`, { id: 'app.dismiss-named' })}>${msg('Dismiss', { id: 'app.dismiss' })}</button></div>`)}${this._toasts.map((t) => html`<div class="toast" role="alert"><span>${t.text}</span>
        <button @click=${() => (this._toasts = this._toasts.filter((x) => x.id !== t.id))}>${msg('Dismiss', { id: 'app.dismiss' })}</button></div>`)}</div>`;
  }
}
customElements.define('hearth-app', HearthApp);
