/**
 * cloud: the local Confluent Cloud — one server process owning a data directory and serving
 * Confluent Cloud's REST shapes (control plane, Kafka REST, Schema Registry, Flink statements,
 * connectors) over SQLite. It knows nothing of HCL: it must not depend on provisioner/, views/
 * or cli/ (only on shared/).
 */
export { startCloud, streamformVersion, API_VERSIONS } from './server.js';
export type { CloudOptions, CloudLogger, RunningCloud } from './server.js';
export {
  runForeground, findRunningCloud, spawnBackground, stopCloud, waitForRunningCloud, readCloudState, stateFilePath, pidFilePath, logFilePath, BIN_PATH,
} from './daemon/index.js';
export { DataDirLockedError, dataDirLockHolder, lockFilePath } from './data-dir-lock.js';
export type { DataDirLock } from './data-dir-lock.js';
export type { ForegroundOptions, SpawnOptions, SpawnedCloud, StopResult, CloudState } from './daemon/index.js';
export type { AdminCredentials, ControlPlane } from './control-plane/index.js';
export type { Logger } from './http/index.js';
export { StatementStore } from './flink/index.js';
export type { StatementRecord, StatementPhase, StatementTraits, ResultRow, StatementEvent } from './flink/index.js';
export { ConnectorStore } from './connectors/index.js';
export type { ConnectorRecord, ConnectorState } from './connectors/index.js';
