import type { I2cBus } from '../i2c.js';
import { delay } from '../common/serial-queue.js';

const POWER_ON = 0x01;
const CONTINUOUS_H_RES = 0x10;
/** Datasheet: H-resolution measurement takes up to 180 ms. */
const FIRST_CONVERSION_MS = 180;

export interface Bh1750 {
  /** Illuminance in lux. */
  read(): Promise<number>;
}

/** counts / 1.2 at the default MTreg (datasheet p.11). */
export function bh1750Lux(counts: number): number {
  return counts / 1.2;
}

export async function openBh1750(bus: I2cBus, address = 0x23): Promise<Bh1750> {
  await bus.write(address, Buffer.from([POWER_ON]));
  await bus.write(address, Buffer.from([CONTINUOUS_H_RES]));
  // Until the first conversion ends the result register holds 0: do not report darkness.
  let ready: Promise<void> | undefined = delay(FIRST_CONVERSION_MS);
  return {
    async read() {
      if (ready) {
        await ready;
        ready = undefined;
      }
      const data = await bus.read(address, 2);
      return bh1750Lux(data.readUInt16BE(0));
    },
  };
}
