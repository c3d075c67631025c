/**
 * cloud/flink/executor: runs Flink SQL statements. Attaches to the statements store as its runtime,
 * and for each statement parses (sql), binds (binder), plans (planner) and runs the job (runtime),
 * reporting phases, traits, results and exceptions back to the store. Sits on top of the flink
 * folders; must not depend on the server, the CLI or the provisioner.
 */
import type { Executor, ExecutorCloud, ExecutorOptions } from './types.js';
import { StatementExecutor } from './statement-executor.js';
import type { FlinkOperations } from './operations/index.js';

export type { Executor, ExecutorCloud, ExecutorOptions, JobParallelism } from './types.js';
export { AutopilotPolicy, type AutopilotOptions } from './parallel/autopilot.js';
export { StatementExecutor } from './statement-executor.js';
export { prepareStatement, type PreparedStatement } from './statement-job.js';
export { tableDeserializer, tableSerializer } from './row-codecs.js';
export { sessionOf } from './session-properties.js';
export * from './operations/index.js';

/** Starts executing the statements of a local cloud (server startup calls this once); `operations` adds pool limits and metrics. */
export function startExecutor(cloud: ExecutorCloud, opts: ExecutorOptions & { readonly operations?: FlinkOperations } = {}): Executor {
  return new StatementExecutor(cloud, opts).start();
}
