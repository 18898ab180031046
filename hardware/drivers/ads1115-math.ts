/** ADS1115 config word and conversion, pure (datasheet §9.6.3). */
export type Ads1115Fsr = 6.144 | 4.096 | 2.048 | 1.024 | 0.512 | 0.256;

const PGA_BITS: Record<string, number> = { '6.144': 0, '4.096': 1, '2.048': 2, '1.024': 3, '0.512': 4, '0.256': 5 };
const FSR_BY_PGA = [6.144, 4.096, 2.048, 1.024, 0.512, 0.256, 0.256, 0.256] as const;
const SPS_BY_DR = [8, 16, 32, 64, 128, 250, 475, 860] as const;

/** Single-shot, single-ended AINn vs GND, comparator disabled. DR 128 SPS. */
export function ads1115Config(channel: 0 | 1 | 2 | 3, fsr: Ads1115Fsr): number {
  const pga = PGA_BITS[String(fsr)];
  if (pga === undefined) throw new RangeError(`unsupported ADS1115 full scale ${fsr} V`);
  return (1 << 15) | ((0b100 + channel) << 12) | (pga << 9) | (1 << 8) | (0b100 << 5) | 0b00011;
}

export function ads1115FsrOfConfig(config: number): number {
  return FSR_BY_PGA[(config >> 9) & 0b111]!;
}

export function ads1115SpsOfConfig(config: number): number {
  return SPS_BY_DR[(config >> 5) & 0b111]!;
}

/** MUX field 0b100–0b111 = AIN0–AIN3 vs GND; other values are differential pairs. */
export function ads1115ChannelOfConfig(config: number): number | undefined {
  const mux = (config >> 12) & 0b111;
  return mux >= 0b100 ? mux - 0b100 : undefined;
}

export function ads1115Volts(raw: number, fsr: number): number {
  const signed = (raw << 16) >> 16;
  return (signed * fsr) / 32768;
}

export function ads1115Raw(volts: number, fsr: number): number {
  const counts = Math.round((volts / fsr) * 32768);
  return Math.min(32767, Math.max(-32768, counts)) & 0xffff;
}
