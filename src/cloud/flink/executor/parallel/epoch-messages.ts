/**
 * The messages of an epoch between keyed subtasks (exchange-runner.ts): every subtask sends every
 * other one exactly one message per wave — possibly without rows — so a receiver knows when a wave
 * is complete; a MessagePort keeps each sender's messages in order, so one queue per sender
 * (Inbox) suffices. The first wave also carries each subtask's flags, from which every subtask
 * derives the same decisions (`agree`).
 */
import type { MessagePort } from 'node:worker_threads';
import { invariant } from '../../../../shared/index.js';
import type { ExchangeOut } from './exchange-channels.js';
import type { EpochFlags, ExchangeElement, ExchangeMessage } from './subtask-protocol.js';

/** Who a subtask is and whom it talks to. */
export interface EpochPeers {
  readonly index: number;
  readonly parallelism: number;
  /** Ports to the other subtasks, by index (null at `index`). */
  readonly peers: readonly (MessagePort | null)[];
}

/** What the first wave's messages decide, the same on every subtask. */
export interface EpochDecision {
  /** Some subtask's sources read records. */
  readonly any: boolean;
  readonly checkpoint: boolean;
  readonly stop: boolean;
  /** Every subtask's sinks have ended. */
  readonly allDone: boolean;
}

/** Sends wave `wave` (what `outs` collected for each subtask) to the others; returns this subtask's own part. */
export function sendWave(p: EpochPeers, epoch: number, wave: number, outs: readonly ExchangeOut[], flags: EpochFlags | undefined): ExchangeMessage {
  let own: ExchangeMessage | undefined;
  for (let to = 0; to < p.parallelism; to++) {
    const channels: { node: string; input: number; elements: ExchangeElement[] }[] = [];
    for (const x of outs) {
      const elements = x.take(to, to !== p.index);
      if (elements.length > 0) channels.push({ node: x.node, input: x.input, elements });
    }
    const m: ExchangeMessage = { epoch, wave, channels, ...(flags === undefined ? {} : { flags }) };
    if (to === p.index) own = m;
    else (p.peers[to] as MessagePort).postMessage(m);
  }
  return own as ExchangeMessage;
}

/** Wave `wave`'s messages from every subtask, by sender (`own` at this one's index). */
export async function receiveWave(p: EpochPeers, inbox: Inbox, epoch: number, wave: number, own: ExchangeMessage): Promise<ExchangeMessage[]> {
  const messages = new Array<ExchangeMessage>(p.parallelism);
  messages[p.index] = own;
  for (let from = 0; from < p.parallelism; from++) {
    if (from === p.index) continue;
    const m = await inbox.next(from);
    if (m.epoch !== epoch || m.wave !== wave) throw new Error(`subtask ${from} is at epoch ${m.epoch} wave ${m.wave}, this one at ${epoch}/${wave} (a bug in the exchange)`);
    messages[from] = m;
  }
  return messages;
}

/** The decisions of an epoch from its first wave: subtask 0's word on checkpoint and stop, everyone's on progress and completion. */
export function agree(messages: readonly ExchangeMessage[]): EpochDecision {
  const lead = messages[0]?.flags;
  return {
    any: messages.some((m) => m.flags?.progressed === true),
    checkpoint: lead?.checkpoint === true,
    stop: lead?.stop === true,
    allDone: messages.every((m) => m.flags?.done === true),
  };
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
