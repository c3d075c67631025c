/**
 * Planned stateful nodes → the runtime's stateful operators (runtime/stateful): group aggregate,
 * window aggregate, Top-N, deduplication, OVER aggregate, window Top-N / deduplication; the
 * upsert-source normalizer (changelog-normalize-operator.ts) and the bare window TVF
 * (window-table-function-operator.ts). The plan already holds the compiled
 * closures; this only maps options (state TTL with the injected clock). Their snapshots are part
 * of every checkpoint through the task runner.
 */
import type { Clock } from '../../../shared/index.js';
import { invariant } from '../../../shared/index.js';
import { isInsertOnly, type PhysicalNode } from '../planner/index.js';
import {
  DeduplicateOperator, GroupAggregateOperator, OverAggregateOperator, ProcessingTimeOperator, RankOperator, WindowAggregateOperator, WindowDeduplicateOperator,
  WindowRankOperator,
} from '../runtime/index.js';
import type { Operator } from '../runtime/index.js';
import { ChangelogNormalizeOperator } from './changelog-normalize-operator.js';
import { WindowTableFunctionOperator } from './window-table-function-operator.js';
import { SessionWindowTvfOperator } from './session-window-tvf-operator.js';

const KINDS = ['group-aggregate', 'window-aggregate', 'rank', 'deduplicate', 'over', 'normalize', 'window-tvf', 'window-rank', 'window-deduplicate'] as const;
type Stateful = Extract<PhysicalNode, { kind: (typeof KINDS)[number] }>;

/** The runtime operator of a stateful plan node. */
export function statefulOperator(n: PhysicalNode, clock: Clock): Operator {
  invariant(isStateful(n), `no stateful operator for plan node ${n.kind}`);
  switch (n.kind) {
    case 'group-aggregate':
      return new GroupAggregateOperator({
        aggregates: n.aggregates, clock, miniBatch: n.miniBatch, insertOnly: isInsertOnly(n.input.changelog),
        ...(n.key === undefined ? {} : { key: n.key }), ...(n.groupingSets === undefined ? {} : { groupingSets: n.groupingSets }),
        ...(n.having === undefined ? {} : { having: n.having }), ...(n.stateTtlMs === undefined ? {} : { stateTtlMs: n.stateTtlMs }),
      });
    case 'window-aggregate': {
      const op = new WindowAggregateOperator({ window: n.window, rowtime: n.rowtime, aggregates: n.aggregates, ...(n.key === undefined ? {} : { key: n.key }) });
      return n.proctime === true ? new ProcessingTimeOperator(op) : op;
    }
    case 'rank':
      return new RankOperator({
        order: n.order, rankFunction: n.fn, rankStart: n.rankStart, rankEnd: n.rankEnd, outputRank: n.outputRank, insertOnly: n.insertOnly,
        ...(n.partitionKey === undefined ? {} : { partitionKey: n.partitionKey }),
      });
    case 'deduplicate':
      return new DeduplicateOperator({
        key: n.key, keep: n.keep, order: n.order, outputRank: n.outputRank, clock,
        ...(n.rowtime === undefined ? {} : { rowtime: n.rowtime }), ...(n.stateTtlMs === undefined ? {} : { stateTtlMs: n.stateTtlMs }),
      });
    case 'normalize': return new ChangelogNormalizeOperator(n.key);
    case 'window-tvf': return n.window.kind === 'session'
      ? new SessionWindowTvfOperator(n.window.gap, n.rowtime, n.partitionKey)
      : new WindowTableFunctionOperator(n.window, n.rowtime);
    case 'window-rank':
      return new WindowRankOperator({
        windowing: n.windowing, order: n.order, rankFunction: n.fn, rankStart: n.rankStart, rankEnd: n.rankEnd, outputRank: n.outputRank,
        ...(n.partitionKey === undefined ? {} : { partitionKey: n.partitionKey }),
      });
    case 'window-deduplicate':
      return new WindowDeduplicateOperator({ windowing: n.windowing, keep: n.keep, rowtime: n.rowtime, ...(n.key === undefined ? {} : { key: n.key }) });
    case 'over': {
      const op = new OverAggregateOperator({
        rowtime: n.rowtime, frame: n.frame, aggregates: n.aggregates,
        ...(n.partitionKey === undefined ? {} : { partitionKey: n.partitionKey }), ...(n.tieOrder === undefined ? {} : { tieOrder: n.tieOrder }),
      });
      // A row read at processing time t is processed once the clock passes t (its "watermark" is now − 1).
      return n.proctime === true ? new ProcessingTimeOperator(op, { lagMs: 1 }) : op;
    }
  }
}

function isStateful(n: PhysicalNode): n is Stateful {
  return (KINDS as readonly string[]).includes(n.kind);
}
