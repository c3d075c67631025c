/**
 * One subtask of a keyed job at parallelism p > 1 (docs/autopilot.md): the job's graph with a hash
 * exchange in front of every input of a keyed node. Every subtask reads its share of the source
 * partitions; rows cross to the subtask owning their key group (exchange-channels.ts).
 *
 * Epochs instead of barriers flowing on channels: the subtasks run in lock step, one epoch at a
 * time. An epoch polls the sources (stage 0: sources and the stateless operators after them),
 * then runs one wave per exchange level: wave w sends every subtask what the exchanges in front of
 * level-w keyed nodes collected for it (possibly nothing), receives the p − 1 others' wave-w
 * messages and delivers all p in subtask order. When the last wave is delivered nothing is in
 * flight anywhere: every subtask's state reflects exactly the records its sources read up to this
 * epoch. So a checkpoint at the end of an epoch is a consistent cut of the whole job, as aligned
 * barriers give Flink, and its parts are committed by the coordinator in ONE transaction
 * (parallel-job.ts); a subtask never commits anything itself.
 *
 * Decisions every subtask must make alike travel in the first wave: each says whether its sources
 * read anything and whether its sinks have all ended; subtask 0 says whether this epoch ends with
 * a checkpoint or with the stop savepoint (it alone hears the stop command and keeps the checkpoint
 * interval). An epoch in which no subtask read anything is followed by the idle wait.
 *
 * Reading ahead: having sent its last wave, a subtask polls its sources for the next epoch while
 * the others' messages are on their way (see #readAhead), so waiting on the slowest subtask
 * overlaps with reading instead of idling.
 */
import { serialize } from 'node:v8';
import type { MessagePort } from 'node:worker_threads';
import { invariant, type Clock } from '../../../../shared/index.js';
import { BatchBuilder, DEFAULT_BATCH_SIZE, OperatorNode, classifyFailure, closeJob, deliverElement, orderJob, pollSource, polledSource, restoreJob } from '../../runtime/index.js';
import type { Checkpoint, FailureClass, JobGraph, PolledSource, RunnerPhase, Sink, StreamElement } from '../../runtime/index.js';
import type { KeyedNode } from './parallelism.js';
import { ExchangeIn, ExchangeOut } from './exchange-channels.js';
import { Inbox, agree, receiveWave, sendWave, type EpochDecision } from './epoch-messages.js';
import type { EpochFlags, ExchangeMessage, SinkOutput, SubtaskSnapshot } from './subtask-protocol.js';

/** What a subtask's exchange runner needs. */
export interface ExchangeRunnerOptions {
  readonly graph: JobGraph;
  /** The keyed nodes (their operators run per key group) and the key of each input. */
  readonly keyed: ReadonlyMap<string, KeyedNode>;
  readonly index: number;
  readonly parallelism: number;
  /** Ports to the other subtasks, by index (null at `index`). */
  readonly peers: readonly (MessagePort | null)[];
  readonly clock: Clock;
  readonly checkpointIntervalMs: number;
  readonly idlePollMs: number;
  /** What the sinks committed since the last call (their `appendTo`). */
  readonly takeOutput: () => SinkOutput[];
  readonly onSnapshot: (s: SubtaskSnapshot) => void;
  readonly onPhase: (phase: RunnerPhase, detail: string) => void;
}

/**
 * Source polls per epoch at most (each up to a batch). One: rows in flight between subtasks are
 * what a young-generation GC has to copy, and reading ahead already hides the epoch's round trip.
 */
const POLLS_PER_EPOCH = 1;

interface SinkState { readonly sink: Sink; readonly inputs: number; ended: number }

/** See the file header. */
export class ExchangeRunner {
  readonly #o: ExchangeRunnerOptions;
  readonly #sources: PolledSource[] = [];
  readonly #ops = new Map<string, OperatorNode>();
  readonly #sinks = new Map<string, SinkState>();
  /** Operator nodes per stage, in topological order. */
  readonly #stages: OperatorNode[][] = [];
  readonly #outs: ExchangeOut[] = [];
  /** The exchanges each wave sends (index: wave). */
  readonly #outsOfWave: ExchangeOut[][] = [];
  readonly #ins = new Map<string, ExchangeIn>();
  /** The receiving ends each wave delivers to (index: wave). */
  readonly #insOfWave: ExchangeIn[][] = [];
  /** Node id → stage: sources 0, a keyed node one more than its inputs' highest (its exchanges' wave). */
  readonly #stageOf = new Map<string, number>();
  readonly #inbox: Inbox;
  readonly #builder = new BatchBuilder(DEFAULT_BATCH_SIZE);
  #waves = 0;
  #epoch = 0;
  /**
   * Reading ahead: while a subtask waits for the others' last wave it polls its sources for the
   * next epoch; their rows only reach exchange buffers (stage 0 is stateless), so the epoch's
   * checkpoint holds the positions from before. Off when a sink hangs off stage 0.
   */
  #readAhead = true;
  #checkpointId = 0;
  #lastCheckpointAt: number;
  #stopRequested = false;
  #done = false;
  #phase: RunnerPhase = 'CREATED';
  #detail = '';
  #failure: { readonly error: unknown; readonly class: FailureClass } | undefined;

