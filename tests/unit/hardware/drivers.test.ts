import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  crc8Sensirion, encodeBme280Calibration, openAds1115, openBh1750, openBme280, openMcp23017, openPca9685, openSht31,
  readDs18b20, HardwareError, type OneWire,
} from '../../../hardware/index.js';
import { createStandInBus } from './stand-in-bus.js';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Runs a promise to completion while fake time passes. */
async function settle<T>(p: Promise<T>): Promise<T> {
  let done = false;
  const out = p.finally(() => (done = true));
  out.catch(() => undefined); // the caller awaits `out`; do not flag it unhandled meanwhile
  for (let i = 0; i < 100 && !done; i++) await vi.advanceTimersByTimeAsync(10);
  return out;
}

describe('openBme280 over a stand-in bus', () => {
  it('checks the chip id, reads calibration, triggers forced mode and compensates', async () => {
    const bus = createStandInBus();
    const regs = bus.regs(0x77);
    regs.set(0xd0, 0x60);
    const { block1, block2 } = encodeBme280Calibration({
      T1: 27504, T2: 26435, T3: -1000, P1: 36477, P2: -10685, P3: 3024, P4: 2855, P5: 140, P6: -7, P7: 15500, P8: -14600, P9: 6000,
      H1: 75, H2: 362, H3: 0, H4: 313, H5: 50, H6: 30,
    });
    block1.forEach((v, i) => regs.set(0x88 + i, v));
    block2.forEach((v, i) => regs.set(0xe1 + i, v));
    [0x65, 0x5a, 0xc0, 0x7e, 0xed, 0x00, 0x6d, 0x00].forEach((v, i) => regs.set(0xf7 + i, v));
    const bme = await openBme280(bus, 0x77);
    const r = await settle(bme.read());
    expect(r.temperatureC).toBeCloseTo(25.08, 2);
    expect(r.pressureHpa).toBeCloseTo(1006.53, 1);
    expect(r.humidityPct).toBeGreaterThan(0);
    expect(r.humidityPct).toBeLessThan(100);
    // ctrl_hum must be written before the ctrl_meas write that latches it.
    const ctrl = bus.writes.filter((w) => w.register === 0xf2 || w.register === 0xf4).map((w) => w.register);
    expect(ctrl).toEqual([0xf2, 0xf4]);
    expect(regs.get(0xf4)! & 3).toBe(1);
  });

  it('names a BMP280 instead of failing obscurely', async () => {
    const bus = createStandInBus();
    bus.regs(0x76).set(0xd0, 0x58);
    await expect(openBme280(bus)).rejects.toThrow(/BMP280/);
  });
});

describe('openSht31 over a stand-in bus', () => {
  const word = (v: number): number[] => [v >> 8, v & 0xff, crc8Sensirion(Uint8Array.from([v >> 8, v & 0xff]))];

  it('sends 0x2400, waits, checks CRCs and converts', async () => {
    const bus = createStandInBus();
    bus.queueRead(0x44, Buffer.from([...word(0x6666), ...word(0x8000)]));
    const sht = await openSht31(bus);
    const r = await settle(sht.read());
    expect(bus.writes[0]).toEqual({ address: 0x44, data: [0x24, 0x00] });
    expect(r.temperatureC).toBeCloseTo(25.0, 6); // 0x6666 / 0xFFFF = 0.4 exactly
    expect(r.humidityPct).toBeCloseTo(50.0008, 3);
  });

  function nackingBus(nacks: number) {
    const bus = createStandInBus();
    bus.queueRead(0x44, Buffer.from([...word(0x6666), ...word(0x8000)]));
    const read = bus.read.bind(bus);
    let left = nacks;
    bus.read = async (address, length) => {
      if (left-- > 0) throw Object.assign(new Error('no acknowledge'), { code: 'EREMOTEIO' });
      return read(address, length);
    };
    return bus;
  }

  it('polls the result again while the sensor NACKs a conversion still running', async () => {
    const sht = await openSht31(nackingBus(2));
    expect((await settle(sht.read())).temperatureC).toBeCloseTo(25.0, 6);
  });

  it('gives up when the sensor keeps NACKing', async () => {
    const sht = await openSht31(nackingBus(100));
    await expect(settle(sht.read())).rejects.toThrow(/no acknowledge/);
  });

  it('rejects a reading whose CRC is wrong', async () => {
    const bus = createStandInBus();
    const bad = [...word(0x6666), ...word(0x8000)];
    bad[5] ^= 0x01;
    bus.queueRead(0x44, Buffer.from(bad));
    const sht = await openSht31(bus);
    await expect(settle(sht.read())).rejects.toThrow(HardwareError);
  });
});

describe('openBh1750 over a stand-in bus', () => {
  it('powers on, selects continuous H-resolution and divides counts by 1.2', async () => {
    const bus = createStandInBus();
    bus.queueRead(0x23, Buffer.from([0x83, 0x90]));
    const bh = await openBh1750(bus);
    expect(bus.writes.map((w) => w.data)).toEqual([[0x01], [0x10]]);
    expect(await settle(bh.read())).toBeCloseTo(28066.7, 1);
  });
});

