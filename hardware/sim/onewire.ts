import type { OneWire } from '../onewire.js';
import type { Unwatch } from '../gpio.js';
import { HardwareError } from '../errors.js';
import { formatW1Slave } from '../drivers/ds18b20-parse.js';

export interface SimDs18b20Options {
  temperatureC: () => number;
}

export interface SimDs18b20 {
  readonly id: string;
  /** The next `count` reads return the 85 °C power-on scratchpad. */
  powerOnReads(count: number): void;
  /** The next `count` `w1_slave` reads carry a bad CRC (`NO`). */
  corruptReads(count: number): void;
  detach: Unwatch;
}

export interface SimOneWire {
  readonly oneWire: OneWire;
  attach(id: string, options: SimDs18b20Options): SimDs18b20;
}

const enoent = (path: string): Error => Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });

export function createSimOneWire(): SimOneWire {
  const devices = new Map<string, { options: SimDs18b20Options; powerOn: number; corrupt: number }>();
  return {
    oneWire: {
      async list() {
        return [...devices.keys()].sort();
      },
      async readFile(deviceId, file = 'w1_slave') {
        const d = devices.get(deviceId);
        if (!d) throw enoent(`/sys/bus/w1/devices/${deviceId}/${file}`);
        // The scratchpad holds 1/16 °C steps, as the real 12-bit conversion does.
        let t = Math.round(d.options.temperatureC() * 16) / 16;
        if (d.powerOn > 0) {
          d.powerOn--;
          t = 85;
        }
        if (file === 'temperature') return `${Math.round(t * 1000)}\n`;
        const corruptCrc = d.corrupt > 0;
        if (corruptCrc) d.corrupt--;
        return formatW1Slave(t, { corruptCrc });
      },
    },
    attach(id, options) {
      if (!/^28-[0-9a-f]{12}$/.test(id)) throw new HardwareError('invalid', `not a DS18B20 id: ${id} (expected 28- and 12 hex digits)`);
      if (devices.has(id)) throw new HardwareError('busy', `1-Wire device ${id} is already attached`);
      const d = { options, powerOn: 0, corrupt: 0 };
      devices.set(id, d);
      return {
        id,
        powerOnReads: (count) => void (d.powerOn = count),
        corruptReads: (count) => void (d.corrupt = count),
        detach: () => void (devices.get(id) === d && devices.delete(id)),
      };
    },
  };
}
