/**
 * A statement's job running as p parallel subtasks, one worker thread each (subtask-worker.ts),
 * seen by the executor like a TaskRunner: `run()` resolves with the final phase, `stop()` stops
 * every subtask with a savepoint, `failure` says why it failed. Phases combine: RUNNING once every
 * subtask runs; a failing subtask fails the job (FAILING at once; the others stop with a savepoint,
 * then FAILED); COMPLETED when every subtask completed; STOPPED otherwise. Gauges are the sum (min
 * for watermarks) over the subtasks' latest reports.
 *
 * A keyed job (`events.commit`): the subtasks are connected pairwise by MessageChannels and exchange
 * rows by key group (exchange-runner.ts); each hands its checkpoint parts here and the job commits
 * a checkpoint once every subtask's part of it arrived, in one transaction. A failing subtask ends
 * them all at once (no savepoint: the others are waiting on it); the restart restores the last
 * global checkpoint.
 */
import { MessageChannel, Worker } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { TopicLogStore } from '../../../kafka/index.js';
import type { FailureClass, RunnerPhase } from '../../runtime/index.js';
import type { JobGauges } from '../operations/index.js';
import type { SubtaskCommand, SubtaskFailure, SubtaskGauges, SubtaskMessage, SubtaskSnapshot, SubtaskSpec } from './subtask-protocol.js';

/** What the executor hears from a parallel job. */
export interface ParallelJobEvents {
  readonly onPhase: (phase: RunnerPhase, detail: string) => void;
  readonly onCheckpoint: (id: number, kind: 'checkpoint' | 'savepoint') => void;
  /**
   * Set for a keyed job: its subtasks exchange rows (exchange-runner.ts) and hand their checkpoint
   * parts here, committed in one transaction once all have arrived (global-commit.ts).
   */
  readonly commit?: (parts: readonly SubtaskSnapshot[]) => void;
}

interface Subtask {
  readonly worker: Worker;
  threadId: number | undefined;
  phase: RunnerPhase;
  gauges: SubtaskGauges | undefined;
  done: boolean;
}

const WORKER_URL = new URL('./subtask-worker.js', import.meta.url);

/** See the file header. */
export class ParallelJob implements JobGauges {
  readonly #events: ParallelJobEvents;
  readonly #subtasks: Subtask[];
  readonly #finished: Promise<RunnerPhase>;
  #reported: RunnerPhase = 'CREATED';
  #failure: { readonly error: Error; readonly class: FailureClass } | undefined;
  #stopping = false;
  /** A keyed job's checkpoint parts by checkpoint id, until every subtask's has arrived. */
  readonly #parts = new Map<number, SubtaskSnapshot[]>();