describe('openAds1115 over a stand-in bus', () => {
  it('writes a single-shot config for the channel, waits for OS = 1 and scales the conversion', async () => {
    // The ADS1115 has 16-bit registers behind a pointer, so this stand-in keeps words.
    const words = new Map<number, number>([[0, 0x4000], [1, 0x8583]]);
    const written: number[] = [];
    const bus = {
      ...createStandInBus(),
      async readBlock(_a: number, r: number) {
        const w = words.get(r) ?? 0;
        return Buffer.from([w >> 8, w & 0xff]);
      },
      async writeBlock(_a: number, r: number, d: Buffer) {
        written.push(d.readUInt16BE(0));
        words.set(r, d.readUInt16BE(0) & 0x7fff); // busy until the "conversion" below
        setTimeout(() => words.set(1, words.get(1)! | 0x8000), 8);
      },
    };
    const ads = await openAds1115(bus, 0x48);
    const volts = await settle(ads.readVolts(1, 2.048));
    expect(written).toEqual([0xd583]);
    expect(volts).toBeCloseTo(1.024, 6);
  });
});

describe('openPca9685 over a stand-in bus', () => {
  it('sets the prescale while asleep, wakes with auto-increment and writes duty registers', async () => {
    const bus = createStandInBus();
    bus.regs(0x40).set(0x00, 0x11);
    const pca = await settle(openPca9685(bus, 0x40, { frequencyHz: 200 }));
    const seq = bus.writes.map((w) => [w.register, ...w.data]);
    expect(seq).toEqual([[0x01, 0x04], [0x00, 0x30], [0xfe, 30], [0x00, 0x20]]);
    await pca.setDuty(3, 0.5);
    expect(bus.writes.at(-1)).toEqual({ address: 0x40, register: 0x06 + 12, data: [0, 0, 0x00, 0x08] });
    await expect(pca.setDuty(16, 1)).rejects.toThrow(RangeError);
  });
});

describe('openMcp23017 over a stand-in bus', () => {
  it('latches the safe level before turning a line into an output', async () => {
    const bus = createStandInBus();
    bus.regs(0x20);
    const mcp = await openMcp23017(bus, 0x20);
    bus.writes.length = 0;
    const relay = mcp.open(9, { direction: 'out', activeLow: true });
    await relay.write(0);
    const order = bus.writes.map((w) => w.register);
    expect(order.slice(0, 2)).toEqual([0x14, 0x00]); // OLAT first, then IODIR
    expect(bus.regs(0x20).get(0x15)! & 0x02).toBe(0x02); // GPB1 high = active-low relay off
    expect(bus.regs(0x20).get(0x01)! & 0x02).toBe(0x00); // and an output
    await relay.write(1);
    expect(bus.regs(0x20).get(0x15)! & 0x02).toBe(0x00);
    await mcp.close();
    expect(bus.regs(0x20).get(0x15)! & 0x02).toBe(0x02); // released on close
  });

  it('bias: pull-up sets the line GPPU bit; pull-down is refused (the chip has none)', async () => {
    const bus = createStandInBus();
    bus.regs(0x20);
    const mcp = await openMcp23017(bus, 0x20);
    await mcp.open(3, { direction: 'in', bias: 'pull-up' }).read();
    await mcp.open(4, { direction: 'in' }).read();
    expect(bus.regs(0x20).get(0x0c)).toBe(0x08); // GPPUA: GPA3 only
    expect(() => mcp.open(5, { direction: 'in', bias: 'pull-down' })).toThrow(/pull-ups only/);
    await mcp.close();
  });
});

describe('readDs18b20', () => {
  const files = (answers: (string | Error)[]): OneWire & { reads: string[] } => {
    const reads: string[] = [];
    return {
      reads,
      async list() {
        return ['28-0316a2794aff'];
      },
      async readFile(_id, file = 'w1_slave') {
        reads.push(file);
        const a = answers.shift();
        if (a === undefined) throw new Error('no more answers');
        if (a instanceof Error) throw a;
        return a;
      },
    };
  };
  const good = '72 01 4b 46 7f ff 0e 10 57 : crc=57 YES\n72 01 4b 46 7f ff 0e 10 57 t=23125\n';
  const powerOn = '50 05 4b 46 7f ff 0c 10 1c : crc=1c YES\n50 05 4b 46 7f ff 0c 10 1c t=85000\n';
  const crcNo = '72 01 4b 46 7f ff 0e 10 00 : crc=00 NO\n72 01 4b 46 7f ff 0e 10 00 t=23125\n';

  it('reads 23.125 °C from the datasheet scratchpad', async () => {
    expect(await readDs18b20(files([good]), '28-0316a2794aff')).toBe(23.125);
  });
  it('retries the 85 °C power-on value and a bad CRC, then gives up loudly', async () => {
    expect(await readDs18b20(files([powerOn, crcNo, good]), '28-0316a2794aff')).toBe(23.125);
    await expect(readDs18b20(files([crcNo, crcNo, crcNo]), '28-0316a2794aff')).rejects.toThrow(/CRC/);
    await expect(readDs18b20(files([powerOn, powerOn, powerOn]), '28-0316a2794aff')).rejects.toThrow(/not converted/);
  });
  it('falls back to the temperature file when w1_slave is missing', async () => {
    const ow = files([Object.assign(new Error('ENOENT'), { code: 'ENOENT' }), '19500\n']);
    expect(await readDs18b20(ow, '28-0316a2794aff')).toBe(19.5);
    expect(ow.reads).toEqual(['w1_slave', 'temperature']);
  });
});
