/** CRC-8 as Sensirion uses it (SHT3x datasheet §4.12): poly 0x31, init 0xFF, no reflection. */
export function crc8Sensirion(data: Uint8Array): number {
  let crc = 0xff;
  for (const byte of data) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 0x80 ? ((crc << 1) ^ 0x31) & 0xff : (crc << 1) & 0xff;
    }
  }
  return crc;
}

/** Dallas/Maxim 1-Wire CRC-8 (DS18B20 scratchpad): poly x^8+x^5+x^4+1, reflected (0x8C), init 0. */
export function crc8Maxim(data: Uint8Array): number {
  let crc = 0;
  for (const byte of data) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) {
      crc = crc & 1 ? (crc >>> 1) ^ 0x8c : crc >>> 1;
    }
  }
  return crc;
}
