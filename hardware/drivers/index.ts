/** Chip drivers: each a factory over `I2cBus` / `OneWire`; the pure maths lives beside it. */
export { openBme280, type Bme280, type Climate } from './bme280.js';
export {
  compensateBme280, parseBme280Calibration, parseBme280Data, encodeBme280Calibration,
  bme280TFine, bme280Temperature, bme280Pressure, bme280Humidity,
  type Bme280Calibration, type Bme280Raw,
} from './bme280-compensate.js';
export { openBh1750, bh1750Lux, type Bh1750 } from './bh1750.js';
export { openSht31, decodeSht31, type Sht31, type Sht31Reading } from './sht31.js';
export { openAds1115, type Ads1115, type Ads1115Fsr } from './ads1115.js';
export { ads1115Config, ads1115Volts, ads1115Raw } from './ads1115-math.js';
export { openMcp23017, type Mcp23017, type Mcp23017Options } from './mcp23017.js';
export { openPca9685, type Pca9685 } from './pca9685.js';
export { pca9685Prescale, pca9685Frequency, pca9685DutyRegisters, pca9685DutyFromRegisters } from './pca9685-math.js';
export { readDs18b20 } from './ds18b20.js';
export { parseW1Slave, parseTemperatureFile, formatW1Slave, ds18b20Celsius, type Ds18b20Reading } from './ds18b20-parse.js';
export { crc8Sensirion, crc8Maxim } from './crc8.js';
export * from './tic/index.js';
