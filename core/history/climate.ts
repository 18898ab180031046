/**
 * Climate entities are recorded as their hvac mode plus three derived series,
 * stored like entities of their own under `<entity id>#current`, `#target` (numeric)
 * and `#heating` (on/off), so they are downsampled and rolled up like any sensor.
 */
import { domainOf, type EntityState } from '../kernel/index.js';
import type { StoredState } from './kinds.js';

export const CLIMATE_SERIES = ['current', 'target', 'heating'] as const;
export type ClimateSeries = (typeof CLIMATE_SERIES)[number];

export const isClimate = (entityId: string): boolean => domainOf(entityId) === 'climate';
export const seriesId = (entityId: string, series: ClimateSeries): string => `${entityId}#${series}`;

/** The series part of a derived id (`climate.x#heating` → `heating`), undefined for an entity's own id. */
export function seriesOf(id: string): ClimateSeries | undefined {
  const name = id.slice(id.indexOf('#') + 1);
  return id.includes('#') ? CLIMATE_SERIES.find((s) => s === name) : undefined;
}

const number = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Each derived series' stored value for a climate state; all unknown while it is unavailable. */
export function climateValues(state: EntityState): Record<ClimateSeries, StoredState> {
  if (!state.available) return { current: null, target: null, heating: null };
  const { currentTemperature, targetTemperature, hvacAction } = state.attributes;
  return {
    current: number(currentTemperature),
    target: number(targetTemperature),
    heating: typeof hvacAction === 'string' ? (hvacAction === 'heating' ? 'on' : 'off') : null,
  };
}