  constructor(spec: Omit<SubtaskSpec, 'index' | 'peers'>, events: ParallelJobEvents) {
    this.#events = events;
    const peers = events.commit === undefined ? undefined : channels(spec.parallelism);
    this.#subtasks = Array.from({ length: spec.parallelism }, (_, index): Subtask => {
      const mine = peers?.[index];
      const data: SubtaskSpec = { ...spec, index, ...(mine === undefined ? {} : { peers: mine }) };
      const transferList = mine?.filter((port): port is MessagePort => port !== null) ?? [];
      return { worker: new Worker(WORKER_URL, { workerData: data, transferList }), threadId: undefined, phase: 'CREATED', gauges: undefined, done: false };
    });
    this.#finished = Promise.all(this.#subtasks.map((s) => this.#watch(s))).then(() => this.#final());
  }

  /** Thread ids of the running subtasks (those that have started). */
  get threadIds(): readonly number[] {
    return this.#subtasks.flatMap((s) => (s.threadId === undefined ? [] : [s.threadId]));
  }

  get parallelism(): number { return this.#subtasks.length; }

  /** Every subtask runs and has reported its gauges (before that the sums are not meaningful). */
  get ready(): boolean { return this.#subtasks.every((s) => s.gauges !== undefined && s.phase === 'RUNNING'); }

  /** Why the job failed, with its §11 class. */
  get failure(): { readonly error: unknown; readonly class: FailureClass } | undefined { return this.#failure; }

  /** Mean event-loop utilisation of the subtask threads since they started (0..1). */
  get utilization(): number {
    const us = this.#subtasks.map((s) => s.gauges?.utilization ?? 0);
    return us.reduce((a, b) => a + b, 0) / Math.max(1, us.length);
  }

  get recordsIn(): number { return this.#sum((g) => g.recordsIn); }
  get recordsOut(): number { return this.#sum((g) => g.recordsOut); }
  pendingRecords(_topics: TopicLogStore): number { return this.#sum((g) => g.pendingRecords); }
  get inputWatermark(): number | null { return this.#min((g) => g.inputWatermark); }
  get outputWatermark(): number | null { return this.#min((g) => g.outputWatermark); }

  /** Fault injection (ops drills, tests): terminates subtask `index`'s worker thread, as a crash would. */
  terminateSubtask(index: number): boolean {
    const s = this.#subtasks[index];
    if (s === undefined || s.done) return false;
    void s.worker.terminate();
    return true;
  }

  /** Resolves with the final phase once every subtask has ended. */
  run(): Promise<RunnerPhase> { return this.#finished; }

  /** Stops every subtask (each takes a savepoint of its partitions and output). */
  stop(_opts: { readonly whileRunning?: boolean } = {}): void {
    if (this.#stopping) return;
    this.#stopping = true;
    if (this.#reported === 'RUNNING' || this.#reported === 'CREATED') this.#report('STOPPING', 'Statement is stopping');
    this.#command({ type: 'stop' });
  }

  #command(c: SubtaskCommand): void {
    for (const s of this.#subtasks) if (!s.done) s.worker.postMessage(c);
  }

  #watch(s: Subtask): Promise<void> {
    return new Promise<void>((resolve) => {
      const end = (failure: SubtaskFailure | undefined, phase: RunnerPhase, detail: string): void => {
        if (s.done) return;
        s.done = true;
        s.phase = phase;
        if (failure !== undefined && this.#failure === undefined) {
          const error = new Error(failure.message);
          error.name = failure.name;
          this.#failure = { error, class: failure.class };
          this.#report('FAILING', detail);
          this.#stopping = true;
          // A keyed job's subtasks wait on each other: they end together, from the last global checkpoint.
          if (this.#events.commit !== undefined) for (const x of this.#subtasks) void x.worker.terminate();
          else this.#command({ type: 'stop' });
        }
        void s.worker.terminate().finally(resolve);
      };
      s.worker.on('message', (m: SubtaskMessage) => {
        switch (m.type) {
          case 'started': s.threadId = m.threadId; return;
          case 'gauges': s.gauges = m.gauges; return;
          case 'checkpoint': this.#events.onCheckpoint(m.id, m.kind); return;
          case 'snapshot': this.#collect(s, m.snapshot); return;
          case 'phase':
            s.phase = m.phase;
            if (m.phase === 'RUNNING' && this.#subtasks.every((x) => x.phase === 'RUNNING') && this.#reported === 'CREATED') this.#report('RUNNING', m.detail);
            return;
          case 'done':
            s.gauges = m.gauges;
            end(m.failure, m.phase, m.detail);
            return;
        }
      });
      s.worker.on('error', (e) => end({ name: e.name, message: e.message, class: 'system' }, 'FAILED', e.message));
      s.worker.on('exit', () => end(s.phase === 'STOPPED' || s.phase === 'COMPLETED' ? undefined : { name: 'java.lang.RuntimeException', message: 'A parallel subtask exited unexpectedly.', class: 'system' }, s.phase === 'STOPPED' || s.phase === 'COMPLETED' ? s.phase : 'FAILED', 'A parallel subtask exited unexpectedly.'));
    });
  }

  #collect(s: Subtask, part: SubtaskSnapshot): void {
    const parts = this.#parts.get(part.id) ?? new Array<SubtaskSnapshot>(this.#subtasks.length);
    parts[this.#subtasks.indexOf(s)] = part;
    this.#parts.set(part.id, parts);
    if (parts.filter((p) => p !== undefined).length < this.#subtasks.length || this.#failure !== undefined) return;
    this.#parts.delete(part.id);
    try {
      this.#events.commit?.(parts);
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      this.#failure = { error, class: 'system' };
      this.#report('FAILING', error.message);
      this.#stopping = true;
      for (const x of this.#subtasks) void x.worker.terminate();
      return;
    }
    this.#events.onCheckpoint(part.id, part.kind);
  }

  #final(): RunnerPhase {
    const f = this.#failure;
    if (f !== undefined) { this.#report('FAILED', f.error.message); return 'FAILED'; }
    if (this.#subtasks.every((s) => s.phase === 'COMPLETED')) { this.#report('COMPLETED', 'SQL statement is completed'); return 'COMPLETED'; }
    if (this.#reported !== 'STOPPING') this.#report('STOPPING', 'Statement is stopping');
    this.#report('STOPPED', 'Statement was stopped.');
    return 'STOPPED';
  }

  #report(phase: RunnerPhase, detail: string): void {
    this.#reported = phase;
    this.#events.onPhase(phase, detail);
  }

  #sum(pick: (g: SubtaskGauges) => number): number {
    let n = 0;
    for (const s of this.#subtasks) n += s.gauges === undefined ? 0 : pick(s.gauges);
    return n;
  }

  #min(pick: (g: SubtaskGauges) => number | null): number | null {
    let min: number | null = null;
    for (const s of this.#subtasks) {
      const v = s.gauges === undefined ? null : pick(s.gauges);
      if (v !== null && (min === null || v < min)) min = v;
    }
    return min;
  }
}

/** Ports between every pair of subtasks: `[i][j]` is subtask i's end towards j (null when i = j). */
function channels(parallelism: number): (MessagePort | null)[][] {
  const ports: (MessagePort | null)[][] = Array.from({ length: parallelism }, () => new Array<MessagePort | null>(parallelism).fill(null));
  for (let i = 0; i < parallelism; i++) {
    for (let j = i + 1; j < parallelism; j++) {
      const { port1, port2 } = new MessageChannel();
      (ports[i] as (MessagePort | null)[])[j] = port1;
      (ports[j] as (MessagePort | null)[])[i] = port2;
    }
  }
  return ports;
}
