/**
 * Plain data at the runtime's boundaries: row kinds, changelog modes, stream elements, the
 * physical-operator inputs a planner produces (compiled closures + plain options), phases.
 */

/** Row kinds as the byte Flink writes in the retract `op` header and results pages use. */
export const INSERT = 0;
export const UPDATE_BEFORE = 1;
export const UPDATE_AFTER = 2;
export const DELETE = 3;

/** A row kind byte: 0 +I, 1 -U, 2 +U, 3 -D. */
export type RowKindByte = 0 | 1 | 2 | 3;

/** The short string form of a row kind. */
export type RowKind = '+I' | '-U' | '+U' | '-D';

/** Short strings indexed by the row kind byte. */
export const ROW_KIND_NAMES: readonly RowKind[] = ['+I', '-U', '+U', '-D'];

/** How a table's topic encodes changes (confluent-flink.md §2.4). */
export type ChangelogMode = 'append' | 'upsert' | 'retract';

/** A row: one value per column in the runtime value representation of flink/types. */
export type Row = unknown[];

/** Compiled projection: builds the output row from an input row. */
export type RowProjection = (row: Row) => Row;
/** Compiled predicate: SQL three-valued logic; only `true` passes. */
export type RowPredicate = (row: Row) => boolean | null;

/** `Number.NEGATIVE_INFINITY` marks "no watermark yet" everywhere in the runtime. */
export const NO_WATERMARK = Number.NEGATIVE_INFINITY;
/** The watermark a bounded input emits when it ends: fires every pending event-time timer. */
export const MAX_WATERMARK = Number.POSITIVE_INFINITY;

/** Statement phases the runtime reports (confluent-flink.md §5.2). */
export type RunnerPhase = 'CREATED' | 'RUNNING' | 'COMPLETED' | 'STOPPING' | 'STOPPED' | 'FAILING' | 'FAILED';

/** When the task runner takes checkpoints by itself; tests usually call `checkpoint()`. */
export interface CheckpointPolicy {
  /** Checkpoint after this many source records since the last one. */
  readonly everyRecords?: number;
  /** Checkpoint when this many milliseconds (injected clock) passed since the last one. */
  readonly everyMs?: number;
}

/** What one source poll produced. */
export type PollStatus = 'data' | 'idle' | 'end';
