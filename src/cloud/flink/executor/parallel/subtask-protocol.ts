/** Messages between a parallel job (main thread) and its subtask workers (subtask-worker.ts). */
import type { RunnerPhase } from '../../runtime/index.js';
import type { FailureClass } from '../../runtime/index.js';

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
  | { readonly type: 'gauges'; readonly gauges: SubtaskGauges }
  | { readonly type: 'done'; readonly phase: RunnerPhase; readonly detail: string; readonly gauges: SubtaskGauges; readonly failure?: SubtaskFailure };

/** Main → worker. */
export type SubtaskCommand = { readonly type: 'stop' };