  constructor(o: ExchangeRunnerOptions) {
    this.#o = o;
    this.#inbox = new Inbox(o.peers);
    this.#lastCheckpointAt = o.clock.now();
    const { order, inputs } = orderJob(o.graph);
    const stage = this.#stageOf;
    for (const n of order) {
      const from = o.graph.edges.filter((e) => e.to === n.id).map((e) => stage.get(e.from) ?? 0);
      const s = n.kind === 'source' ? 0 : Math.max(0, ...from) + (o.keyed.has(n.id) ? 1 : 0);
      stage.set(n.id, s);
      this.#waves = Math.max(this.#waves, s);
    }
    for (const n of [...order].reverse()) {
      if (n.kind === 'sink') this.#sinks.set(n.id, { sink: n.sink, inputs: inputs.get(n.id) ?? 1, ended: 0 });
      else if (n.kind === 'operator') {
        const node = new OperatorNode(n.operator, { inputs: inputs.get(n.id) ?? 1, downstream: this.#dispatcher(n.id) });
        this.#ops.set(n.id, node);
        const s = stage.get(n.id) ?? 0;
        (this.#stages[s] ??= []).unshift(node);
        const keyed = o.keyed.get(n.id);
        if (keyed !== undefined) {
          for (let i = 0; i < (inputs.get(n.id) ?? 1); i++) {
            const exIn = new ExchangeIn(node, i, o.parallelism);
            this.#ins.set(`${n.id}\u0000${i}`, exIn);
            (this.#insOfWave[s] ??= []).push(exIn);
          }
        }
      } else this.#sources.unshift(polledSource(n, this.#dispatcher(n.id)));
    }
    invariant(this.#waves >= 1, 'an exchange runner runs a job with keyed nodes');
    for (const out of this.#outs) (this.#outsOfWave[out.wave] ??= []).push(out);
    for (const n of this.#stages[0] ?? []) invariant(n.operator.onBarrier === undefined, 'operators before the first exchange are stateless');
  }

  get phase(): RunnerPhase { return this.#phase; }
  get detail(): string { return this.#detail; }
  get failure(): { readonly error: unknown; readonly class: FailureClass } | undefined { return this.#failure; }

  /** Restores this subtask's line of the newest global checkpoint. Before `run()`. */
  restore(cp: Checkpoint | undefined): void {
    if (cp === undefined) return;
    restoreJob(cp, this.#sources, this.#ops);
    this.#checkpointId = cp.checkpointId;
  }

  /** Subtask 0 ends the job with a savepoint at the next epoch; the others follow its word. */
  stop(_opts?: { readonly whileRunning?: boolean }): void { this.#stopRequested = true; }

  /** Runs epochs until the job completes, stops or fails; resolves with the final phase. */
  async run(): Promise<RunnerPhase> {
    this.#setPhase('RUNNING', 'Statement is running');
    /** Whether reading ahead read anything (undefined: it did not run; the epoch polls itself). */
    let readAhead: boolean | undefined;
    try {
      for (;;) {
        const epoch = ++this.#epoch;
        const progressed = readAhead ?? this.#poll();
        readAhead = undefined;
        /** The sources' positions at the end of this epoch's reading (before reading ahead). */
        let cut: { [id: string]: unknown } | undefined;
        let flags: EpochDecision | undefined;
        for (let w = 1; w <= this.#waves; w++) {
          const mine: EpochFlags | undefined = w !== 1 ? undefined : {
            progressed, done: this.#done, stop: this.#o.index === 0 && this.#stopRequested,
            checkpoint: this.#o.index === 0 && this.#o.clock.now() - this.#lastCheckpointAt >= this.#o.checkpointIntervalMs,
          };
          const own = sendWave(this.#o, epoch, w, this.#outsOfWave[w] ?? [], mine);
          if (w === this.#waves && this.#readAhead) {
            cut = this.#positions();
            readAhead = this.#poll();
          }
          const messages = await receiveWave(this.#o, this.#inbox, epoch, w, own);
          if (w === 1) flags = agree(messages);
          messages.forEach((m, from) => this.#deliver(from, m));
          for (const exIn of this.#insOfWave[w] ?? []) exIn.flush();
          this.#tick(w);
          if (flags !== undefined && (flags.checkpoint || flags.stop || flags.allDone)) for (const n of this.#stages[w] ?? []) n.barrier(this.#checkpointId + 1);
        }
        const f = flags as NonNullable<typeof flags>;
        this.#done = this.#allSinksEnded();
        if (f.checkpoint || f.stop || f.allDone) this.#checkpoint(f.stop ? 'savepoint' : 'checkpoint', cut ?? this.#positions());
        if (f.stop || f.allDone) {
          this.#close();
          if (f.stop) this.#setPhase('STOPPING', 'Statement is stopping');
          this.#setPhase(f.stop ? 'STOPPED' : 'COMPLETED', f.stop ? 'Statement was stopped.' : 'SQL statement is completed');
          return this.#phase;
        }
        if (!f.any && readAhead !== true) await new Promise((resolve) => setTimeout(resolve, this.#o.idlePollMs));
      }
    } catch (e) {
      this.#failure = { error: e, class: classifyFailure(e) };
      const detail = e instanceof Error ? e.message : String(e);
      for (const s of this.#sinks.values()) s.sink.discard();
      this.#close();
      this.#setPhase('FAILED', detail);
      return 'FAILED';
    }
  }

  #deliver(from: number, m: ExchangeMessage): void {
    for (const c of m.channels) this.#ins.get(`${c.node}\u0000${c.input}`)?.deliver(from, c.elements);
  }

  /** Processing-time operators of a stage see the clock once per epoch. */
  #tick(stage: number): void {
    const nodes = this.#stages[stage];
    if (nodes === undefined) return;
    const now = this.#o.clock.now();
    for (const n of nodes) if (n.usesProcessingTime) n.processingTime(now);
  }

  /** The sources' positions now. */
  #positions(): { [id: string]: unknown } {
    const positions: { [id: string]: unknown } = {};
    for (const s of this.#sources) positions[s.node.id] = s.node.source.snapshot();
    return positions;
  }

  /** Stage 0 of an epoch: its processing time, then its sources. */
  #poll(): boolean {
    this.#tick(0);
    return this.#pollSources();
  }

  #pollSources(): boolean {
    let progressed = false;
    for (const s of this.#sources) if (!s.ended && pollSource(s, this.#builder, DEFAULT_BATCH_SIZE, POLLS_PER_EPOCH) > 0) progressed = true;
    this.#builder.reset();
    return progressed;
  }

  #checkpoint(kind: 'checkpoint' | 'savepoint', sourceOffsets: { [id: string]: unknown }): void {
    const id = ++this.#checkpointId;
    const operatorState: { [id: string]: unknown } = {};
    for (const [opId, node] of this.#ops) operatorState[opId] = node.snapshot();
    for (const s of this.#sinks.values()) s.sink.commit(id);
    this.#o.onSnapshot({ id, kind, sourceOffsets, state: serialize(operatorState), output: this.#o.takeOutput() });
    this.#lastCheckpointAt = this.#o.clock.now();
  }

  #dispatcher(from: string): (el: StreamElement) => void {
    const { graph, keyed, parallelism } = this.#o;
    const targets = graph.edges.filter((e) => e.from === from).map((e) => {
      const k = keyed.get(e.to);
      if (k === undefined && this.#sinks.has(e.to) && (this.#stageOf.get(from) ?? 0) === 0) this.#readAhead = false; // a sink of stage 0
      if (k === undefined) return { op: this.#ops.get(e.to), sink: this.#sinks.get(e.to), out: undefined, input: e.input ?? 0 };
      const input = e.input ?? 0;
      const out = new ExchangeOut({ node: e.to, input, wave: this.#stageOf.get(e.to) ?? 1, key: k.keys[input] as (row: unknown[]) => unknown, parallelism });
      this.#outs.push(out);
      return { op: undefined, sink: undefined, out, input };
    });
    return (el) => {
      for (const t of targets) {
        if (t.out !== undefined) t.out.accept(el);
        else if (t.op !== undefined) deliverElement(t.op, t.input, el);
        else if (t.sink !== undefined) {
          if (el.kind === 'batch') t.sink.sink.write(el.batch);
          else if (el.kind === 'end') t.sink.ended++;
        }
      }
    };
  }

  #allSinksEnded(): boolean {
    for (const s of this.#sinks.values()) if (s.ended < s.inputs) return false;
    return true;
  }

  #close(): void {
    closeJob(this.#sources, this.#ops.values(), this.#sinks.values());
  }

  #setPhase(phase: RunnerPhase, detail: string): void {
    this.#phase = phase;
    this.#detail = detail;
    this.#o.onPhase(phase, detail);
  }
}
