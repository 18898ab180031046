/**
 * Outdoor illuminance from the sun's altitude, pure. Rough but shaped like the real
 * curve: ~100 klx at a high sun, ~400 lx at sunrise, falling a decade per 2° of
 * civil twilight, a floor of moonless night.
 */
export function clearSkyLux(altitudeRad: number): number {
  const deg = (altitudeRad * 180) / Math.PI;
  if (deg >= 0) return 400 + 110_000 * Math.sin(altitudeRad);
  if (deg >= -6) return 400 * 10 ** (deg / 2);
  return Math.max(0.001, 0.4 * 10 ** ((deg + 6) / 6));
}

/** Clouds cut light by up to 75 %; rain clouds by at least 80 %. */
export function skyFactor(cloudCover: number, raining: boolean): number {
  const cloud = 1 - 0.75 * Math.min(1, Math.max(0, cloudCover));
  return raining ? Math.min(cloud, 0.2) : cloud;
}

/** Outdoor temperature over a day: coolest before dawn, warmest mid-afternoon (solar time). */
export function diurnalTemperature(simMs: number, longitude: number, meanC: number, amplitudeC: number): number {
  const solarHours = (((simMs / 3_600_000 + longitude / 15) % 24) + 24) % 24;
  return meanC + amplitudeC * Math.cos((2 * Math.PI * (solarHours - 15)) / 24);
}
