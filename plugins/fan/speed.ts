/**
 * A fan's speed in percent to a PWM duty. Below some duty a motor stalls (and hums), so
 * 1 % maps to `minDuty` and 100 % to `maxDuty`; 0 % is off, duty 0.
 */
export function dutyForPercentage(percentage: number, minDuty: number, maxDuty: number): number {
  if (percentage <= 0) return 0;
  return minDuty + ((maxDuty - minDuty) * Math.min(100, percentage)) / 100;
}
