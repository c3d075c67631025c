/**
 * flink/executor/operations: compute-pool capacity (CFU admission, FIFO waiting with
 * POOL_EXHAUSTED), CFU-minute metering (`flink_cfu_usage`) and per-statement metrics (pending
 * records, rates, watermarks, state size, restarts) of running jobs. Lives inside executor/ because
 * the executor drives it and the flink lint order lets executor/ see every flink folder. Depends on
 * flink/statements, flink/runtime and cloud/kafka; must not depend on the server, HTTP or the CLI.
 */
export { FlinkOperations, type OperationsDeps, type OperationsOptions } from './flink-operations.js';
export { JobProbe, scanLocations, type JobGauges, type SourceLocation } from './job-probe.js';
export { CfuMeter } from './cfu-meter.js';
export { cfuFor, initialParallelism, billedCfuMinutes, exhaustedDetail, CFU_PER_PARALLELISM } from './cfu-model.js';
export type * from './types.js';
