import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import type { IClientOptions } from 'mqtt';
import type { MqttConfig } from '../config/index.js';
import { ValidationError } from '../errors.js';

/** `mqtt.node`, else the hostname made topic-safe. */
export function nodeName(config: Pick<MqttConfig, 'node'>): string {
  return config.node ?? (hostname().replace(/[^A-Za-z0-9_-]/g, '_') || 'hearth');
}

/**
 * Client options for the bridge. Reconnecting is left to the bridge (`reconnectPeriod: 0`)
 * so it can back off; the last will marks this node offline.
 */
export function clientOptions(config: MqttConfig, node: string, statusTopic: string, configDir = '.'): IClientOptions {
  const readPem = (what: string, path: string | undefined) => {
    if (!path) return undefined;
    const file = resolve(configDir, path);
    try {
      return readFileSync(file);
    } catch (err) {
      throw new ValidationError(`mqtt.tls.${what}: cannot read ${file}: ${(err as Error).message}`);
    }
  };
  const tls = config.tls;
  return {
    clientId: config.clientId ?? `hearth_${node}`,
    keepalive: config.keepaliveS,
    reconnectPeriod: 0,
    connectTimeout: 10_000,
    resubscribe: false,
    clean: true,
    ...quietUnlessDebugging(),
    ...(config.username !== undefined && { username: config.username }),
    ...(config.password !== undefined && { password: config.password }),
    will: { topic: statusTopic, payload: Buffer.from('offline'), qos: config.qos, retain: true },
    ...(tls && {
      ca: readPem('ca', tls.ca),
      cert: readPem('cert', tls.cert),
      key: readPem('key', tls.key),
      rejectUnauthorized: tls.rejectUnauthorized,
    }),
  };
}

/**
 * mqtt.js logs through `debug`, which collects its arguments into an array on every call
 * even when disabled: a tenth of the hub's allocations under a burst of messages. Its
 * output stays one `DEBUG=mqttjs*` away.
 */
export function quietUnlessDebugging(): Pick<IClientOptions, 'log'> {
  return process.env.DEBUG ? {} : { log: () => undefined };
}

/** Exponential back-off: `minMs`, doubled per consecutive failure, capped at `maxMs`. */
export function backoffMs(attempt: number, { minMs, maxMs }: MqttConfig['reconnect']): number {
  return Math.min(maxMs, minMs * 2 ** Math.min(attempt, 20));
}
