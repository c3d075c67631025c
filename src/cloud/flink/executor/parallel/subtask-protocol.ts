/** Messages between a parallel job (main thread) and its subtask workers (subtask-worker.ts). */
import type { RunnerPhase } from '../../runtime/index.js';
import type { FailureClass } from '../../runtime/index.js';
import type { MessagePort } from 'node:worker_threads';
import type { RecordToAppend } from '../../../kafka/index.js';

/** `workerData` of a subtask. */
export interface SubtaskSpec {
  /** The cloud database file (`cloud.db`), opened by the worker on its own connection. */
  readonly dbFile: string;
  /** The statement's uid: checkpoints go under `<uid>#<index>/<parallelism>`. */
  readonly uid: string;
  readonly statement: string;
  readonly properties: Readonly<Record<string, string>>;
  readonly index: number;
  readonly parallelism: number;
  readonly checkpointIntervalMs: number;
  readonly idlePollMs?: number;
  /** How often the worker reports its gauges (ms). */
  readonly reportMs: number;
  /**
   * A keyed job (exchange-runner.ts): the ports to the other subtasks, by subtask index (none at
   * the worker's own index). Absent: a stateless job, each subtask on its own.
   */
  readonly peers?: readonly (MessagePort | null)[];
}

/** Committed output of one topic sink, handed from a keyed subtask to the coordinator. */
export interface SinkOutput {
  readonly cluster: string;
  readonly topic: string;
  readonly records: readonly RecordToAppend[];
}

/** A keyed subtask's part of checkpoint `id`: committed by the coordinator with all the others' in one transaction. */
export interface SubtaskSnapshot {
  readonly id: number;
  readonly kind: 'checkpoint' | 'savepoint';
  readonly sourceOffsets: { readonly [nodeId: string]: unknown };
  /** `v8.serialize` of node id → NodeSnapshot. */
  readonly state: Uint8Array;
  readonly output: readonly SinkOutput[];
}

/**
 * Rows column by column, as they cross to another thread (cheaper to clone than an array per row):
 * bigints in the int64 range as a BigInt64Array, numbers as a Float64Array, anything else (or a
 * mix) as an array of the column's values.
 */
export interface PackedRows {
  readonly columns: readonly (BigInt64Array | Float64Array | unknown[])[];
}

/** One element on an exchange channel. */
export type ExchangeElement =
  /** Rows (packed when they cross threads) with their kinds, rowtimes and key groups (`groups[i]` is row i's). */
  | { readonly k: 'rows'; readonly rows: unknown[][] | PackedRows; readonly kinds: Uint8Array; readonly rowtimes: Float64Array; readonly groups: Uint8Array }
  | { readonly k: 'wm'; readonly t: number }
  | { readonly k: 'idle'; readonly v: boolean }
  | { readonly k: 'end' };

/** What every subtask says to all in the first wave of an epoch (subtask 0 decides checkpoints and stops). */
export interface EpochFlags {
  /** Its sources read records in this epoch. */
  readonly progressed: boolean;
  /** All its sinks had ended by the end of the previous epoch. */
  readonly done: boolean;
  readonly checkpoint: boolean;
  readonly stop: boolean;
}

/** Subtask → subtask: one wave of one epoch (exchange-runner.ts). */
export interface ExchangeMessage {
  readonly epoch: number;
  readonly wave: number;
  readonly channels: readonly { readonly node: string; readonly input: number; readonly elements: readonly ExchangeElement[] }[];
  readonly flags?: EpochFlags;
}

/** A subtask's gauges. */
export interface SubtaskGauges {
  readonly recordsIn: number;
  readonly recordsOut: number;
  readonly pendingRecords: number;
  readonly inputWatermark: number | null;
  readonly outputWatermark: number | null;
  /** The worker's event-loop utilisation since it started (0..1). */
  readonly utilization: number;
}

/** A failure, as far as it crosses threads. */
export interface SubtaskFailure {
  readonly name: string;
  readonly message: string;
  readonly class: FailureClass;
}

/** Worker → main. */
export type SubtaskMessage =
  | { readonly type: 'started'; readonly threadId: number }
  | { readonly type: 'phase'; readonly phase: RunnerPhase; readonly detail: string }
  | { readonly type: 'checkpoint'; readonly id: number; readonly kind: 'checkpoint' | 'savepoint' }
  | { readonly type: 'snapshot'; readonly snapshot: SubtaskSnapshot }
  | { readonly type: 'gauges'; readonly gauges: SubtaskGauges }
  | { readonly type: 'done'; readonly phase: RunnerPhase; readonly detail: string; readonly gauges: SubtaskGauges; readonly failure?: SubtaskFailure };

/** Main → worker. */
export type SubtaskCommand = { readonly type: 'stop' };
