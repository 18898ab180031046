export { createMetricsCollector, type MetricsCollector, type MetricsDeps, type RecorderStats } from './collector.js';
export { formatMetrics, PROMETHEUS_CONTENT_TYPE, type Metric, type MetricType, type Sample } from './format.js';
export { createMetricsRoutes, type MetricsRouteDeps } from './routes.js';
