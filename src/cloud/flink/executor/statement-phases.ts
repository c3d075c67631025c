/**
 * Writes a job's phase changes into its statement (confluent-flink.md §5.2): RUNNING (a restarted
 * job only once it has committed a checkpoint), COMPLETED, FAILING / FAILED with the exceptions
 * list, STOPPED with `status.latest_offsets` from the savepoint (of every subtask). A finished job
 * holds no CFUs from the moment its phase says so.
 */
import type { Diagnostic } from '../../../shared/index.js';
import { latestOffsets } from '../runtime/index.js';
import type { CheckpointStore, RunnerPhase } from '../runtime/index.js';
import type { StatementRecord, StatementStore } from '../statements/index.js';
import { IDLE_STOP_DETAIL } from './foreground-idle.js';
import { mergedOffsets } from './parallel/redistribute.js';
import type { Recoveries } from './recovery.js';

/** What the phase writer needs from the executor. */
export interface PhaseDeps {
  readonly statements: StatementStore;
  readonly checkpoints: CheckpointStore;
  readonly recovery: Recoveries;
  /** Statements the idle rule is stopping (their STOPPED detail says so). */
  readonly idleStops: Set<string>;
  /** Frees the statement's CFUs. */
  readonly jobEnded: (env: string, name: string) => void;
}

/** See the file header. */
export class StatementPhases {
  readonly #d: PhaseDeps;

  constructor(deps: PhaseDeps) {
    this.#d = deps;
  }

  /** A phase change of statement `rec`'s job (executor key `k`). */
  changed(k: string, rec: StatementRecord, phase: RunnerPhase, detail: string): void {
    const store = this.#d.statements;
    const env = rec.environmentId;
    const name = rec.name;
    if (phase === 'COMPLETED' || phase === 'FAILED' || phase === 'STOPPED') this.#d.jobEnded(env, name);
    switch (phase) {
      case 'CREATED': case 'STOPPING': return;
      // A restarted job shows RUNNING once it has committed a checkpoint (Recoveries.recovered).
      case 'RUNNING': if (!this.#d.recovery.has(k)) store.setPhase(env, name, 'RUNNING', detail); return;
      case 'COMPLETED': store.setPhase(env, name, 'COMPLETED', detail); return;
      case 'FAILING': store.setPhase(env, name, 'FAILING', detail); return;
      case 'FAILED':
        store.appendException(env, name, { name: 'org.apache.flink.table.api.TableException', message: detail });
        store.setPhase(env, name, 'FAILED', detail);
        return;
      case 'STOPPED':
        this.recordOffsets(rec);
        store.setPhase(env, name, 'STOPPED', this.#d.idleStops.delete(k) ? IDLE_STOP_DETAIL : 'Statement was stopped by the user.');
        return;
    }
  }

  /** `status.latest_offsets` from the savepoint (of every subtask): topic → `partition:0,offset:N;…`. */
  recordOffsets(rec: StatementRecord): void {
    const offsets = latestOffsets(Object.values(mergedOffsets(this.#d.checkpoints, rec.uid)));
    if (Object.keys(offsets).length > 0) this.#d.statements.setLatestOffsets(rec.environmentId, rec.name, offsets);
  }

  /** Planning failed: FAILED, or a recoverable failure for a statement that ran before (its topic may come back). */
  planFailed(k: string, rec: StatementRecord, diags: readonly Diagnostic[]): void {
    const detail = diags.map((d) => d.summary).join('\n') || 'SQL validation failed. Internal error!';
    const ex = { name: 'org.apache.flink.table.api.ValidationException', message: detail };
    if (wasRunning(rec)) {
      this.#d.recovery.failed(k, rec, ex, { cfus: this.#d.recovery.get(k)?.cfus, windingDown: false });
      return;
    }
    this.#d.statements.appendException(rec.environmentId, rec.name, ex);
    this.#d.statements.setPhase(rec.environmentId, rec.name, 'FAILED', detail);
  }
}

/** True for a statement that planned and ran before (a restart or a resume after a cloud restart). */
export function wasRunning(rec: StatementRecord): boolean {
  return rec.status.traits !== undefined && (rec.status.phase === 'RUNNING' || rec.status.phase === 'DEGRADED');
}
