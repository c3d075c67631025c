/**
 * How a runner drives a source node (task-runner.ts, and a keyed subtask's exchange runner): poll
 * it into the runner's batch, push each batch downstream, then forward what changed about the
 * source — idleness and watermark in the order the operators need (turning active before the
 * watermark counts, turning idle after the last one), then its end.
 */
import type { BatchBuilder, StreamElement } from './batch.js';
import type { JobNode } from './job-graph.js';
import { NO_WATERMARK, type PollStatus } from './types.js';

/** A source node and what it last forwarded downstream. */
export interface PolledSource {
  readonly node: JobNode & { kind: 'source' };
  ended: boolean;
  watermark: number;
  idle: boolean;
  readonly downstream: (el: StreamElement) => void;
}

/** A source node that has forwarded nothing yet. */
export function polledSource(node: JobNode & { kind: 'source' }, downstream: (el: StreamElement) => void): PolledSource {
  return { node, ended: false, watermark: NO_WATERMARK, idle: false, downstream };
}

/**
 * Polls `s` up to `maxPolls` times while it has data (`max` records each, into `builder`), pushing
 * every batch downstream, then forwards its idleness, watermark and end; returns the records read.
 */
export function pollSource(s: PolledSource, builder: BatchBuilder, max: number, maxPolls: number): number {
  let status: PollStatus = 'idle';
  let read = 0;
  for (let polls = 0; polls < maxPolls && status !== 'end'; polls++) {
    builder.reset();
    status = s.node.source.poll(builder, max);
    if (builder.size === 0) break;
    read += builder.size;
    s.downstream({ kind: 'batch', batch: builder });
  }
  const idle = s.node.source.idle;
  if (!idle && s.idle) { s.idle = false; s.downstream({ kind: 'idle', idle: false }); }
  const wm = s.node.source.watermark;
  if (wm > s.watermark) { s.watermark = wm; s.downstream({ kind: 'watermark', time: wm }); }
  if (idle && !s.idle) { s.idle = true; s.downstream({ kind: 'idle', idle: true }); }
  if (status === 'end') { s.ended = true; s.downstream({ kind: 'end' }); }
  return read;
}
