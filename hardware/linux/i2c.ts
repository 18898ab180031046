import type { I2cBus } from '../i2c.js';
import { HardwareError, errnoOf } from '../errors.js';
import { createSerialQueue, delay } from '../common/serial-queue.js';
import { i2cError } from './errors.js';

/** The subset of i2c-bus's `PromisifiedBus` we use; tests inject a fake. */
export interface RawI2cBus {
  readByte(address: number, command: number): Promise<number>;
  writeByte(address: number, command: number, byte: number): Promise<void>;
  readI2cBlock(address: number, command: number, length: number, buffer: Buffer): Promise<{ bytesRead: number; buffer: Buffer }>;
  writeI2cBlock(address: number, command: number, length: number, buffer: Buffer): Promise<{ bytesWritten: number; buffer: Buffer }>;
  i2cRead(address: number, length: number, buffer: Buffer): Promise<{ bytesRead: number; buffer: Buffer }>;
  i2cWrite(address: number, length: number, buffer: Buffer): Promise<{ bytesWritten: number; buffer: Buffer }>;
  scan(startAddr: number, endAddr: number): Promise<number[]>;
  close(): Promise<void>;
}

export interface I2cBusModule {
  openPromisified(busNumber: number): Promise<RawI2cBus>;
}

export async function loadI2cBus(): Promise<I2cBusModule> {
  const mod = await import('i2c-bus');
  return { openPromisified: (n) => mod.openPromisified(n) };
}

/** Transient NAKs and bus glitches worth another try; anything else fails at once. */
const RETRYABLE = new Set(['EIO', 'EREMOTEIO']);

export interface LinuxI2cOptions {
  retries?: number;
  retryDelayMs?: number;
}

/**
 * One `/dev/i2c-N`, opened lazily on first use (so `Hardware.i2c(n)` can stay
 * synchronous), every transfer queued behind the previous one.
 */
export function createLinuxI2cBus(module: I2cBusModule, busNumber: number, options: LinuxI2cOptions = {}): I2cBus {
  const retries = options.retries ?? 2;
  const retryDelayMs = options.retryDelayMs ?? 5;
  const queue = createSerialQueue();
  let raw: Promise<RawI2cBus> | undefined;
  let closed = false;

  const bus = (): Promise<RawI2cBus> => {
    raw ??= module.openPromisified(busNumber).catch((err: unknown) => {
      raw = undefined; // let a later call retry once the user fixed permissions
      throw i2cError(err, busNumber, 'open');
    });
    return raw;
  };

  const run = <T>(what: string, job: (b: RawI2cBus) => Promise<T>): Promise<T> =>
    queue.run(async () => {
      if (closed) throw new HardwareError('closed', `/dev/i2c-${busNumber} is closed`);
      const b = await bus();
      for (let attempt = 0; ; attempt++) {
        try {
          return await job(b);
        } catch (err) {
          if (attempt >= retries || !RETRYABLE.has(errnoOf(err) ?? '')) throw i2cError(err, busNumber, what);
          await delay(retryDelayMs);
        }
      }
    });

  const hex = (n: number): string => `0x${n.toString(16).padStart(2, '0')}`;

  return {
    busNumber,
    readByte: (a, r) => run(`readByte ${hex(a)}[${hex(r)}]`, (b) => b.readByte(a, r)),
    writeByte: (a, r, v) => run(`writeByte ${hex(a)}[${hex(r)}]`, (b) => b.writeByte(a, r, v)),
    readBlock: (a, r, n) =>
      run(`readBlock ${hex(a)}[${hex(r)}]`, async (b) => {
        const { bytesRead, buffer } = await b.readI2cBlock(a, r, n, Buffer.alloc(n));
        return buffer.subarray(0, bytesRead);
      }),
    writeBlock: (a, r, d) => run(`writeBlock ${hex(a)}[${hex(r)}]`, async (b) => void (await b.writeI2cBlock(a, r, d.length, d))),
    read: (a, n) =>
      run(`read ${hex(a)}`, async (b) => {
        const { bytesRead, buffer } = await b.i2cRead(a, n, Buffer.alloc(n));
        return buffer.subarray(0, bytesRead);
      }),
    write: (a, d) => run(`write ${hex(a)}`, async (b) => void (await b.i2cWrite(a, d.length, d))),
    scan: () => run('scan', (b) => b.scan(0x03, 0x77)),
    async close() {
      await queue.run(async () => {
        if (closed) return;
        closed = true;
        if (raw) await (await raw.catch(() => undefined))?.close();
      });
    },
  };
}
