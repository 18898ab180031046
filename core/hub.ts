import { mkdirSync } from 'node:fs';
import type { Logger } from 'pino';
import { openHardware, type Hardware } from '../hardware/index.js';
import { createApp } from './api/app.js';
import { startHttpServer, type HttpServer } from './api/server.js';
import type { LoadedConfig } from './config/index.js';
import { errorMessage } from './errors.js';
import { createKernel, type Kernel } from './kernel/index.js';
import { createMqttBridge, type MqttBridge } from './mqtt/index.js';
import { createPluginHost, loadPlugins, type PluginHost } from './plugins/index.js';
import type { Service } from './service.js';
import { VERSION } from './version.js';

export interface HubOptions {
  loaded: LoadedConfig;
  dataDir: string;
  log: Logger;
  /** Overrides `server.port` (0 picks a free port). */
  port?: number;
  host?: string;
  /** A board to use instead of opening `hardware.backend` (tests pass a sim board). */
  hardware?: Hardware;
}

export interface Hub {
  readonly kernel: Kernel;
  readonly plugins: PluginHost;
  readonly hardware: Hardware;
  readonly http: HttpServer;
  readonly url: string;
  /** Present when `mqtt:` is configured; `mqtt.subscribe(filter)` feeds `mqtt` triggers. */
  readonly mqtt?: MqttBridge;
  /** Graceful: stops every part in reverse order, flushes writes, releases outputs. */
  stop(): Promise<void>;
  /** Last resort on a crash: outputs to their safe state, nothing else. */
  releaseOutputs(): Promise<void>;
}

/**
 * Builds and starts the whole hub. Every plugin is resolved and its config validated
 * before any hardware is opened, so a config error never touches an output pin.
 */
export async function startHub(options: HubOptions): Promise<Hub> {
  const { loaded, log, dataDir } = options;
  const { config } = loaded;
  const startedAt = Date.now();
  const plugins = await loadPlugins(loaded);
  mkdirSync(dataDir, { recursive: true });
  const hardware = options.hardware ?? (await openHardware({ backend: config.hardware.backend }));
  const kernel = createKernel(log);
  const host = createPluginHost({ kernel, hardware, log, dataDir, hub: { name: config.name, ...(config.location && { location: config.location }) } });
  const services: Service[] = [];
  const mqtt = config.mqtt && createMqttBridge({ kernel, log, config: config.mqtt, hubName: config.name, version: VERSION, configDir: loaded.dir });
  if (mqtt) services.push(mqtt);

  const started: Service[] = [];
  const stopAll = async () => {
    for (const service of started.reverse()) {
      await service.stop().catch((err: unknown) => log.error({ err }, `stopping ${service.name} failed`));
    }
    await host.stop();
    await hardware.close();
  };

  try {
    for (const service of services) {
      await service.start();
      started.push(service);
    }
    await host.start(plugins);
    const app = createApp({ kernel, plugins: host, log, version: VERSION, startedAt });
    const http = await startHttpServer(app, { port: options.port ?? config.server.port, host: options.host ?? config.server.host });
    log.info({ url: http.url, version: VERSION, backend: hardware.backend }, `Hearth is running: open ${http.url}`);
    let stopping: Promise<void> | undefined;
    return {
      kernel,
      plugins: host,
      hardware,
      http,
      url: http.url,
      ...(mqtt && { mqtt }),
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
