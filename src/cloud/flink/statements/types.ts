/** Statement records as stored, and the shapes the runtime writes into them. */

/** Statement phases (Confluent's `status.phase`). */
export type StatementPhase = 'PENDING' | 'RUNNING' | 'COMPLETED' | 'DELETING' | 'FAILING' | 'FAILED' | 'STOPPING' | 'STOPPED' | 'DEGRADED';

/** Phases after which a statement does no more work until resumed. */
export const TERMINAL_PHASES: readonly StatementPhase[] = ['COMPLETED', 'FAILED', 'STOPPED'];

/** A column of a statement's result schema (`type` is Confluent's DataType JSON). */
export interface StatementColumn {
  readonly name: string;
  readonly type: { readonly [key: string]: unknown };
}

/** `status.traits`, written by the runtime once the statement is planned. */
export interface StatementTraits {
  readonly sqlKind: string;
  readonly isBounded: boolean;
  readonly isAppendOnly: boolean;
  readonly upsertColumns?: readonly number[];
  readonly columns: readonly StatementColumn[];
}

/**
 * `spec.evolution` (a streamform extension, docs/evolving-statements.md): how a statement that
 * replaces another one starts. `carry-over`: at `offsets` (the old statement's stop offsets);
 * `cut-over`: from earliest with its output suppressed until it has read up to `offsets`;
 * `from-earliest`: every table from its earliest offset.
 */
export interface StatementEvolution {
  readonly mode: 'carry-over' | 'cut-over' | 'from-earliest';
  /** topic → `partition:0,offset:N;partition:1,offset:M`. */
  readonly offsets: { readonly [topic: string]: string };
}

/** The `spec.evolution` modes. */
export const EVOLUTION_MODES: readonly StatementEvolution['mode'][] = ['carry-over', 'cut-over', 'from-earliest'];

/** `spec` of a statement. */
export interface StatementSpec {
  readonly statement: string;
  readonly properties: { readonly [key: string]: string };
  readonly computePoolId: string;
  readonly principal: string;
  readonly stopped: boolean;
  readonly evolution?: StatementEvolution;
}

/** `status` of a statement. */
export interface StatementStatus {
  readonly phase: StatementPhase;
  readonly detail: string;
  readonly traits?: StatementTraits;
  readonly scalingState: 'OK' | 'PENDING_SCALE_UP' | 'PENDING_SCALE_DOWN' | 'POOL_EXHAUSTED';
  readonly scalingUpdatedAt: string;
  /** topic → `partition:0,offset:N;partition:1,offset:M`. */
  readonly latestOffsets?: { readonly [topic: string]: string };
  readonly latestOffsetsTimestamp?: string;
  readonly endTime?: string;
}

/** One stored statement. */
export interface StatementRecord {
  readonly organizationId: string;
  readonly environmentId: string;
  readonly name: string;
  readonly uid: string;
  readonly resourceVersion: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly labels: { readonly [key: string]: string };
  readonly spec: StatementSpec;
  readonly status: StatementStatus;
}

/** One row of a result page: `op` 0 = +I, 1 = -U, 2 = +U, 3 = -D; values already in JSON form. */
export interface ResultRow {
  readonly op: 0 | 1 | 2 | 3;
  readonly row: readonly unknown[];
}

/** One entry of `GET …/exceptions`. */
export interface StatementException {
  readonly name: string;
  readonly message: string;
  readonly timestamp: string;
}

/** What changed, for listeners (the runtime) of the store. */
export type StatementEvent =
  | { readonly kind: 'created'; readonly environmentId: string; readonly name: string }
  | { readonly kind: 'updated'; readonly environmentId: string; readonly name: string }
  | { readonly kind: 'deleted'; readonly environmentId: string; readonly name: string };
