/**
 * Runs one statement's job: pulls source batches, pushes them through the operator nodes to the
 * sinks, forwards source watermarks and idleness, takes checkpoints and drives the phases
 * (confluent-flink.md §5.2, §11).
 *
 * The checkpoint transaction: between two source polls nothing is in flight (the push through the
 * DAG is synchronous), so a checkpoint first lets every operator flush (`onBarrier`, topological
 * order), then in ONE SQLite transaction on the topic log database commits every sink's buffered
 * output, the source positions and every node's snapshot. Sinks write nowhere else, so a crash
 * loses only uncommitted work, which the restored statement redoes exactly once.
 *
 * Cooperative scheduling: `run()` runs slices (one poll of every source each) back to back for up
 * to `sliceMs` of wall time, then yields a macrotask (setImmediate), so the HTTP server, other
 * statements and timers get the event loop at least every `sliceMs` (plus one slice) even under a
 * CPU-bound job such as a full-speed Nexmark source. One slice per macrotask would pay a
 * setImmediate hop per 1024 records; a time budget keeps that overhead small. `step()` runs one
 * slice synchronously for tests and tools that drive the runner by hand.
 */
import type Database from 'better-sqlite3';
import { performance } from 'node:perf_hooks';
import { invariant, systemClock, type Clock } from '../../../shared/index.js';
import { BatchBuilder, DEFAULT_BATCH_SIZE, type StreamElement } from './batch.js';
import { CheckpointStore, closeJob, restoreJob } from './checkpoint-store.js';
import { CheckpointPacer } from './checkpoint-pacing.js';
import { orderJob, type JobGraph } from './job-graph.js';
import { OperatorNode, deliverElement } from './operator-node.js';
import type { Sink } from './sink.js';
import type { CheckpointPolicy, RunnerPhase } from './types.js';
import { latestOffsets } from './latest-offsets.js';
import { pollSource, polledSource, type PolledSource } from './source-polling.js';
import { classifyFailure, type FailureClass } from './failure-class.js';

/** Options of a task runner. */
export interface TaskRunnerOptions {
  /** The statement id: checkpoints are stored under it. */
  readonly statement: string;
  /** The topic logs' database (`TopicLogStore.database`). */
  readonly db: Database.Database;
  readonly checkpoints?: CheckpointPolicy;
  /** Records per source poll (default 1024). */
  readonly maxBatchRecords?: number;
  /** Wait between slices when no source had data (default 50 ms). */
  readonly idlePollMs?: number;
  /** Wall time `run()` may spend on back-to-back slices before yielding to the event loop (default 5 ms). */
  readonly sliceMs?: number;
  readonly clock?: Clock;
  /** Phase changes, with `status.detail` text. */
  readonly onPhase?: (phase: RunnerPhase, detail: string) => void;
  /** A checkpoint (or savepoint) committed: the job made durable progress. */
  readonly onCheckpoint?: (id: number, kind: 'checkpoint' | 'savepoint') => void;
}

/** Default wall-time budget of one `run()` turn (see the file header). */
const DEFAULT_SLICE_MS = 5;
/** Polls of a lookup table's source per slice (see #pollSources). */
const MAX_DRAIN_POLLS = 64;

/** What one slice did. */
export type StepResult = 'data' | 'idle' | 'done';

interface SourceState extends PolledSource { readonly successors: readonly string[] }
interface SinkState { readonly sink: Sink; readonly inputs: number; ended: number }

/** Drives one statement's job; see the file header. */
export class TaskRunner {
  readonly #o: TaskRunnerOptions;
  readonly #clock: Clock;
  readonly #store: CheckpointStore;
  readonly #max: number;
  readonly #sources: SourceState[] = [];
  readonly #ops = new Map<string, OperatorNode>();
  readonly #opOrder: string[] = [];
  readonly #sinks = new Map<string, SinkState>();
  readonly #builder: BatchBuilder;
  #phase: RunnerPhase = 'CREATED';
  #detail = '';
  #checkpointId = 0;
  readonly #pacer: CheckpointPacer;
  #records = 0;
  #stopRequested = false;
  #procNodes: OperatorNode[] | undefined;
  #failure: { readonly error: unknown; readonly class: FailureClass } | undefined;
  /** Cut-over evolution: 'pending' while sources hold back below their cut-over offsets (sink output suppressed). */
  #cutOver: 'pending' | 'done' | undefined;

