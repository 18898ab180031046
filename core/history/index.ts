import './events.js';

export { createRecorder, type Recorder, type RecorderDeps, type RecorderOptions, type RecorderStats } from './recorder.js';
export {
  createHistoryQueries,
  type HistoryPoint,
  type HistoryQueries,
  type HistoryQueryOptions,
  type HistoryResult,
  type LogbookEntry,
  type LogbookPage,
  type LogbookQuery,
  type RecordedState,
  type StatisticsPeriod,
  type StatisticsRow,
} from './queries.js';
export { presentLogbookEntry, type LogbookView, type ResolveUserName } from './logbook-present.js';
export { DAY_MS } from './keys.js';
export { statisticsCsv } from './statistics-csv.js';
export { historyIsEmpty } from './empty.js';
