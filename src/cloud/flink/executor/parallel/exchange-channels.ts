/**
 * The hash exchange between keyed subtasks (exchange-runner.ts), in three parts:
 * - ExchangeOut: the sending end in front of one input of a keyed node. Rows go to the subtask
 *   owning their key's group; watermarks, idleness and the end go to every subtask. Per receiver
 *   it keeps the elements in order, consecutive rows in one element, until the wave sends them.
 *   A rows element carries each row's key group, so the receiving KeyGroupedOperator does not
 *   compute the key again, and its kinds, rowtimes and groups as typed arrays (copied once, cheap
 *   to clone between threads).
 * - ExchangeIn: the receiving end of that input. Its watermark is the minimum over the p sending
 *   subtasks (idle ones not counted, as Flink combines channels); it ends when all of them ended.
 *   The rows of one wave from all senders reach the node as one batch (in subtask order) as long
 *   as no marker lies between them: few, large batches for the per-group instances.
 */
import { invariant } from '../../../../shared/index.js';
import { BatchBuilder, WatermarkCombiner, keyGroupOf, keyGroupOwner, KEY_GROUPS, type Batch, type OperatorNode, type StreamElement } from '../../runtime/index.js';
import type { ExchangeElement, PackedRows } from './subtask-protocol.js';

type RowsElement = Extract<ExchangeElement, { k: 'rows' }>;

/** A batch with each row's key group, which a KeyGroupedOperator uses instead of hashing the key again (its `KeyGroupedBatch`). */
interface KeyGroupedBatch extends Batch { readonly keyGroups: Uint8Array }

/** Rows on their way to one receiver, until a marker or the wave seals them into an element. */
class RowsPart {
  rows: unknown[][] = [];
  kinds = new Uint8Array(256);
  rowtimes = new Float64Array(256);
  groups = new Uint8Array(256);
  size = 0;

  push(row: unknown[], kind: number, rowtime: number, group: number): void {
    const i = this.size;
    if (i === this.kinds.length) this.#grow();
    this.rows.push(row);
    this.kinds[i] = kind;
    this.rowtimes[i] = rowtime;
    this.groups[i] = group;
    this.size = i + 1;
  }

  /** The rows so far as an element (exact-size copies of the typed arrays); empties the part. */
  seal(): RowsElement {
    const n = this.size;
    const el: RowsElement = { k: 'rows', rows: this.rows, kinds: this.kinds.slice(0, n), rowtimes: this.rowtimes.slice(0, n), groups: this.groups.slice(0, n) };
    this.rows = [];
    this.size = 0;
    return el;
  }

  #grow(): void {
    const n = this.kinds.length * 2;
    const kinds = new Uint8Array(n); kinds.set(this.kinds); this.kinds = kinds;
    const rowtimes = new Float64Array(n); rowtimes.set(this.rowtimes); this.rowtimes = rowtimes;
    const groups = new Uint8Array(n); groups.set(this.groups); this.groups = groups;
  }
}

/** The sending end of a keyed node's input; see the file header. */
export class ExchangeOut {
  readonly node: string;
  readonly input: number;
  /** The wave of an epoch that carries it (exchange-runner.ts). */
  readonly wave: number;
  readonly #key: (row: unknown[]) => unknown;
  readonly #parallelism: number;
  /** Key group → receiving subtask. */
  readonly #owner: Uint8Array;
  #elements: ExchangeElement[][];
  readonly #parts: RowsPart[];

  constructor(o: { readonly node: string; readonly input: number; readonly wave: number; readonly key: (row: unknown[]) => unknown; readonly parallelism: number }) {
    invariant(o.parallelism <= KEY_GROUPS, 'a parallelism of at most KEY_GROUPS');
    this.node = o.node;
    this.input = o.input;
    this.wave = o.wave;
    this.#key = o.key;
    this.#parallelism = o.parallelism;
    this.#owner = new Uint8Array(KEY_GROUPS);
    for (let g = 0; g < KEY_GROUPS; g++) this.#owner[g] = keyGroupOwner(g, o.parallelism);
    this.#elements = Array.from({ length: o.parallelism }, () => []);
    this.#parts = Array.from({ length: o.parallelism }, () => new RowsPart());
  }

