import type { I2cBus } from '../i2c.js';
import { HardwareError } from '../errors.js';
import type { Unwatch } from '../gpio.js';

/**
 * A chip emulator on the simulated bus, at transfer level: what a write transfer
 * carries and what a read transfer returns. SMBus calls become a write of the register
 * byte followed by a read, exactly as they travel on the wire. Throwing is a NACK.
 */
export interface SimI2cDevice {
  write(data: Buffer): void;
  read(length: number): Buffer;
}

export interface SimI2cBuses {
  bus(busNumber: number): I2cBus;
  attach(busNumber: number, address: number, device: SimI2cDevice): Unwatch;
  /** Make every transfer to an address fail (a loose wire) until cleared with `null`. */
  setFault(busNumber: number, address: number, error: Error | null): void;
  closeAll(): Promise<void>;
}

const hex = (n: number): string => `0x${n.toString(16).padStart(2, '0')}`;

export function createSimI2c(): SimI2cBuses {
  const devices = new Map<string, SimI2cDevice>();
  const faults = new Map<string, Error>();
  const buses = new Map<number, I2cBus>();
  let closed = false;
  const key = (bus: number, address: number): string => `${bus}:${address}`;

  const makeBus = (busNumber: number): I2cBus => {
    let busClosed = false;
    const transfer = async <T>(address: number, what: string, job: (d: SimI2cDevice) => T): Promise<T> => {
      if (busClosed || closed) throw new HardwareError('closed', `/dev/i2c-${busNumber} is closed`);
      const device = devices.get(key(busNumber, address));
      if (!device) throw new HardwareError('io', `${what} on /dev/i2c-${busNumber} failed: no device acknowledges at ${hex(address)}`);
      try {
        // A fault fails the transfer as the Linux backend reports a failed ioctl: as a HardwareError.
        const fault = faults.get(key(busNumber, address));
        if (fault) throw fault;
        return job(device);
      } catch (err) {
        if (err instanceof HardwareError) throw err;
        throw new HardwareError('io', `${what} on /dev/i2c-${busNumber} failed: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
      }
    };
    return {
      busNumber,
      readByte: (a, r) => transfer(a, `readByte ${hex(a)}[${hex(r)}]`, (d) => (d.write(Buffer.from([r])), d.read(1)[0]!)),
      writeByte: (a, r, v) => transfer(a, `writeByte ${hex(a)}[${hex(r)}]`, (d) => d.write(Buffer.from([r, v & 0xff]))),
      readBlock: (a, r, n) => transfer(a, `readBlock ${hex(a)}[${hex(r)}]`, (d) => (d.write(Buffer.from([r])), Buffer.from(d.read(n)))),
      writeBlock: (a, r, data) => transfer(a, `writeBlock ${hex(a)}[${hex(r)}]`, (d) => d.write(Buffer.concat([Buffer.from([r]), data]))),
      read: (a, n) => transfer(a, `read ${hex(a)}`, (d) => Buffer.from(d.read(n))),
      write: (a, data) => transfer(a, `write ${hex(a)}`, (d) => d.write(Buffer.from(data))),
      async scan() {
        if (busClosed || closed) throw new HardwareError('closed', `/dev/i2c-${busNumber} is closed`);
        return [...devices.keys()]
          .map((k) => k.split(':').map(Number) as [number, number])
          .filter(([b, a]) => b === busNumber && a >= 0x03 && a <= 0x77 && !faults.has(key(b, a)))
          .map(([, a]) => a)
          .sort((x, y) => x - y);
      },
      async close() {
        busClosed = true;
        buses.delete(busNumber);
      },
    };
  };

  return {
    bus(busNumber) {
      if (closed) throw new HardwareError('closed', 'the simulated board is closed');
      let bus = buses.get(busNumber);
      if (!bus) {
        bus = makeBus(busNumber);
        buses.set(busNumber, bus);
      }
      return bus;
    },
    attach(busNumber, address, device) {
      if (!Number.isInteger(address) || address < 0 || address > 0x7f) throw new RangeError(`I2C address ${address} out of range`);
      const k = key(busNumber, address);
      if (devices.has(k)) throw new HardwareError('busy', `bus ${busNumber} already has a device at ${hex(address)}`);
      devices.set(k, device);
      return () => {
        if (devices.get(k) === device) devices.delete(k);
      };
    },
    setFault(busNumber, address, error) {
      if (error) faults.set(key(busNumber, address), error);
      else faults.delete(key(busNumber, address));
    },
    async closeAll() {
      closed = true;
      buses.clear();
    },
  };
}
