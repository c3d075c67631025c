/**
 * provisioner/state: the state store — one SQLite file (WAL, synchronous=FULL) holding what the
 * provisioner believes exists: resource instance objects, outputs, serial/lineage, an append-only
 * history and the state lock. Also the Terraform v4 JSON form for `state pull/push` and for
 * migrating real .tfstate files.
 *
 * Must not depend on: anything in provisioner/ except the value types of lang/ (no engine, plan,
 * providers, config), nor on cloud/, views/ or cli/. No console output; errors are typed
 * StateError subclasses carrying a Diagnostic.
 */
export type {
  HistoryEntry, HistoryInput, HistoryOperation, LockHolder, LockHolderLiveness, LockInfo, OutputState,
  ResourceInstanceState, StateSnapshot,
} from './types.js';
export { StateStore, DEFAULT_STATE_FILE, resolveStatePath } from './state-store.js';
export type { StateStoreOptions } from './state-store.js';
export type { LockRequest } from './state-lock.js';
export { defaultLockWho } from './state-lock.js';
export {
  StateError, StateLockedError, StateUnlockError, StateVersionError, StateLineageError, StateOperationError,
} from './state-errors.js';
export { exportStateJSON, importStateJSON } from './state-json.js';
export { formatInstanceAddress, parseInstanceAddress } from './state-address.js';
export type { InstanceAddressParts } from './state-address.js';
export { SCHEMA_VERSION } from './migrations.js';
