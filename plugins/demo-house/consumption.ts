/** What the house draws at one instant, as the sim sees it. */
export interface DemoLoads {
  /** Always on: fridge, router, standby. */
  baseVA: number;
  /** Rooms whose heater (relay or fil pilote radiator) is running now. */
  heatingRooms: number;
  heaterVA: number;
  /** Switched loads (relay lights …): their rating, and whether each is on. */
  switched: readonly { va: number; on: boolean }[];
  /** Dimmed loads: their rating at full duty, and the duty 0–1. */
  dimmed: readonly { va: number; duty: number }[];
}

/** Apparent power of the demo house, VA: what its Linky meter reads. */
export function demoPowerVA(loads: DemoLoads): number {
  const switched = loads.switched.reduce((sum, l) => sum + (l.on ? l.va : 0), 0);
  const dimmed = loads.dimmed.reduce((sum, l) => sum + l.va * Math.min(1, Math.max(0, l.duty)), 0);
  return Math.round(loads.baseVA + loads.heatingRooms * loads.heaterVA + switched + dimmed);
}
