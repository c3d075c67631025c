/**
 * A keyed operator kept per key group (key-groups.ts), so that Autopilot can move its state
 * between parallel subtasks by whole groups. It runs one instance of the real operator per key
 * group that has seen a row, each inside its own OperatorNode (own timers and watermark), and
 * routes every row to the instance of its key's group. The instances see exactly what a single
 * operator would see for their keys, in the same order: rows, the combined watermark (pushed on
 * every open input, so each instance's own combination is that watermark), barriers, processing
 * time, end of input. What they emit goes into this operator's output batch in one piece; the
 * enclosing node forwards watermarks, idleness and the end itself.
 *
 * State: `{ keyGroups: 1, groups: [group, NodeSnapshot][], watermark? }` (isKeyGroupedState). A
 * subtask's checkpoint holds the groups it owns; redistribution regroups them for another
 * parallelism. The watermark is the last one the instances saw: an instance created after a restore
 * starts from it, as the plain operator would (several keep their watermark in their state and drop
 * rows of windows that already fired).
 */
import { invariant } from '../../../shared/index.js';
import { BatchBuilder, type Batch, type StreamElement } from './batch.js';
import { KEY_GROUPS, keyGroupOf } from './key-groups.js';
import type { Operator, OperatorContext } from './operator.js';
import { OperatorNode, type NodeSnapshot } from './operator-node.js';
import { NO_WATERMARK, type Row } from './types.js';

/** What a key-grouped operator needs. */
export interface KeyGroupedSpec {
  /** A fresh instance of the real operator. */
  readonly create: () => Operator;
  /** Per input: the key a row is grouped by (a tuple, or one value for join keys). */
  readonly keys: readonly ((row: Row) => unknown)[];
}

/** The snapshot of a key-grouped operator. */
export interface KeyGroupedState {
  readonly keyGroups: 1;
  readonly groups: readonly (readonly [number, NodeSnapshot])[];
  /** The watermark at the snapshot; absent (older snapshots) or null: none yet. */
  readonly watermark?: number | null;
}

/**
 * A batch whose rows' key groups are known already: `keyGroups[i]` is the group of row i's key on
 * the input it arrives on (the exchange between subtasks computed them). Other batches are hashed.
 */
export interface KeyGroupedBatch extends Batch {
  readonly keyGroups?: Uint8Array;
}

/** True for a snapshot written by a KeyGroupedOperator. */
export function isKeyGroupedState(s: unknown): s is KeyGroupedState {
  return typeof s === 'object' && s !== null && (s as { keyGroups?: unknown }).keyGroups === 1 && Array.isArray((s as { groups?: unknown }).groups);
}

/** Initial capacity of a group's part of an input batch (grows as needed). */
const PART_CAPACITY = 32;

/** See the file header. */
export class KeyGroupedOperator implements Operator<KeyGroupedState> {
  readonly #spec: KeyGroupedSpec;
  readonly #nodes: (OperatorNode | undefined)[] = new Array<OperatorNode | undefined>(KEY_GROUPS);
  readonly #active: number[] = [];
  readonly #parts: (BatchBuilder | undefined)[] = new Array<BatchBuilder | undefined>(KEY_GROUPS);
  readonly #touched: number[] = [];
  /** The key groups of the rows of the current batch, when it does not bring them. */
  #scratch = new Uint8Array(PART_CAPACITY);
  readonly #ended: boolean[];
  readonly #down: (el: StreamElement) => void;
  #ctx: OperatorContext | undefined;
  #watermark = NO_WATERMARK;
  /** Defined when the real operator reacts to processing time. */
  readonly onProcessingTime?: (now: number, ctx: OperatorContext) => void;

  constructor(spec: KeyGroupedSpec) {
    invariant(spec.keys.length >= 1, 'a key-grouped operator has a key per input');
    this.#spec = spec;
    this.#ended = spec.keys.map(() => false);
    // The instances' output goes into the enclosing node's batch; their watermarks, idleness and
    // ends are the enclosing node's to forward.
    this.#down = (el) => {
      if (el.kind !== 'batch') return;
      const ctx = this.#ctx as OperatorContext;
      const b = el.batch;
      for (let i = 0; i < b.size; i++) ctx.emit(b.rows[i] as Row, b.kinds[i] as number, b.rowtimes[i] as number);
    };
    const probe = spec.create();
    if (probe.onProcessingTime !== undefined) {
      this.onProcessingTime = (now, ctx) => {
        this.#ctx = ctx;
        for (const g of this.#active) (this.#nodes[g] as OperatorNode).processingTime(now);
      };
    }
    probe.close();
  }

