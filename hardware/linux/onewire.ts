import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OneWire } from '../onewire.js';
import { HardwareError, errnoOf } from '../errors.js';

const DEVICE_ID = /^[0-9a-f]{2}-[0-9a-f]{12}$/;

/** The kernel's w1 bus under `<sysfsRoot>/bus/w1/devices`. */
export function createSysfsOneWire(sysfsRoot: string): OneWire {
  const dir = join(sysfsRoot, 'bus', 'w1', 'devices');
  return {
    async list() {
      try {
        return (await readdir(dir)).filter((n) => DEVICE_ID.test(n)).sort();
      } catch (err) {
        if (errnoOf(err) === 'ENOENT') return []; // no w1-gpio overlay: simply no devices
        throw err;
      }
    },
    async readFile(deviceId, file = 'w1_slave') {
      if (!DEVICE_ID.test(deviceId)) throw new HardwareError('invalid', `not a 1-Wire device id: ${JSON.stringify(deviceId)}`);
      try {
        return await readFile(join(dir, deviceId, file), 'utf8');
      } catch (err) {
        if (errnoOf(err) === 'EACCES') {
          throw new HardwareError('permission', `no permission to read ${deviceId}/${file}`, { hint: 'w1 files are normally world-readable; check udev rules', cause: err });
        }
        throw err; // ENOENT passes through so readers can fall back to another file
      }
    },
  };
}
