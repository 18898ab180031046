/** The simulated board and everything tests and the demo house wire onto it. */
export { createSimBoard, isSimHardware, type SimBoard, type SimBoardOptions, type SimHardware } from './board.js';
export type { SimLineInfo } from './gpio.js';
export type { SimPwmInfo } from './pwm.js';
export type { SimI2cDevice } from './i2c.js';
export type { SimDs18b20, SimDs18b20Options } from './onewire.js';
export type { SimSerial } from './serial.js';
export { createSimTicMeter, type SimTicMeter, type SimTicMeterOptions } from './chips/tic-meter.js';
export { createSimClock, type SimClock, type SimClockOptions } from './clock.js';
export type { SimEnvironment, SimRoom, SimRoomOptions, OutdoorState } from './environment.js';
export type { SimShutter, SimShutterOptions, ShutterMotion } from './physics/shutter.js';
export { createRegisterFile, nack, type RegisterFile, type RegisterFileHooks } from './chips/register-file.js';
export { createBme280Emulator, REFERENCE_BME280_CALIBRATION, type Bme280Emulator, type Bme280EmulatorOptions } from './chips/bme280.js';
export { createBh1750Emulator, type Bh1750EmulatorOptions } from './chips/bh1750.js';
export { createSht31Emulator, type Sht31Emulator, type Sht31EmulatorOptions } from './chips/sht31.js';
export { createAds1115Emulator, type Ads1115Emulator, type Ads1115EmulatorOptions } from './chips/ads1115.js';
export { createMcp23017Emulator, type Mcp23017Emulator } from './chips/mcp23017.js';
export { createPca9685Emulator, type Pca9685Emulator } from './chips/pca9685.js';
