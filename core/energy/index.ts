export type { EnergyConfig, TariffName } from '../config/index.js';
export { createEnergy, type Energy, type EnergyReport, type TariffComparison, type TempoCalendar } from './service.js';
export { createEnergyRoutes, ENERGY_ROUTE_DOCS } from './routes.js';
export { PERIODS, type EnergyPeriod } from './buckets.js';
export type { EnergyRow, Summary, TariffCost } from './report.js';