  accept(el: StreamElement): void {
    if (el.kind === 'batch') {
      const b = el.batch;
      const { rows, kinds, rowtimes } = b;
      const key = this.#key;
      const owner = this.#owner;
      const parts = this.#parts;
      for (let i = 0; i < b.size; i++) {
        const row = rows[i] as unknown[];
        const g = keyGroupOf(key(row));
        (parts[owner[g] as number] as RowsPart).push(row, kinds[i] as number, rowtimes[i] as number, g);
      }
      return;
    }
    if (el.kind === 'barrier') return;
    const marker: ExchangeElement = el.kind === 'watermark' ? { k: 'wm', t: el.time } : el.kind === 'idle' ? { k: 'idle', v: el.idle } : { k: 'end' };
    for (let to = 0; to < this.#parallelism; to++) {
      this.#seal(to);
      (this.#elements[to] as ExchangeElement[]).push(marker);
    }
  }

  /** The elements for subtask `to` since the last call; `remote`: their rows packed to cross threads. */
  take(to: number, remote: boolean): ExchangeElement[] {
    this.#seal(to);
    const out = this.#elements[to] as ExchangeElement[];
    if (out.length === 0) return out;
    this.#elements[to] = [];
    if (remote) {
      for (let i = 0; i < out.length; i++) {
        const el = out[i] as ExchangeElement;
        if (el.k === 'rows' && Array.isArray(el.rows)) out[i] = { ...el, rows: pack(el.rows) ?? el.rows };
      }
    }
    return out;
  }

  #seal(to: number): void {
    const part = this.#parts[to] as RowsPart;
    if (part.size > 0) (this.#elements[to] as ExchangeElement[]).push(part.seal());
  }
}

/** The receiving end of a keyed node's input; see the file header. */
export class ExchangeIn {
  readonly #node: OperatorNode;
  readonly #input: number;
  readonly #channels: WatermarkCombiner;
  /** Rows received in this wave and not yet pushed (a marker or the wave's end pushes them). */
  readonly #rows = new BatchBuilder();
  #groups = new Uint8Array(1024);
  #idle = false;
  #ended = false;

  constructor(node: OperatorNode, input: number, parallelism: number) {
    this.#node = node;
    this.#input = input;
    this.#channels = new WatermarkCombiner(parallelism);
  }

  /** Takes the elements subtask `from` sent, in order (call in subtask order, then `flush`). */
  deliver(from: number, elements: readonly ExchangeElement[]): void {
    for (const el of elements) {
      if (el.k === 'rows') { this.#add(el); continue; }
      this.flush();
      switch (el.k) {
        case 'wm': this.#forward(this.#channels.watermark(from, el.t)); break;
        case 'idle': this.#forward(this.#channels.setIdle(from, el.v)); break;
        case 'end': {
          const advanced = this.#channels.end(from);
          if (!this.#channels.ended) this.#forward(advanced);
          else if (!this.#ended) { this.#ended = true; this.#node.pushEnd(this.#input); }
          break;
        }
      }
    }
  }

  /** Pushes the rows received so far to the node, as one batch. */
  flush(): void {
    const b = this.#rows;
    if (b.size === 0) return;
    const batch: KeyGroupedBatch = { size: b.size, rows: b.rows, kinds: b.kinds, rowtimes: b.rowtimes, keyGroups: this.#groups };
    this.#node.pushBatch(this.#input, batch);
    b.reset();
  }

  #add(el: RowsElement): void {
    const b = this.#rows;
    const at = b.size;
    const n = el.kinds.length;
    if (at + n > this.#groups.length) {
      const groups = new Uint8Array(Math.max(2 * this.#groups.length, at + n));
      groups.set(this.#groups.subarray(0, at));
      this.#groups = groups;
    }
    this.#groups.set(el.groups, at);
    const { rows, kinds, rowtimes } = el;
    if (Array.isArray(rows)) {
      for (let i = 0; i < n; i++) b.push(rows[i] as unknown[], kinds[i] as number, rowtimes[i] as number);
      return;
    }
    const columns = rows.columns;
    const arity = columns.length;
    for (let i = 0; i < n; i++) {
      const row = new Array<unknown>(arity);
      for (let c = 0; c < arity; c++) row[c] = (columns[c] as ArrayLike<unknown>)[i];
      b.push(row, kinds[i] as number, rowtimes[i] as number);
    }
  }

  #forward(advanced: number | null): void {
    const idle = this.#channels.idle;
    if (!idle && this.#idle) { this.#idle = false; this.#node.pushIdle(this.#input, false); }
    if (advanced !== null) this.#node.pushWatermark(this.#input, advanced);
    if (idle && !this.#idle) { this.#idle = true; this.#node.pushIdle(this.#input, true); }
  }
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Rows column by column (PackedRows); undefined when their lengths differ. */
function pack(rows: readonly unknown[][]): PackedRows | undefined {
  const n = rows.length;
  const arity = (rows[0] as unknown[]).length;
  for (let i = 1; i < n; i++) if ((rows[i] as unknown[]).length !== arity) return undefined;
  const columns: (BigInt64Array | Float64Array | unknown[])[] = [];
  for (let c = 0; c < arity; c++) columns.push(packColumn(rows, c));
  return { columns };
}

function packColumn(rows: readonly unknown[][], c: number): BigInt64Array | Float64Array | unknown[] {
  const n = rows.length;
  const first = (rows[0] as unknown[])[c];
  if (typeof first === 'bigint') {
    const out = new BigInt64Array(n);
    let i = 0;
    for (; i < n; i++) {
      const v = (rows[i] as unknown[])[c];
      if (typeof v !== 'bigint' || v < INT64_MIN || v > INT64_MAX) break;
      out[i] = v;
    }
    if (i === n) return out;
  } else if (typeof first === 'number') {
    const out = new Float64Array(n);
    let i = 0;
    for (; i < n; i++) {
      const v = (rows[i] as unknown[])[c];
      if (typeof v !== 'number') break;
      out[i] = v;
    }
    if (i === n) return out;
  }
  const out = new Array<unknown>(n);
  for (let i = 0; i < n; i++) out[i] = (rows[i] as unknown[])[c];
  return out;
}