  constructor(graph: JobGraph, opts: TaskRunnerOptions) {
    this.#o = opts;
    this.#clock = opts.clock ?? systemClock;
    this.#store = new CheckpointStore(opts.db);
    this.#max = opts.maxBatchRecords ?? DEFAULT_BATCH_SIZE;
    this.#builder = new BatchBuilder(this.#max);
    this.#pacer = new CheckpointPacer(opts.checkpoints, this.#clock);
    const { order, inputs } = orderJob(graph);
    // Create sinks and operator nodes from the end backwards, so each node's downstream exists.
    for (const n of [...order].reverse()) {
      if (n.kind === 'sink') this.#sinks.set(n.id, { sink: n.sink, inputs: inputs.get(n.id) ?? 1, ended: 0 });
      else if (n.kind === 'operator') {
        this.#ops.set(n.id, new OperatorNode(n.operator, { inputs: inputs.get(n.id) ?? 1, downstream: this.#dispatcher(graph, n.id), batchSize: this.#max }));
        this.#opOrder.unshift(n.id);
      } else {
        const successors = graph.edges.filter((e) => e.from === n.id).map((e) => e.to);
        this.#sources.unshift({ ...polledSource(n, this.#dispatcher(graph, n.id)), successors });
      }
    }
    // Lookup tables first (stable: otherwise the topological order).
    this.#sources.sort((a, b) => Number(b.node.drain === true) - Number(a.node.drain === true));
  }

