import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createSimBoard, HardwareError } from '../../../hardware/index.js';
import { createLinuxSerial, type RawSerialPort, type SerialModule } from '../../../hardware/linux/serial.js';
import { trackHardware } from '../../../core/plugins/tracked-hardware.js';

const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const TIC = { baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 1 } as const;

/** A `serialport` stand-in: opens fail with the text bindings-cpp gives, or succeed into an emitter the test drives. */
function fakeSerialModule(openError?: string) {
  const opened: Array<{ options: unknown; port: EventEmitter & RawSerialPort; written: Buffer[]; closed: boolean }> = [];
  const module: SerialModule = {
    open(options, cb) {
      const entry = { options, written: [] as Buffer[], closed: false, port: undefined as unknown as EventEmitter & RawSerialPort };
      entry.port = Object.assign(new EventEmitter(), {
        write: (data: Buffer, done: (err?: Error | null) => void) => (entry.written.push(data), done(null)),
        close: (done: (err?: Error | null) => void) => ((entry.closed = true), done(null)),
      }) as EventEmitter & RawSerialPort;
      opened.push(entry);
      queueMicrotask(() => cb(openError ? new Error(openError) : null));
      return entry.port;
    },
  };
  return { module, opened };
}

describe('sim serial ports', () => {
  it('any path opens; bytes sent to it arrive; the settings are visible; a second open is busy', async () => {
    const board = createSimBoard();
    const port = await board.serial.open('/dev/ttyAMA0', TIC);
    const got: string[] = [];
    port.onData((b) => got.push(String.fromCharCode(...b)));
    expect(board.sim.serial.send('/dev/ttyAMA0', bytes('\x02\nEAST'))).toBe(true);
    expect(board.sim.serial.send('/dev/ttyUSB9', bytes('x'))).toBe(false);
    expect(got).toEqual(['\x02\nEAST']);
    expect(board.sim.serial.settings('/dev/ttyAMA0')).toEqual(TIC);
    await expect(board.serial.open('/dev/ttyAMA0', TIC)).rejects.toMatchObject({ code: 'busy' });
    const written: string[] = [];
    board.sim.serial.onWrite((path, b) => written.push(`${path}:${String.fromCharCode(...b)}`));
    await port.write(bytes('hi'));
    expect(written).toEqual(['/dev/ttyAMA0:hi']);
  });

  it('a cable pulled out ends the port with an error; reopening resumes; closing the board closes ports', async () => {
    const board = createSimBoard();
    const port = await board.serial.open('/dev/ttyUSB0', TIC);
    const ends: Array<HardwareError | undefined> = [];
    port.onClose((e) => ends.push(e));
    board.sim.serial.unplug('/dev/ttyUSB0');
    expect(ends).toHaveLength(1);
    expect(ends[0]).toMatchObject({ code: 'io' });
    expect(board.sim.serial.send('/dev/ttyUSB0', bytes('x'))).toBe(false);
    await expect(port.write(bytes('x'))).rejects.toMatchObject({ code: 'closed' });
    const again = await board.serial.open('/dev/ttyUSB0', TIC);
    const closes: Array<HardwareError | undefined> = [];
    again.onClose((e) => closes.push(e));
    await board.close();
    expect(closes).toEqual([undefined]);
    expect(board.sim.serial.settings('/dev/ttyUSB0')).toBeUndefined();
  });

  it('a plugin\'s ports are closed when the host releases its hardware', async () => {
    const board = createSimBoard();
    const tracked = trackHardware(board, (_where, fn) => () => void fn());
    const port = await tracked.hardware.serial.open('/dev/ttyAMA0', TIC);
    const got: number[] = [];
    port.onData((b) => got.push(...b));
    board.sim.serial.send('/dev/ttyAMA0', Uint8Array.of(1, 2));
    await tracked.release();
    expect(got).toEqual([1, 2]);
    expect(board.sim.serial.settings('/dev/ttyAMA0')).toBeUndefined();
  });
});

describe('linux serial ports over serialport', () => {
  it('opens with the requested settings, delivers bytes, writes and closes', async () => {
    const fake = fakeSerialModule();
    const { serial, closeAll } = createLinuxSerial(async () => fake.module);
    const port = await serial.open('/dev/ttyAMA0', TIC);
    expect(fake.opened[0]!.options).toEqual({ path: '/dev/ttyAMA0', baudRate: 9600, dataBits: 7, parity: 'even', stopBits: 1 });
    const got: number[] = [];
    port.onData((b) => got.push(...b));
    fake.opened[0]!.port.emit('data', Buffer.from([0x02, 0x0a]));
    expect(got).toEqual([0x02, 0x0a]);
    await port.write(bytes('A'));
    expect(fake.opened[0]!.written.map(String)).toEqual(['A']);
    await closeAll();
    expect(fake.opened[0]!.closed).toBe(true);
  });

  it('defaults to 8N1', async () => {
    const fake = fakeSerialModule();
    await createLinuxSerial(async () => fake.module).serial.open('/dev/ttyUSB0', { baudRate: 115200 });
    expect(fake.opened[0]!.options).toEqual({ path: '/dev/ttyUSB0', baudRate: 115200, dataBits: 8, parity: 'none', stopBits: 1 });
  });

  it('a permission error names the dialout group; a missing device names the path', async () => {
    const denied = createLinuxSerial(async () => fakeSerialModule('Error: Permission denied, cannot open /dev/ttyAMA0').module).serial;
    const err = await denied.open('/dev/ttyAMA0', TIC).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HardwareError);
    expect(err).toMatchObject({ code: 'permission' });
    expect((err as Error).message).toMatch(/dialout/);
    const missing = createLinuxSerial(async () => fakeSerialModule('Error: No such file or directory, cannot open /dev/ttyUSB3').module).serial;
    const err2 = await missing.open('/dev/ttyUSB3', TIC).catch((e: unknown) => e);
    expect(err2).toMatchObject({ code: 'not_found' });
    expect((err2 as Error).message).toMatch(/no serial device at \/dev\/ttyUSB3/);
  });

  it('a USB adapter pulled out (close with an error) ends the port with an io error', async () => {
    const fake = fakeSerialModule();
    const port = await createLinuxSerial(async () => fake.module).serial.open('/dev/ttyUSB0', TIC);
    const ends: Array<HardwareError | undefined> = [];
    port.onClose((e) => ends.push(e));
    fake.opened[0]!.port.emit('close', new Error('Port disconnected'));
    fake.opened[0]!.port.emit('error', new Error('again'));
    expect(ends).toHaveLength(1);
    expect(ends[0]).toMatchObject({ code: 'io' });
    expect(ends[0]!.message).toMatch(/ttyUSB0 went away/);
  });
});
