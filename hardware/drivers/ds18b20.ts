import type { OneWire } from '../onewire.js';
import { HardwareError, errnoOf, isHardwareError } from '../errors.js';
import { parseTemperatureFile, parseW1Slave, type Ds18b20Reading } from './ds18b20-parse.js';

const ATTEMPTS = 3;

/**
 * Temperature in °C of a DS18B20 (`28-…`). Prefers `w1_slave` (it carries the CRC);
 * falls back to the newer `temperature` file. A bad CRC or the 85 °C power-on value
 * is retried, then reported as an error, never as a reading.
 */
export async function readDs18b20(oneWire: OneWire, id: string): Promise<number> {
  let last: Ds18b20Reading | undefined;
  let useTemperatureFile = false;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    let reading: Ds18b20Reading;
    try {
      reading = useTemperatureFile
        ? parseTemperatureFile(await oneWire.readFile(id, 'temperature'))
        : parseW1Slave(await oneWire.readFile(id, 'w1_slave'));
    } catch (err) {
      if (!useTemperatureFile && errnoOf(err) === 'ENOENT') {
        useTemperatureFile = true;
        attempt--;
        continue;
      }
      throw deviceError(err, id);
    }
    if (reading.crcOk && !reading.powerOnValue) return reading.temperatureC;
    last = reading;
  }
  throw new HardwareError('bad_data', `DS18B20 ${id}: ${last?.crcOk ? 'not converted (85 °C power-on value)' : 'CRC mismatch'} after ${ATTEMPTS} reads`, {
    hint: 'check the 4.7 kΩ pull-up and the supply wiring',
  });
}

/**
 * A sensor unplugged (its files gone), a failed read or a garbled file is the device's
 * trouble, not the caller's bug: always a `HardwareError`, so a plugin retries it.
 */
function deviceError(err: unknown, id: string): HardwareError {
  if (isHardwareError(err)) return err;
  const code = errnoOf(err) === 'ENOENT' ? 'not_found' : err instanceof SyntaxError ? 'bad_data' : 'io';
  return new HardwareError(code, `DS18B20 ${id}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
}
