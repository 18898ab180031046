export { backfillHistory, type BackfillDeps, type BackfillReport } from './backfill.js';
