/**
 * test/support: helpers for the provisioner's integration tests — running the real CLI in-process
 * or as child processes in temp dirs, reading state through the state store, and golden files.
 * Must not depend on: anything but the CLI's `main`, the state store's public door and shared/.
 */
export { BIN, cli, cliChild, pollUntil, removeDir, spawnCli, stripAnsi, workdir, writeFiles } from './cli-harness.js';
export type { CliResult, RunningCli } from './cli-harness.js';
export { goldenDir, REPO_ROOT, updatingGoldens } from './golden.js';
export type { GoldenDir } from './golden.js';
export { lockId, readState, stateAddresses, stateAttr } from './state-reader.js';
export { hclOpening, type HclOpening } from './hcl.js';
