/** Enedis' tele-information (TIC): the pure protocol, shared by the `tic` plugin and the sim meter. */
export { TIC_LINK, STX, ETX, EOT, LF, CR, ticChecksum, parseGroup, parseHorodate, type TicMode, type TicGroup, type Horodate, type GroupResult } from './protocol.js';
export { createFrameReader, type FrameReader, type TicFrame } from './frame-reader.js';
export { createModeDetector, type ModeDetector } from './mode-detect.js';
export { ticReadings, type TicReadings, type TempoColour } from './readings.js';
