import type { PluginTimers, SimBoard } from '../../core/plugin-api.js';

export interface SimRadiator {
  positiveLine: number;
  negativeLine: number;
  room: string;
  /** The radiator's own comfort setpoint; eco is 3.5 °C below, frost protection 7 °C. */
  comfortC: number;
}

/** How often the radiator's own thermostat looks at the room. */
const REGULATE_MS = 30_000;
const FROST_C = 7;
const ECO_OFFSET_C = 3.5;

/**
 * A fil pilote radiator with its built-in thermostat, as the house's side of the pilot
 * wire: it reads the order off the two lines (the half-waves the opto-triacs pass, see
 * docs/hardware.md) and heats its room to that order's setpoint. A comfort −1/−2 pulse
 * reads as eco for its few seconds, which a real radiator smooths out.
 */
export function addFilPiloteRadiator(sim: SimBoard, timers: PluginTimers, radiator: SimRadiator): () => void {
  const room = sim.environment.room(radiator.room);
  const setpoint = (): number | null => {
    const positive = sim.level(radiator.positiveLine);
    const negative = sim.level(radiator.negativeLine);
    if (positive && negative) return radiator.comfortC - ECO_OFFSET_C;
    if (negative) return FROST_C;
    if (positive) return null; // off (arrêt)
    return radiator.comfortC;
  };
  const regulate = (): void => {
    const target = setpoint();
    room.setHeating(target !== null && room.climate().temperatureC < target);
  };
  const unwatch = sim.onLineChange((line) => {
    if (line === radiator.positiveLine || line === radiator.negativeLine) regulate();
  });
  const tick = timers.setInterval(regulate, REGULATE_MS);
  regulate();
  return () => {
    unwatch();
    tick.cancel();
    room.setHeating(false);
  };
}
