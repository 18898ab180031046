export { createMetricsCollector, type MetricsCollector, type MetricsDeps, type RecorderStats } from './collector.js';
export { formatMetrics, PROMETHEUS_CONTENT_TYPE, type Metric, type MetricType, type Sample } from './format.js';
export { createMetricsRoutes, type MetricsRouteDeps } from './routes.js';
export { createHttpMetrics, HTTP_DURATION_BUCKETS, OTHER_ROUTE, type HttpMetrics } from './http.js';
