/**
 * Drives one operator through a real OperatorNode (watermark combination, timers, output batching)
 * with text changelogs, and records what the node sends downstream as lines: changes in the
 * changelog notation, `WM <time>`, `IDLE`/`ACTIVE` and `END`. For operator unit tests.
 */
import type { StreamElement } from './batch.js';
import { formatBatch, parseChangelog } from './changelog-notation.js';
import type { Operator } from './operator.js';
import { OperatorNode, type NodeSnapshot } from './operator-node.js';

/** A single operator under test. */
export class OperatorHarness {
  readonly #node: OperatorNode;
  readonly #rowtimes: boolean;
  #out: string[] = [];

  constructor(op: Operator, opts: { readonly inputs?: number; readonly rowtimes?: boolean } = {}) {
    this.#rowtimes = opts.rowtimes === true;
    this.#node = new OperatorNode(op, { inputs: opts.inputs ?? 1, downstream: (el) => this.#record(el) });
  }

  /** The node under test. */
  get node(): OperatorNode { return this.#node; }

  /** Feeds changelog lines to `input`. */
  changes(text: string, input = 0): this { this.#node.pushBatch(input, parseChangelog(text)); return this; }
  /** Feeds a watermark to `input`. */
  watermark(time: number, input = 0): this { this.#node.pushWatermark(input, time); return this; }
  /** Marks `input` idle or active. */
  idle(idle: boolean, input = 0): this { this.#node.pushIdle(input, idle); return this; }
  /** Ends `input`. */
  end(input = 0): this { this.#node.pushEnd(input); return this; }
  /** A checkpoint barrier. */
  barrier(id = 1): this { this.#node.barrier(id); return this; }

  /** Output lines since the last call. */
  take(): string[] {
    const out = this.#out;
    this.#out = [];
    return out;
  }

  snapshot(): NodeSnapshot { return this.#node.snapshot(); }
  restore(s: NodeSnapshot): this { this.#node.restore(s); return this; }

  #record(el: StreamElement): void {
    switch (el.kind) {
      case 'batch': this.#out.push(...formatBatch(el.batch, { rowtimes: this.#rowtimes })); return;
      case 'watermark': this.#out.push(`WM ${el.time}`); return;
      case 'idle': this.#out.push(el.idle ? 'IDLE' : 'ACTIVE'); return;
      case 'barrier': this.#out.push(`BARRIER ${el.checkpointId}`); return;
      case 'end': this.#out.push('END'); return;
    }
  }
}
