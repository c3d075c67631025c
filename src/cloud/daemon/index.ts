/**
 * cloud/daemon: running the local cloud in the foreground or the background — pid and state
 * files in the data dir, finding a running cloud (pid alive AND /health answers), spawning a
 * detached one and stopping it. Depends on cloud/server.ts; must not depend on cli/ or provisioner/.
 */
export { runForeground } from './run-foreground.js';
export type { ForegroundOptions } from './run-foreground.js';
export { findRunningCloud, spawnBackground, stopCloud, waitForRunningCloud, BIN_PATH } from './background-cloud.js';
export type { SpawnOptions, SpawnedCloud, StopResult } from './background-cloud.js';
export { readCloudState, writeCloudState, removeCloudState, stateFilePath, pidFilePath, logFilePath } from './cloud-state-file.js';
export type { CloudState } from './cloud-state-file.js';
export { isProcessAlive, healthAnswers } from './process-probe.js';
