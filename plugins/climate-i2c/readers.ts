import { openAds1115, openBh1750, openBme280, openSht31, type I2cBus } from '../../hardware/index.js';
import { QUANTITIES, type Quantity } from '../../hardware/index.js';
import type { ClimateDevice } from './schema.js';

/** One value a device reports, and how to calibrate it. */
export interface Channel {
  key: string;
  name?: string;
  quantity: Quantity;
  calibration: { offset?: number; scale?: number; threshold?: number };
}

export interface DeviceReader {
  channels: Channel[];
  /** Opens the chip (on first use and after a failure); returns a raw reading per channel key. */
  open(bus: I2cBus): Promise<() => Promise<Record<string, number>>>;
}

const channel = (key: keyof typeof QUANTITIES, calibration: Channel['calibration'] = {}): Channel => ({ key, quantity: QUANTITIES[key], calibration });

/** What each chip measures and how the driver reads it. */
export function readerFor(device: ClimateDevice): DeviceReader {
  switch (device.chip) {
    case 'bme280':
      return {
        channels: (['temperature', 'humidity', 'pressure'] as const).map((k) => channel(k, device.calibration[k])),
        async open(bus) {
          const chip = await openBme280(bus, device.address);
          return async () => {
            const c = await chip.read();
            return { temperature: c.temperatureC, humidity: c.humidityPct, pressure: c.pressureHpa };
          };
        },
      };
    case 'sht31':
      return {
        channels: (['temperature', 'humidity'] as const).map((k) => channel(k, device.calibration[k])),
        async open(bus) {
          const chip = await openSht31(bus, device.address);
          return async () => {
            const c = await chip.read();
            return { temperature: c.temperatureC, humidity: c.humidityPct };
          };
        },
      };
    case 'bh1750':
      return {
        channels: [channel('illuminance', device.calibration.illuminance)],
        async open(bus) {
          const chip = await openBh1750(bus, device.address);
          return async () => ({ illuminance: await chip.read() });
        },
      };
    case 'ads1115':
      return {
        channels: device.channels.map((c) => ({
          key: c.key,
          name: c.name,
          quantity: { ...QUANTITIES.voltage, unit: c.unit, deviceClass: c.deviceClass },
          calibration: { offset: c.offset, scale: c.scale, threshold: c.threshold },
        })),
        async open(bus) {
          const chip = await openAds1115(bus, device.address);
          return async () => {
            const values: Record<string, number> = {};
            for (const c of device.channels) values[c.key] = await chip.readVolts(c.channel);
            return values;
          };
        },
      };
  }
}
