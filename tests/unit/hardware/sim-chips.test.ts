import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createAds1115Emulator, createBh1750Emulator, createBme280Emulator, createMcp23017Emulator, createPca9685Emulator,
  createSht31Emulator, createSimBoard, openAds1115, openBh1750, openBme280, openMcp23017, openPca9685, openSht31,
  readDs18b20, type Level,
} from '../../../hardware/index.js';

beforeEach(() => vi.useFakeTimers({ now: new Date('2025-06-21T10:00:00Z') }));
afterEach(() => vi.useRealTimers());

async function settle<T>(p: Promise<T>): Promise<T> {
  let done = false;
  const out = p.finally(() => (done = true));
  out.catch(() => undefined);
  for (let i = 0; i < 100 && !done; i++) await vi.advanceTimersByTimeAsync(10);
  return out;
}

function house() {
  const hw = createSimBoard({ clock: { start: new Date('2025-06-21T10:00:00Z') } });
  const living = hw.sim.environment.room('living_room', { temperatureC: 21.5, humidityPct: 48 });
  return { hw, living };
}

describe('drivers against the sim emulators', () => {
  it('a BME280 at 0x76 on bus 1 reads the living room', async () => {
    const { hw, living } = house();
    hw.sim.attachI2c(1, 0x76, createBme280Emulator({ climate: () => living.climate() }));
    expect(await hw.i2c(1).scan()).toEqual([0x76]);
    const bme = await openBme280(hw.i2c(1));
    const r = await settle(bme.read());
    expect(r.temperatureC).toBeCloseTo(living.climate().temperatureC, 1);
    expect(r.humidityPct).toBeCloseTo(48, 0);
    expect(r.pressureHpa).toBeCloseTo(1013.25, 1);
  });

  it('the BME280 emulator skips humidity unless ctrl_hum is followed by ctrl_meas', async () => {
    const { hw, living } = house();
    hw.sim.attachI2c(1, 0x76, createBme280Emulator({ climate: () => living.climate() }));
    const bus = hw.i2c(1);
    await bus.writeByte(0x76, 0xf4, 0b00100101); // forced, no ctrl_hum yet
    await bus.writeByte(0x76, 0xf2, 0b001); // not latched: no ctrl_meas follows
    expect(Array.from(await bus.readBlock(0x76, 0xfd, 2))).toEqual([0x80, 0x00]);
  });

  it('an SHT31 reads its room and its CRC faults are rejected', async () => {
    const { hw, living } = house();
    const sht = createSht31Emulator({ climate: () => living.climate() });
    hw.sim.attachI2c(1, 0x44, sht);
    const driver = await openSht31(hw.i2c(1));
    const r = await settle(driver.read());
    expect(r.temperatureC).toBeCloseTo(living.climate().temperatureC, 2);
    expect(r.humidityPct).toBeCloseTo(48, 2);
    sht.corruptReads(1);
    await expect(settle(driver.read())).rejects.toThrow(/CRC/);
    // Reading before the conversion ends is a NACK, as on the wire.
    await hw.i2c(1).write(0x44, Buffer.from([0x24, 0x00]));
    await expect(hw.i2c(1).read(0x44, 6)).rejects.toThrow(/acknowledge/);
  });

  it('a BH1750 follows the sun', async () => {
    const { hw } = house();
    hw.sim.attachI2c(1, 0x23, createBh1750Emulator({ lux: () => hw.sim.environment.outdoor().lux }));
    const bh = await openBh1750(hw.i2c(1));
    hw.sim.clock.set(new Date('2025-06-21T05:30:00Z'));
    const morning = await settle(bh.read());
    expect(Math.abs(morning - hw.sim.environment.outdoor().lux)).toBeLessThan(1);
    expect(morning).toBeGreaterThan(10_000);
    hw.sim.clock.set(new Date('2025-06-21T12:00:00Z'));
    expect(await bh.read()).toBeCloseTo(65535 / 1.2, 3); // the 16-bit counter saturates in full sun
    hw.sim.clock.set(new Date('2025-06-21T23:00:00Z'));
    vi.advanceTimersByTime(200);
    expect(await bh.read()).toBeLessThan(5);
  });

  it('an ADS1115 converts each channel with its PGA', async () => {
    const { hw } = house();
    const ads = createAds1115Emulator();
    ads.setVolts(0, 3.3);
    ads.setVolts(2, 0.75);
    hw.sim.attachI2c(1, 0x48, ads);
    const driver = await openAds1115(hw.i2c(1));
    expect(await settle(driver.readVolts(0))).toBeCloseTo(3.3, 3);
    expect(await settle(driver.readVolts(2, 1.024))).toBeCloseTo(0.75, 3);
    expect(await settle(driver.readVolts(0, 2.048))).toBeCloseTo(2.048, 3); // clipped at full scale
  });

  it('a PCA9685 dimmer shows its duty and frequency', async () => {
    const { hw } = house();
    const pca = createPca9685Emulator();
    hw.sim.attachI2c(1, 0x40, pca);
    const driver = await settle(openPca9685(hw.i2c(1), 0x40, { frequencyHz: 200 }));
    expect(pca.frequencyHz()).toBeCloseTo(196.9, 1); // 25 MHz / (4096 · 31)
    await driver.setDuty(0, 0.4);
    await driver.setDuty(15, 1);
    expect(pca.duty(0)).toBeCloseTo(0.4, 3);
    expect(pca.duty(15)).toBe(1);
    await driver.allOff();
    expect(pca.duty(0)).toBe(0);
  });

  it('an MCP23017 behaves as a Gpio: relays out, buttons in with debounce', async () => {
    const { hw } = house();
    const mcp = createMcp23017Emulator();
    hw.sim.attachI2c(1, 0x20, mcp);
    const expander = await openMcp23017(hw.i2c(1), 0x20, { pullUps: [3], pollMs: 10 });
    const relay = expander.open(8, { direction: 'out', activeLow: true });
    await relay.read();
    expect(mcp.level(8)).toBe(1);
    await relay.write(1);
    expect(mcp.level(8)).toBe(0);
    const button = expander.open(3, { direction: 'in', activeLow: true, debounceMs: 20 });
    expect(await button.read()).toBe(0); // pull-up holds it high: not pressed
    const presses: Level[] = [];
    button.watch((v) => presses.push(v));
    await vi.advanceTimersByTimeAsync(15);
    mcp.drive(3, 0);
    await vi.advanceTimersByTimeAsync(60);
    expect(presses).toEqual([1]);
    await expander.close();
    expect(mcp.level(8)).toBe(1);
  });

  it('DS18B20s on the 1-Wire bus, with the power-on value retried', async () => {
    const { hw, living } = house();
    const probe = hw.sim.attachDs18b20('28-0316a2794aff', { temperatureC: () => living.climate().temperatureC });
    expect(await hw.oneWire.list()).toEqual(['28-0316a2794aff']);
    probe.powerOnReads(1);
    expect(await readDs18b20(hw.oneWire, '28-0316a2794aff')).toBeCloseTo(21.5, 1);
    probe.corruptReads(3);
    await expect(readDs18b20(hw.oneWire, '28-0316a2794aff')).rejects.toThrow(/CRC/);
    await expect(readDs18b20(hw.oneWire, '28-000000000000')).rejects.toThrow(/ENOENT/);
  });

  it('an I2C fault makes transfers fail until healed; a missing chip does not acknowledge', async () => {
    const { hw, living } = house();
    hw.sim.attachI2c(1, 0x44, createSht31Emulator({ climate: () => living.climate() }));
    hw.sim.setI2cFault(1, 0x44, Object.assign(new Error('EREMOTEIO'), { code: 'EREMOTEIO' }));
    await expect(hw.i2c(1).write(0x44, Buffer.from([0x24, 0x00]))).rejects.toThrow(/EREMOTEIO/);
    hw.sim.setI2cFault(1, 0x44, null);
    await expect(hw.i2c(1).write(0x44, Buffer.from([0x24, 0x00]))).resolves.toBeUndefined();
    await expect(hw.i2c(2).readByte(0x76, 0xd0)).rejects.toThrow(/no device acknowledges at 0x76/);
  });
});
