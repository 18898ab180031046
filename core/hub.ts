import { mkdirSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { Logger } from 'pino';
import { isSimHardware, type Hardware } from '../hardware/index.js';
import { openHardware, testStandInsFromEnv } from '../hardware/hub.js';
import { createAlertRoutes, createAlerts, createHubAlerts, type Alerts } from './alerts/index.js';
import { declaredHardware, wantsBias } from './declared-hardware.js';
import { createApp } from './api/app.js';
import { startHttpServer, type HttpServer } from './api/server.js';
import { createAuth, type Auth } from './auth/index.js';
import { createAutomationEngine, createAutomationRoutes, loadFileAutomations, type AutomationEngine } from './automation/index.js';
import { backfillHistory } from './backfill/index.js';
import { backupDir, createBackupRoutes, createDailyBackups, onlineSnapshot } from './backup/index.js';
import { createConfigStore, SECRETS_FILE, type LoadedConfig } from './config/index.js';
import { openDatabase, type DatabaseHandle } from './db/index.js';
import { databasePath } from './db/path.js';
import { createEnergy, createEnergyRoutes } from './energy/index.js';
import { errorMessage } from './errors.js';
import { createHistoryRoutes, HISTORY_ROUTE_DOCS } from './api/routes/history.js';
import { createHistoryQueries, createRecorder, type Recorder } from './history/index.js';
import { createKernel, type Kernel } from './kernel/index.js';
import { createHttpMetrics, createMetricsCollector, createMetricsRoutes } from './metrics/index.js';
import type { MqttBridge } from './mqtt/index.js';
import { createNotifier, createNotifyRoutes, createUserTargetStore, type NotifyService } from './notify/index.js';
import { builtinNames, createPluginHost, describePlugin, loadPlugins, startAutoIsolation, type PluginHost } from './plugins/index.js';
import { createConfigRoutes, createReloader, prepareConfig, type Reloader, type ReloadResult } from './reload/index.js';
import { createContext, type Context } from './kernel/index.js';
import type { ExitHandlers } from './safety/exit.js';
import { recordSimLines } from './safety/sim-line-log.js';
import { createFollowRoutes, createFollows, createScheduleRoutes, createSchedules } from './schedules/index.js';
import { createFloorplanRoutes, createFloorplans, readSeed } from './floorplans/index.js';
import type { Service } from './service.js';
import { PACKAGE_ROOT, VERSION } from './version.js';

export interface HubOptions {
  loaded: LoadedConfig;
  dataDir: string;
  log: Logger;
  /** Overrides `server.port` (0 picks a free port). */
  port?: number;
  host?: string;
  /** A board to use instead of opening `hardware.backend` (tests pass a sim board). */
  hardware?: Hardware;
  /** The process's exit handlers: uncaught errors a plugin can be blamed for then fail only it. */
  exitHandlers?: Pick<ExitHandlers, 'blameWith'>;
  /** Whether a first start on `hardware.backfillDays` simulates the past (default true; `--no-backfill`). */
  backfill?: boolean;
}

export interface Hub {
  readonly kernel: Kernel;
  readonly plugins: PluginHost;
  readonly hardware: Hardware;
  readonly database: DatabaseHandle;
  readonly auth: Auth;
  readonly recorder: Recorder;
  readonly automations: AutomationEngine;
  readonly alerts: Alerts;
  /** Sends notifications on the `notify:` channels and the dashboard. */
  readonly notifier: NotifyService;
  /** Present when `mqtt:` is configured; `mqtt.subscribe(filter)` feeds `mqtt` triggers. */
  readonly mqtt?: MqttBridge;
  readonly http: HttpServer;
  /** The HTTP app: its registered routes (`app.routes`) are what /api/openapi.json must describe. */
  readonly app: Pick<ReturnType<typeof createApp>, 'routes' | 'request'>;
  readonly url: string;
  /** Reads the config file again and applies what changed (SIGHUP, `hearth reload`, POST /api/config/reload). */
  readonly reloader: Reloader;
  reload(context?: Context): Promise<ReloadResult>;
  /** Graceful: stops every part in reverse order, flushes writes, releases outputs. */
  stop(): Promise<void>;
  /** Last resort on a crash: outputs to their safe state, nothing else. */
  releaseOutputs(): Promise<void>;
}

/**
 * Builds and starts the whole hub. Every plugin is resolved and its config validated,
 * and the database opened and migrated, before any hardware is opened: a config or
 * database error never touches an output pin.
 */
export async function startHub(options: HubOptions): Promise<Hub> {
  const { loaded, log, dataDir } = options;
  const { config } = loaded;
  const startedAt = Date.now();
  const timezone = config.location?.timezone;
  const plugins = await loadPlugins(loaded);
  const fileAutomations = loadFileAutomations(loaded);
  const seedPlans = config.floorplans?.seed ? readSeed(loaded.dir, config.floorplans.seed) : [];
  mkdirSync(dataDir, { recursive: true });
  const database = openDatabase(databasePath(loaded, dataDir));
  // before the board is opened and anything served: the demo house's first start lives its past week
  if (options.backfill ?? true) await backfillHistory({ loaded, plugins, fileAutomations, database, dataDir, log });
  const hardware =
    options.hardware ?? (await openHardware({ backend: config.hardware.backend, wantsBias: wantsBias(declaredHardware(plugins).inputs), onNotice: (message) => log.info(message), ...testStandInsFromEnv() }));
  recordSimLines(hardware);
  const kernel = createKernel(log);
  const auth = createAuth(database);
  const recorder = createRecorder({ kernel, database, log, options: { ...config.storage, ...(timezone && { timezone }) } });
  const queries = createHistoryQueries(database, { ...(timezone && { timezone }) });
  // Imported only when configured: the mqtt client and its dependencies cost ~10 MB of RSS.
  const mqtt = config.mqtt && (await import('./mqtt/index.js')).createMqttBridge({ kernel, log, config: config.mqtt, hubName: config.name, version: VERSION, configDir: loaded.dir });
  const notifyTargets = createUserTargetStore(database.sqlite);
  const notifier = createNotifier({
    channels: config.notify,
    bus: kernel.bus,
    log,
    users: auth.users,
    targets: notifyTargets,
    ...(mqtt && { mqttPublish: (topic: string, payload: string) => mqtt.publishMessage(topic, payload) }),
    ...(timezone && { timezone }),
  });
  const alerts = createAlerts({ database, bus: kernel.bus, log, notifier, resolveUserName: (id) => auth.users.find(id)?.username, ...(timezone && { timezone }) });
  const automations = createAutomationEngine({ kernel, database, log, location: config.location, fileAutomations, alerts, notifier, ...(mqtt && { mqtt }) });
  const isolation = startAutoIsolation({ dataDir, plugins, log, warn: (id, message) => host.warn(id, message) });
  // Mutable: a reload renames the hub for plugins set up later.
  const hubInfo: { name: string; location?: NonNullable<typeof config.location> } = { name: config.name, ...(config.location && { location: config.location }) };
  const host = createPluginHost(
    { kernel, hardware, log, dataDir, hub: hubInfo, watchdog: isolation.watchdog, autoIsolate: (id) => isolation.record(id), alerts, codes: auth.alarmCodes },
    { isolate: isolation.isolate },
  );
  options.exitHandlers?.blameWith((err, kind) => host.blame(err, kind));
  const reloader = createReloader({
    file: loaded.file,
    log,
    bus: kernel.bus,
    host,
    automations,
    initial: { loaded, config, plugins, automations: fileAutomations },
    applied(next) {
      hubInfo.name = next.config.name;
      log.level = next.config.logging.level;
    },
  });
  const wsClients = { open: 0 };
  const httpMetrics = createHttpMetrics();
  const metrics = createMetricsCollector({
    kernel,
    http: httpMetrics,
    plugins: host,
    recorderStats: () => recorder.stats(),
    webSocketClients: () => wsClients.open,
    onAutomationRun: (listener) =>
      kernel.bus.on('automation_trace', ({ trace }) => listener({ automationId: trace.automationId, ok: trace.outcome !== 'error' })),
  });
  const snapshot = onlineSnapshot(database.sqlite);
  // Started in order, stopped in reverse: the recorder flushes before the database closes.
  const services: Service[] = [{ name: 'database', start: async () => {}, stop: async () => database.close() }, recorder, metrics];
  if (mqtt) services.push(mqtt);
  services.push(notifier);
  // Before the plugins start, so a thermostat reading schedule.x at setup finds it.
  const schedules = createSchedules({ kernel, database, log, fileSchedules: config.schedules, ...(timezone && { timezone }) });
  services.push(schedules, alerts);
  services.push(createHubAlerts({ alerts, bus: kernel.bus, states: kernel.states, log, dataDir, isolated: isolation.isolate, ...(config.alerts && { options: config.alerts }) }));
  // Started with the automations, after the plugins: following sends commands.
  const follows = createFollows({ kernel, database, log });
  if (config.backup?.daily) {
    const { at, keep } = config.backup;
    services.push(createDailyBackups({ snapshot, configFile: loaded.file, dir: backupDir(loaded, dataDir), at, keep, log, ...(timezone && { timezone }) }));
  }

  const started: Service[] = [];
  let automationsStarted = false;
  const stopService = (service: Service) => service.stop().catch((err: unknown) => log.error({ err }, `stopping ${service.name} failed`));
  // Automations first (nothing may command a plugin that is stopping), then plugins and
  // their outputs, then what records and publishes: the last states are still written.
  const stopAll = async () => {
    if (automationsStarted) {
      await stopService(automations);
      await stopService(follows);
    }
    await host.stop();
    await hardware.close();
    for (const service of started.reverse()) await stopService(service);
    await isolation.watchdog.stop();
  };

  try {
    for (const service of services) {
      await service.start();
      started.push(service);
    }
    await host.start(plugins);
    // After the plugins: restored `for:` timers must see the entities' current states.
    await automations.start();
    automationsStarted = true;
    await follows.start();
    const floorplans = createFloorplans({ database, kernel, log, areas: () => reloader.current().config.areas, ...(config.floorplans && { pinMinutes: config.floorplans.pinMinutes }) });
    // After the plugins: a seeded plan places their entities.
    floorplans.seed(seedPlans);
    await floorplans.start();
    started.push(floorplans);
    const history = {
      routes: createHistoryRoutes({
        queries,
        resolveUserName: (id) => auth.users.nameOf(id),
        resolveUserId: (name) => auth.users.findByName(name)?.id,
        areaEntities: (area) => kernel.registry.list().filter((e) => e.area === area).map((e) => e.id),
      }),
      docs: HISTORY_ROUTE_DOCS,
    };
    const app = createApp({
      kernel,
      plugins: host,
      auth,
      log,
      version: VERSION,
      startedAt,
      ...(isSimHardware(hardware) && { sim: hardware.sim }),
      wsClients,
      requestMetrics: httpMetrics.middleware,
      openAlerts: () => alerts.openCount(),
      people: () => floorplans.people(),
      modules: [
        history,
        createAutomationRoutes({ engine: automations, log, history: queries, location: config.location, bus: kernel.bus }),
        createMetricsRoutes({ collector: metrics, ...(config.metrics?.token && { token: config.metrics.token }) }),
        createBackupRoutes({ snapshot, configFile: loaded.file, bus: kernel.bus }),
        createScheduleRoutes(schedules),
        createAlertRoutes(alerts),
        createFollowRoutes(follows),
        createFloorplanRoutes(floorplans, (id) => auth.users.find(id)?.username),
        createNotifyRoutes({ notifier, targets: notifyTargets }),
        createEnergyRoutes(config.energy && createEnergy({ config: config.energy, history: queries, ...(timezone && { timezone }) })),
        createConfigRoutes({
          store: createConfigStore({
            file: loaded.file,
            check: async (text) => void (await prepareConfig(text, loaded.file)),
            // The shipped demo house is run in place: copy it to edit it from the dashboard.
            readOnly: loaded.file.startsWith(join(PACKAGE_ROOT, 'examples') + sep),
          }),
          reloader,
          bus: kernel.bus,
          plugins: host,
          describe: (use) => describePlugin(use, loaded.dir),
          builtin: builtinNames,
          areaEntities: (area) => kernel.registry.list().filter((e) => e.area === area).map((e) => e.id),
          readOnlyFiles: () => [join(loaded.dir, SECRETS_FILE), ...(typeof reloader.current().config.automations === 'string' ? [resolve(loaded.dir, reloader.current().config.automations as string)] : [])],
        }),
      ],
    });
    const http = await startHttpServer(app, { port: options.port ?? config.server.port, host: options.host ?? config.server.host });
    log.info({ url: http.url, version: VERSION, backend: hardware.backend }, `Hearth is running: open ${http.url}`);
    let stopping: Promise<void> | undefined;
    return {
      kernel,
      plugins: host,
      hardware,
      database,
      auth,
      recorder,
      automations,
      alerts,
      notifier,
      app,
      ...(mqtt && { mqtt }),
      http,
      url: http.url,
      reloader,
      reload: (context = createContext()) => reloader.reload(context, 'signal'),
      stop: () =>
        (stopping ??= (async () => {
          await http.close();
          await stopAll();
        })()),
      releaseOutputs: () => hardware.close(),
    };
  } catch (err) {
    log.error({ err: errorMessage(err) }, 'start failed; releasing outputs');
    await stopAll();
    throw err;
  }
}