  /** Key groups holding an instance (for tests and metrics). */
  get groups(): readonly number[] { return [...this.#active].sort((a, b) => a - b); }

  onBatch(batch: Batch, input: number, ctx: OperatorContext): void {
    this.#ctx = ctx;
    const n = batch.size;
    const { rows, kinds, rowtimes } = batch;
    let groups = (batch as KeyGroupedBatch).keyGroups;
    if (groups === undefined) {
      if (this.#scratch.length < n) this.#scratch = new Uint8Array(Math.max(n, 2 * this.#scratch.length));
      groups = this.#scratch;
      const key = this.#spec.keys[input] as (row: Row) => unknown;
      for (let i = 0; i < n; i++) groups[i] = keyGroupOf(key(rows[i] as Row));
    }
    // All rows in one group (a single key, or few rows): the batch as it is.
    const first = groups[0] as number;
    let same = 1;
    while (same < n && groups[same] === first) same++;
    if (same === n) { this.#node(first).pushBatch(input, batch); return; }
    const parts = this.#parts;
    const touched = this.#touched;
    for (let i = 0; i < n; i++) {
      const g = groups[i] as number;
      let part = parts[g];
      if (part === undefined) parts[g] = part = new BatchBuilder(PART_CAPACITY);
      if (part.size === 0) touched.push(g);
      part.push(rows[i] as Row, kinds[i] as number, rowtimes[i] as number);
    }
    for (let t = 0; t < touched.length; t++) {
      const g = touched[t] as number;
      const part = this.#parts[g] as BatchBuilder;
      this.#node(g).pushBatch(input, part);
      part.reset();
    }
    touched.length = 0;
  }

  onWatermark(time: number, ctx: OperatorContext): void {
    this.#ctx = ctx;
    // The highest seen: after a restore the sources' watermarks start over and may stay below the
    // checkpoint's for a while; the operators keep theirs (they never go back), so a new instance
    // must start from the highest too.
    if (time > this.#watermark) this.#watermark = time;
    for (const g of this.#active) this.#catchUp(this.#nodes[g] as OperatorNode, time);
  }

  onBarrier(checkpointId: number, ctx: OperatorContext): void {
    this.#ctx = ctx;
    for (const g of this.#active) (this.#nodes[g] as OperatorNode).barrier(checkpointId);
  }

  onInputEnd(input: number, ctx: OperatorContext): void {
    this.#ctx = ctx;
    this.#ended[input] = true;
    for (const g of this.#active) (this.#nodes[g] as OperatorNode).pushEnd(input);
  }

  snapshot(): KeyGroupedState {
    const groups = this.groups.map((g) => [g, (this.#nodes[g] as OperatorNode).snapshot()] as const);
    return { keyGroups: 1, groups, ...(this.#watermark === NO_WATERMARK ? {} : { watermark: this.#watermark }) };
  }

  restore(state: KeyGroupedState): void {
    invariant(isKeyGroupedState(state), 'a key-grouped operator restores key-grouped state (a checkpoint of another layout reached it)');
    for (const [g, snap] of state.groups) this.#node(g).restore(snap);
    // After the restored instances (they hold their own): instances created from now on catch up to it.
    this.#watermark = state.watermark ?? NO_WATERMARK;
  }

  close(): void {
    for (const g of this.#active) (this.#nodes[g] as OperatorNode).operator.close();
  }

  #node(g: number): OperatorNode {
    const existing = this.#nodes[g];
    if (existing !== undefined) return existing;
    const node = new OperatorNode(this.#spec.create(), { inputs: this.#ended.length, downstream: this.#down, batchSize: PART_CAPACITY });
    // A new instance starts where the others are: ended inputs ended, the current watermark.
    this.#ended.forEach((ended, i) => { if (ended) node.pushEnd(i); });
    if (this.#watermark !== NO_WATERMARK) this.#catchUp(node, this.#watermark);
    this.#nodes[g] = node;
    this.#active.push(g);
    return node;
  }

  #catchUp(node: OperatorNode, time: number): void {
    for (let i = 0; i < this.#ended.length; i++) if (!this.#ended[i]) node.pushWatermark(i, time);
  }
}