  /** The current phase. */
  get phase(): RunnerPhase { return this.#phase; }
  /** The current `status.detail`. */
  get detail(): string { return this.#detail; }
  /** The id of the last committed checkpoint (0 before any). */
  get checkpointId(): number { return this.#checkpointId; }
  /** Why the statement failed, with its §11 class (restart it unless the class is 'user'). */
  get failure(): { readonly error: unknown; readonly class: FailureClass } | undefined { return this.#failure; }
  /** Source records read by this runner. */
  get recordsRead(): number { return this.#records; }

  /** Restores the statement's newest checkpoint, if any; returns its id (0 when none). Before the first step. */
  restore(): number {
    invariant(this.#phase === 'CREATED', 'restore() runs before the job starts');
    const cp = this.#store.latest(this.#o.statement);
    if (cp === undefined) return 0;
    restoreJob(cp, this.#sources, this.#ops);
    this.#checkpointId = cp.checkpointId;
    return cp.checkpointId;
  }

  /** Runs one slice: every source polled once, then checkpoint/completion checks. Failures fail the statement. */
  step(): StepResult {
    if (this.#phase === 'CREATED') this.#setPhase('RUNNING', 'Statement is running');
    if (this.#phase !== 'RUNNING') return 'done';
    try {
      this.#tickProcessingTime();
      const progressed = this.#pollSources();
      if (this.#allSinksEnded()) {
        this.checkpoint();
        this.#close();
        this.#setPhase('COMPLETED', 'SQL statement is completed');
        return 'done';
      }
      if (this.#pacer.due) this.checkpoint();
      return progressed ? 'data' : 'idle';
    } catch (e) {
      this.#fail(e);
      return 'done';
    }
  }

  /** Takes a checkpoint now (see the file header); returns its id. */
  checkpoint(kind: 'checkpoint' | 'savepoint' = 'checkpoint'): number {
    invariant(this.#phase === 'RUNNING' || this.#phase === 'STOPPING', `checkpoint in phase ${this.#phase}`);
    const started = performance.now();
    const id = this.#checkpointId + 1;
    for (const opId of this.#opOrder) this.#ops.get(opId)?.barrier(id);
    const sourceOffsets: { [id: string]: unknown } = {};
    for (const s of this.#sources) sourceOffsets[s.node.id] = s.node.source.snapshot();
    const operatorState: { [id: string]: unknown } = {};
    for (const [opId, node] of this.#ops) operatorState[opId] = node.snapshot();
    try {
      this.#o.db.transaction(() => {
        for (const s of this.#sinks.values()) s.sink.commit(id);
        this.#store.save({ statement: this.#o.statement, checkpointId: id, kind, sourceOffsets, operatorState, createdAt: this.#clock.now() });
      }).immediate(); // the write lock up front: parallel subtasks commit from other connections
    } catch (e) {
      for (const s of this.#sinks.values()) s.sink.discard();
      throw e;
    }
    this.#checkpointId = id;
    this.#pacer.taken(started);
    this.#o.onCheckpoint?.(id, kind);
    return id;
  }

  /** Runs slices cooperatively until the statement completes, stops or fails; resolves with the final phase. */
  async run(): Promise<RunnerPhase> {
    const idleMs = this.#o.idlePollMs ?? 50;
    const sliceMs = this.#o.sliceMs ?? DEFAULT_SLICE_MS;
    // The first turn is a single slice: run() returns to its caller promptly (the executor
    // registers the job after calling it). The budget is wall time, not the injected clock: it is
    // scheduling, not semantics, and a fixed test clock would never end a turn.
    let budgetMs = 0;
    for (;;) {
      const turnStart = performance.now();
      let r: StepResult;
      do {
        if (this.#stopRequested) this.#stopNow();
        r = this.step();
      } while (r === 'data' && performance.now() - turnStart < budgetMs);
      budgetMs = sliceMs;
      if (r === 'done' && !this.#stopRequested) return this.#phase;
      if (r === 'done') continue;
      await new Promise<void>((resolve) => { if (r === 'data') setImmediate(resolve); else setTimeout(resolve, idleMs); });
    }
  }

  /**
   * Stops the statement: STOPPING, a savepoint (a checkpoint that also commits pending output),
   * STOPPED. Safe at any time outside a step (JavaScript runs one slice at a time); a pending
   * `run()` then resolves with STOPPED at its next slice.
   */
  stop(opts: { readonly whileRunning?: boolean } = {}): void {
    // From inside a running `run()` loop's caller (the executor), stop at the next slice boundary.
    if (opts.whileRunning === true) this.#stopRequested = true;
    else this.#stopNow();
  }

  #stopNow(): void {
    this.#stopRequested = false;
    if (this.#phase !== 'RUNNING' && this.#phase !== 'CREATED') return;
    this.#setPhase('STOPPING', 'Statement is stopping');
    try {
      this.checkpoint('savepoint');
    } catch (e) {
      this.#fail(e);
      return;
    }
    this.#close();
    this.#setPhase('STOPPED', 'Statement was stopped.');
  }

  /** `status.latest_offsets`: topic → `partition:0,offset:100;partition:1,offset:200` (next offsets to read). */
  latestOffsets(): { [topic: string]: string } {
    return latestOffsets(this.#sources.map((s) => s.node.source.snapshot()));
  }

  /** Processing-time operators (proctime windows) see the injected clock once per slice, input or not. */
  #tickProcessingTime(): void {
    if (this.#procNodes === undefined) this.#procNodes = this.#opOrder.map((id) => this.#ops.get(id)).filter((n): n is OperatorNode => n?.usesProcessingTime === true);
    if (this.#procNodes.length === 0) return;
    const now = this.#clock.now();
    for (const n of this.#procNodes) n.processingTime(now);
  }

  #pollSources(): boolean {
    if (this.#cutOver === undefined) this.#cutOver = this.#sources.some((s) => s.node.source.cutOverPending === true) ? 'pending' : this.#releaseCutOver();
    let progressed = false;
    for (const s of this.#sources) {
      if (s.ended) continue;
      if (s.successors.every((id) => this.#ops.get(id)?.finished === true)) {
        s.ended = true; // everything downstream finished (LIMIT reached): stop reading
        continue;
      }
      // A lookup table's source (`drain`, polled first) is read up to its current end, bounded per slice.
      const read = pollSource(s, this.#builder, this.#max, s.node.drain === true ? MAX_DRAIN_POLLS : 1);
      if (read === 0) continue;
      progressed = true;
      this.#records += read;
      this.#pacer.read(read);
    }
    this.#builder.reset();
    // Every source reached its cut-over offsets (and the watermarks they led to went through): the
    // old statement's output ends here, this job's output starts.
    // A checkpoint first flushes what operators buffer (still suppressed: the old statement's
    // savepoint flushed the same output).
    // Stopping meanwhile: the savepoint flushes with output still off; a resume releases at once.
    if (this.#cutOver === 'pending' && this.#phase === 'RUNNING' && !this.#sources.some((s) => s.node.source.cutOverPending === true)) {
      this.checkpoint();
      this.#cutOver = this.#releaseCutOver();
    }
    return progressed;
  }

  #releaseCutOver(): 'done' {
    for (const s of this.#sources) s.node.source.releaseCutOver?.();
    return 'done';
  }

  /** True while a cut-over evolution suppresses this job's output. */
  get suppressingOutput(): boolean {
    return this.#cutOver === 'pending' || (this.#cutOver === undefined && this.#sources.some((s) => s.node.source.cutOverPending === true));
  }

  #dispatcher(graph: JobGraph, from: string): (el: StreamElement) => void {
    const targets = graph.edges.filter((e) => e.from === from).map((e) => {
      const op = this.#ops.get(e.to);
      const sink = this.#sinks.get(e.to);
      return { op, sink, input: e.input ?? 0 };
    });
    return (el) => {
      for (const t of targets) {
        if (t.op !== undefined) deliverElement(t.op, t.input, el);
        else if (t.sink !== undefined) {
          if (el.kind === 'batch') { if (this.#cutOver !== 'pending') t.sink.sink.write(el.batch); }
          else if (el.kind === 'end') t.sink.ended++;
        }
      }
    };
  }

  #allSinksEnded(): boolean {
    for (const s of this.#sinks.values()) if (s.ended < s.inputs) return false;
    return true;
  }

  #fail(e: unknown): void {
    this.#failure = { error: e, class: classifyFailure(e) };
    const detail = e instanceof Error ? e.message : String(e);
    this.#setPhase('FAILING', detail);
    for (const s of this.#sinks.values()) s.sink.discard();
    this.#close();
    this.#setPhase('FAILED', detail);
  }

  #close(): void {
    closeJob(this.#sources, this.#ops.values(), this.#sinks.values());
  }

  #setPhase(phase: RunnerPhase, detail: string): void {
    this.#phase = phase;
    this.#detail = detail;
    this.#o.onPhase?.(phase, detail);
  }
}
