import type { I2cBus } from '../../../hardware/index.js';

/**
 * A dumb I2C bus for driver tests: a register map per address (SMBus calls read and
 * write it, no chip logic), queued answers for plain reads, and a log of every write.
 */
export interface StandInBus extends I2cBus {
  regs(address: number): Map<number, number>;
  /** Answers for successive plain `read`s at an address. */
  queueRead(address: number, data: Buffer): void;
  writes: { address: number; register?: number; data: number[] }[];
}

export function createStandInBus(busNumber = 1): StandInBus {
  const maps = new Map<number, Map<number, number>>();
  const reads = new Map<number, Buffer[]>();
  const writes: StandInBus['writes'] = [];
  const regs = (a: number): Map<number, number> => {
    let m = maps.get(a);
    if (!m) maps.set(a, (m = new Map()));
    return m;
  };
  const present = (a: number): void => {
    if (!maps.has(a) && !reads.has(a)) throw Object.assign(new Error(`no device at ${a}`), { code: 'EREMOTEIO' });
  };
  return {
    busNumber,
    writes,
    regs,
    queueRead(a, data) {
      if (!reads.has(a)) reads.set(a, []);
      reads.get(a)!.push(data);
    },
    async readByte(a, r) {
      present(a);
      return regs(a).get(r) ?? 0;
    },
    async writeByte(a, r, v) {
      present(a);
      writes.push({ address: a, register: r, data: [v] });
      regs(a).set(r, v);
    },
    async readBlock(a, r, n) {
      present(a);
      return Buffer.from(Array.from({ length: n }, (_, i) => regs(a).get(r + i) ?? 0));
    },
    async writeBlock(a, r, d) {
      present(a);
      writes.push({ address: a, register: r, data: [...d] });
      d.forEach((v, i) => regs(a).set(r + i, v));
    },
    async read(a, n) {
      present(a);
      const next = reads.get(a)?.shift();
      if (!next) throw Object.assign(new Error('nothing to read'), { code: 'EREMOTEIO' });
      return next.subarray(0, n);
    },
    async write(a, d) {
      present(a);
      writes.push({ address: a, data: [...d] });
    },
    async scan() {
      return [...new Set([...maps.keys(), ...reads.keys()])].sort((x, y) => x - y);
    },
    async close() {},
  };
}
