/**
 * Boundary types of the state store: what the provisioner believes exists. Plain readonly data;
 * values are always wholly known (UNKNOWN is never stored).
 */
import type { ObjectValue, Value } from './lang-values.js';

/** One resource instance object: the current object of an instance, or a deposed one. */
export interface ResourceInstanceState {
  /** Full instance address, e.g. `module.m.random_id.r[0]` or `data.confluent_environment.e`. */
  readonly address: string;
  /** Module path (`module.a.module.b["x"]`), empty for the root module. */
  readonly module: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  /** `count` index (number) or `for_each` key (string); absent for single instances. */
  readonly indexKey?: number | string;
  /** Provider configuration address, e.g. `provider["registry.terraform.io/confluentinc/confluent"]`. */
  readonly provider: string;
  readonly schemaVersion: number;
  readonly attributes: ObjectValue;
  /**
   * Paths of sensitive attributes, written `a.b[0]["k"]`: `.name` for attributes, `[n]` for list
   * elements, `["key"]` for map keys (the first segment has no dot).
   */
  readonly sensitivePaths: readonly string[];
  /** Opaque provider data stored with the object. */
  readonly private?: ObjectValue;
  /** Addresses of the resources this one depends on (sorted). */
  readonly dependencies: readonly string[];
  readonly createBeforeDestroy?: boolean;
  readonly status: 'ready' | 'tainted';
  /** Deposed key for a create_before_destroy object awaiting deletion; absent for the current object. */
  readonly deposed?: string;
}

/** A root module output. */
export interface OutputState {
  readonly value: Value;
  readonly sensitive: boolean;
}

/** Everything in a state file at one serial. */
export interface StateSnapshot {
  /** Random id given when the state was created; never changes (except on a forced push). */
  readonly lineage: string;
  /** Bumped by every write. */
  readonly serial: number;
  /** Terraform version this state claims compatibility with (exported as `terraform_version`). */
  readonly terraformVersion: string;
  /** streamform version that last wrote the file. */
  readonly streamformVersion: string;
  /** Sorted by address, then current object before deposed ones (by deposed key). */
  readonly resources: readonly ResourceInstanceState[];
  readonly outputs: { readonly [name: string]: OutputState };
}

/** Operations recorded in the history table. */
export type HistoryOperation =
  | 'apply' | 'destroy' | 'import' | 'refresh' | 'state-mv' | 'state-rm' | 'push' | 'taint' | 'untaint'
  | 'force-unlock';

/** One append-only record of a change to state. */
export interface HistoryEntry {
  /** Increasing integer assigned by the store. */
  readonly id: number;
  /** ISO-8601 time from the store's clock. */
  readonly time: string;
  /** `user@host` of whoever made the change. */
  readonly user: string;
  readonly operation: HistoryOperation;
  /** Counts (`{ add, change, destroy }`) or a free text line. */
  readonly summary: { readonly [key: string]: number } | string;
  readonly serialBefore: number;
  readonly serialAfter: number;
}

/** What a caller passes to `appendHistory`; id and time are assigned by the store. */
export type HistoryInput = Omit<HistoryEntry, 'id' | 'time'>;

/** Holder information of the state lock, shown as Terraform's "Lock Info". */
export interface LockInfo {
  /** uuid; needed for `force-unlock`. */
  readonly id: string;
  /** e.g. `OperationTypeApply`, or the command name. */
  readonly operation: string;
  /** `user@host`. */
  readonly who: string;
  readonly pid: number;
  /** ISO-8601 time the lock was taken. */
  readonly created: string;
  /** Absolute path of the state file. */
  readonly path: string;
  /** streamform version of the holder. */
  readonly version: string;
}

/**
 * Whether the holder process still runs. Only knowable for holders on this host; a dead holder's
 * lock is still reported (like Terraform, we never break a lock automatically).
 */
export type LockHolderLiveness = 'alive' | 'dead' | 'unknown';

/** A lock as seen by someone who does not hold it. */
export interface LockHolder extends LockInfo {
  readonly host: string;
  readonly holderAlive: LockHolderLiveness;
}
