/**
 * TEST ONLY. File-backed stand-ins for the kernel's GPIO sysfs and `/dev/i2c-N`, so a
 * real hub process (spawned by a test, then killed with `kill -9`) runs the linux
 * backend over a fixture tree and leaves files a test can read. Selected only by the
 * environment variables below, which nothing but the test suite sets:
 *
 *   HEARTH_TEST_SYSFS=<dir>    sysfs root (a copy of tests/fixtures/sysfs/<tree>); GPIO
 *                              export/direction/value are files under <dir>/class/gpio
 *   HEARTH_TEST_I2C_DIR=<dir>  <dir>/i2c-<bus>/<0xNN> is a 256-byte register file per
 *                              device: present = acknowledges; block transfers auto-increment
 *
 * Every write goes to disk synchronously, so the files hold the last level even after
 * the process is killed. Unlike the kernel, `unexport` leaves gpioN/ in place: the
 * test reads the level the pin was left at.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OnoffGpio, OnoffModule } from './onoff-adapter.js';
import type { I2cBusModule, RawI2cBus } from './i2c.js';
import type { LinuxModules } from './index.js';

export const TEST_SYSFS_ENV = 'HEARTH_TEST_SYSFS';
export const TEST_I2C_DIR_ENV = 'HEARTH_TEST_I2C_DIR';

/** The overrides the variables ask for; empty when neither is set (always, outside tests). */
export function testStandInsFromEnv(env: NodeJS.ProcessEnv = process.env): { sysfsRoot?: string; modules?: LinuxModules } {
  const sysfsRoot = env[TEST_SYSFS_ENV];
  const i2cDir = env[TEST_I2C_DIR_ENV];
  if (!sysfsRoot && !i2cDir) return {};
  return {
    ...(sysfsRoot && { sysfsRoot }),
    modules: { ...(sysfsRoot && { onoff: fileOnoff(sysfsRoot) }), ...(i2cDir && { i2cBus: fileI2c(i2cDir) }) },
  };
}

/** onoff over files: `gpioN/{direction,active_low,value}`, `value` logical as the kernel shows it. */
export function fileOnoff(sysfsRoot: string): OnoffModule {
  return {
    open(number, direction, _edge, options) {
      const dir = join(sysfsRoot, 'class', 'gpio', `gpio${number}`);
      const file = (name: string) => join(dir, name);
      const activeLow = options.activeLow ? 1 : 0;
      const keep = options.reconfigureDirection === false && existsSync(file('direction')) && readFileSync(file('direction'), 'utf8').trim() === 'out';
      mkdirSync(dir, { recursive: true });
      writeFileSync(file('active_low'), `${activeLow}\n`);
      if (!keep) {
        writeFileSync(file('direction'), direction === 'in' ? 'in\n' : 'out\n');
        // "high"/"low" set the raw level; `value` shows it through active_low.
        if (direction !== 'in') writeFileSync(file('value'), `${(direction === 'high' ? 1 : 0) ^ activeLow}\n`);
        else if (!existsSync(file('value'))) writeFileSync(file('value'), '0\n');
      }
      const read = (): 0 | 1 => (readFileSync(file('value'), 'utf8').trim() === '1' ? 1 : 0);
      const write = (value: 0 | 1): void => writeFileSync(file('value'), `${value}\n`);
      const gpio: OnoffGpio = {
        readSync: read,
        read: async () => read(),
        write: async (value) => write(value),
        writeSync: write,
        watch: () => {},
        unwatchAll: () => {},
        unexport: () => {},
      };
      return gpio;
    },
  };
}

/** i2c-bus over one register file per device. */
export function fileI2c(root: string): I2cBusModule {
  return {
    async openPromisified(busNumber) {
      const dir = join(root, `i2c-${busNumber}`);
      if (!existsSync(dir)) throw Object.assign(new Error(`ENOENT: no such file or directory, open '/dev/i2c-${busNumber}'`), { code: 'ENOENT' });
      const path = (address: number) => join(dir, `0x${address.toString(16).padStart(2, '0')}`);
      const regs = (address: number): Buffer => {
        if (!existsSync(path(address))) throw Object.assign(new Error(`Remote I/O error at 0x${address.toString(16)}`), { code: 'EREMOTEIO' });
        return readFileSync(path(address));
      };
      const pointer = new Map<number, number>();
      const readAt = (address: number, register: number, length: number, buffer: Buffer) => {
        const file = regs(address);
        for (let i = 0; i < length; i++) buffer[i] = file[(register + i) & 0xff] ?? 0;
        return { bytesRead: length, buffer };
      };
      const writeAt = (address: number, register: number, data: Buffer) => {
        const file = Buffer.alloc(256);
        regs(address).copy(file);
        data.forEach((byte, i) => (file[(register + i) & 0xff] = byte));
        writeFileSync(path(address), file);
        return { bytesWritten: data.length, buffer: data };
      };
      const bus: RawI2cBus = {
        readByte: async (a, r) => readAt(a, r, 1, Buffer.alloc(1)).buffer[0]!,
        writeByte: async (a, r, v) => void writeAt(a, r, Buffer.from([v])),
        readI2cBlock: async (a, r, n, buffer) => readAt(a, r, n, buffer),
        writeI2cBlock: async (a, r, n, buffer) => writeAt(a, r, buffer.subarray(0, n)),
        i2cRead: async (a, n, buffer) => readAt(a, pointer.get(a) ?? 0, n, buffer),
        async i2cWrite(a, n, buffer) {
          pointer.set(a, buffer[0] ?? 0);
          if (n > 1) writeAt(a, buffer[0]!, buffer.subarray(1, n));
          return { bytesWritten: n, buffer };
        },
        scan: async (start, end) =>
          readdirSync(dir)
            .map((name) => Number.parseInt(name, 16))
            .filter((a) => a >= start && a <= end)
            .sort((x, y) => x - y),
        close: async () => {},
      };
      return bus;
    },
  };
}
