/**
 * cloud/metrics: the local cloud's metrics endpoints — Prometheus text at `GET /metrics` and JSON
 * at `GET /metrics/v1/flink` and `GET /metrics/v1/flink/cfu-usage` (see metrics-routes.ts for
 * paths and auth). Renders what flink operations measures; depends on cloud/http, cloud/flink and
 * cloud/control-plane (CRNs); must not depend on the server, the CLI or the provisioner.
 */
export { metricsRoutes, FLINK_METRICS_PATH, CFU_USAGE_PATH, type MetricsRoutesContext } from './metrics-routes.js';
export { renderPrometheus, PROMETHEUS_CONTENT_TYPE } from './prometheus-text.js';
export { snapshotJson, usageJson } from './metrics-json.js';
