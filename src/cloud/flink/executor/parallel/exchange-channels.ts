/**
 * The hash exchange between keyed subtasks (exchange-runner.ts), in three parts:
 * - ExchangeOut: the sending end in front of one input of a keyed node. Rows go to the subtask
 *   owning their key's group; watermarks, idleness and the end go to every subtask. Per receiver
 *   it keeps the elements in order, consecutive rows in one element, until the wave sends them.
 * - ExchangeIn: the receiving end of that input. Its watermark is the minimum over the p sending
 *   subtasks (idle ones not counted, as Flink combines channels); it ends when all of them ended.
 * - Inbox: the messages from the other subtasks, one queue per sender (a MessagePort keeps order).
 */
import type { MessagePort } from 'node:worker_threads';
import { invariant } from '../../../../shared/index.js';
import { WatermarkCombiner, keyGroupOf, keyGroupOwner, type Batch, type OperatorNode, type StreamElement } from '../../runtime/index.js';
import type { ExchangeElement, ExchangeMessage } from './subtask-protocol.js';

type RowsElement = Extract<ExchangeElement, { k: 'rows' }>;

/** The sending end of a keyed node's input; see the file header. */
export class ExchangeOut {
  readonly node: string;
  readonly input: number;
  /** The wave of an epoch that carries it (exchange-runner.ts). */
  readonly wave: number;
  readonly #key: (row: unknown[]) => unknown;
  readonly #parallelism: number;
  #elements: ExchangeElement[][];
  readonly #open: (RowsElement | undefined)[];

  constructor(o: { readonly node: string; readonly input: number; readonly wave: number; readonly key: (row: unknown[]) => unknown; readonly parallelism: number }) {
    this.node = o.node;
    this.input = o.input;
    this.wave = o.wave;
    this.#key = o.key;
    this.#parallelism = o.parallelism;
    this.#elements = Array.from({ length: o.parallelism }, () => []);
    this.#open = new Array<RowsElement | undefined>(o.parallelism);
  }

  accept(el: StreamElement): void {
    if (el.kind === 'batch') {
      const b = el.batch;
      for (let i = 0; i < b.size; i++) {
        const row = b.rows[i] as unknown[];
        const to = keyGroupOwner(keyGroupOf(this.#key(row)), this.#parallelism);
        let open = this.#open[to];
        if (open === undefined) {
          open = { k: 'rows', rows: [], kinds: [], rowtimes: [] };
          this.#open[to] = open;
          (this.#elements[to] as ExchangeElement[]).push(open);
        }
        open.rows.push(row);
        open.kinds.push(b.kinds[i] as number);
        open.rowtimes.push(b.rowtimes[i] as number);
      }
      return;
    }
    if (el.kind === 'barrier') return;
    const marker: ExchangeElement = el.kind === 'watermark' ? { k: 'wm', t: el.time } : el.kind === 'idle' ? { k: 'idle', v: el.idle } : { k: 'end' };
    for (let to = 0; to < this.#parallelism; to++) {
      this.#open[to] = undefined;
      (this.#elements[to] as ExchangeElement[]).push(marker);
    }
  }

  /** The elements for subtask `to` since the last call. */
  take(to: number): ExchangeElement[] {
    const out = this.#elements[to] as ExchangeElement[];
    this.#elements[to] = [];
    this.#open[to] = undefined;
    return out;
  }
}

/** The receiving end of a keyed node's input; see the file header. */
export class ExchangeIn {
  readonly #node: OperatorNode;
  readonly #input: number;
  readonly #channels: WatermarkCombiner;
  #idle = false;
  #ended = false;

  constructor(node: OperatorNode, input: number, parallelism: number) {
    this.#node = node;
    this.#input = input;
    this.#channels = new WatermarkCombiner(parallelism);
  }

  /** Delivers the elements subtask `from` sent, in order. */
  deliver(from: number, elements: readonly ExchangeElement[]): void {
    for (const el of elements) {
      switch (el.k) {
        case 'rows': this.#node.pushBatch(this.#input, rowsBatch(el)); break;
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

  #forward(advanced: number | null): void {
    const idle = this.#channels.idle;
    if (!idle && this.#idle) { this.#idle = false; this.#node.pushIdle(this.#input, false); }
    if (advanced !== null) this.#node.pushWatermark(this.#input, advanced);
    if (idle && !this.#idle) { this.#idle = true; this.#node.pushIdle(this.#input, true); }
  }
}

function rowsBatch(el: RowsElement): Batch {
  return { size: el.rows.length, rows: el.rows, kinds: Uint8Array.from(el.kinds), rowtimes: Float64Array.from(el.rowtimes) };
}

/** Messages from the other subtasks, one queue per sender; see the file header. */
export class Inbox {
  readonly #queues: ExchangeMessage[][];
  #waiting: { readonly from: number; readonly resolve: (m: ExchangeMessage) => void } | undefined;

  constructor(peers: readonly (MessagePort | null)[]) {
    this.#queues = peers.map(() => []);
    peers.forEach((port, from) => {
      port?.on('message', (m: ExchangeMessage) => {
        const w = this.#waiting;
        if (w !== undefined && w.from === from) { this.#waiting = undefined; w.resolve(m); }
        else (this.#queues[from] as ExchangeMessage[]).push(m);
      });
    });
  }

  /** The next message from subtask `from`. */
  next(from: number): ExchangeMessage | Promise<ExchangeMessage> {
    const queued = (this.#queues[from] as ExchangeMessage[]).shift();
    if (queued !== undefined) return queued;
    invariant(this.#waiting === undefined, 'one wait at a time');
    return new Promise((resolve) => { this.#waiting = { from, resolve }; });
  }
}
