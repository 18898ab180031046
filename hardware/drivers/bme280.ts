import type { I2cBus } from '../i2c.js';
import { HardwareError } from '../errors.js';
import { delay } from '../common/serial-queue.js';
import { compensateBme280, parseBme280Calibration, parseBme280Data, type Climate } from './bme280-compensate.js';

export type { Climate } from './bme280-compensate.js';

const REG_CHIP_ID = 0xd0;
const REG_CTRL_HUM = 0xf2;
const REG_STATUS = 0xf3;
const REG_CTRL_MEAS = 0xf4;
const REG_DATA = 0xf7;
const CHIP_ID = 0x60;
/** Oversampling ×1 for T, P and H, forced mode. */
const CTRL_HUM_X1 = 0b001;
const CTRL_MEAS_FORCED_X1 = (0b001 << 5) | (0b001 << 2) | 0b01;
/** Datasheet §9.1: t_measure,max at ×1/×1/×1 is 9.3 ms. */
const CONVERSION_MS = 10;
const STATUS_POLLS = 10;

export interface Bme280 {
  read(): Promise<Climate>;
}

export async function openBme280(bus: I2cBus, address = 0x76): Promise<Bme280> {
  const id = await bus.readByte(address, REG_CHIP_ID);
  if (id !== CHIP_ID) {
    throw new HardwareError('bad_data', `no BME280 at 0x${address.toString(16)} on bus ${bus.busNumber}: chip id 0x${id.toString(16)}`, {
      hint: id === 0x58 ? 'this is a BMP280 (no humidity); use a BMP280 driver' : 'check the address (0x76 or 0x77, SDO pin)',
    });
  }
  const calibration = parseBme280Calibration(await bus.readBlock(address, 0x88, 26), await bus.readBlock(address, 0xe1, 7));

  return {
    async read() {
      // ctrl_hum only takes effect with the following ctrl_meas write (datasheet §5.4.3).
      await bus.writeByte(address, REG_CTRL_HUM, CTRL_HUM_X1);
      await bus.writeByte(address, REG_CTRL_MEAS, CTRL_MEAS_FORCED_X1);
      await delay(CONVERSION_MS);
      for (let i = 0; ; i++) {
        const status = await bus.readByte(address, REG_STATUS);
        if ((status & 0x08) === 0) break;
        if (i >= STATUS_POLLS) throw new HardwareError('io', `BME280 at 0x${address.toString(16)} never finished converting`);
        await delay(2);
      }
      return compensateBme280(calibration, parseBme280Data(await bus.readBlock(address, REG_DATA, 8)));
    },
  };
}
