/**
 * Planned join nodes → the runtime's join operators (runtime/join): regular, interval,
 * event-time temporal, processing-time temporal (lookup) and window joins; UNNEST; MATCH_RECOGNIZE. The plan already holds the compiled key extractors, residual
 * condition and time readers; this only maps them onto each operator's spec (state TTL with the
 * injected clock). Input 0 is the left / probe side, input 1 the right / versioned side.
 */
import type { Clock } from '../../../shared/index.js';
import type { PhysicalNode } from '../planner/index.js';
import type { Operator } from '../runtime/index.js';
import type { OuterJoinKind } from '../runtime/join/index.js';
import { ProcessingTimeOperator } from '../runtime/index.js';
import { IntervalJoinOperator, LookupJoinOperator, MatchRecognizeOperator, RegularJoinOperator, TemporalJoinOperator, UnnestOperator, WindowJoinOperator } from '../runtime/join/index.js';

type JoinNode = Extract<PhysicalNode, { kind: 'join' }>;

/** The runtime operator of a join plan node. */
export function joinOperator(n: JoinNode, clock: Clock): Operator {
  const leftArity = n.left.fields.length;
  const rightArity = n.right.fields.length;
  const residual = n.residual === undefined ? {} : { residual: n.residual };
  const s = n.strategy;
  switch (s.kind) {
    case 'regular': {
      return new RegularJoinOperator({
        kind: n.joinType, clock, ...residual, ...(n.nullAware === true ? { nullAware: true } : {}),
        left: { key: n.leftKey, arity: leftArity, ...(s.leftUnique === undefined ? {} : { uniqueKey: s.leftUnique }), ...(s.leftTtlMs === undefined ? {} : { ttlMs: s.leftTtlMs }) },
        right: { key: n.rightKey, arity: rightArity, ...(s.rightUnique === undefined ? {} : { uniqueKey: s.rightUnique }), ...(s.rightTtlMs === undefined ? {} : { ttlMs: s.rightTtlMs }) },
      });
    }
    case 'interval': {
      const op = new IntervalJoinOperator({
        kind: outerKind(n), lower: s.lower, upper: s.upper, ...residual,
        left: { key: n.leftKey, arity: leftArity, time: s.leftTime },
        right: { key: n.rightKey, arity: rightArity, time: s.rightTime },
      });
      // Processing time: rows expire as the clock passes; a row read at t arrives above the "watermark" (now − 1).
      return s.proctime === true ? new ProcessingTimeOperator(op, { lagMs: 1 }) : op;
    }
    case 'temporal':
      if (s.proctime === true) { // processing time: each probe sees the table's current row of its key
        return new LookupJoinOperator({
          kind: n.joinType === 'LEFT' ? 'LEFT' : 'INNER', ...residual,
          left: { key: n.leftKey, arity: leftArity }, right: { key: n.rightKey, arity: rightArity },
        });
      }
      return new TemporalJoinOperator({
        kind: n.joinType === 'LEFT' ? 'LEFT' : 'INNER', ...residual,
        left: { key: n.leftKey, arity: leftArity, time: s.leftTime },
        right: { key: n.rightKey, arity: rightArity, time: s.rightTime },
      });
    case 'window':
      return new WindowJoinOperator({
        kind: outerKind(n), ...residual,
        left: { key: n.leftKey, arity: leftArity, windowStart: s.leftStart, windowEnd: s.leftEnd },
        right: { key: n.rightKey, arity: rightArity, windowStart: s.rightStart, windowEnd: s.rightEnd },
      });
  }
}

/** Interval and window joins are never SEMI / ANTI (subqueries plan regular joins). */
function outerKind(n: JoinNode): OuterJoinKind {
  if (n.joinType === 'SEMI' || n.joinType === 'ANTI') throw new Error(`${n.joinType} join planned as a ${n.strategy.kind} join`);
  return n.joinType;
}

/** The runtime operator of an UNNEST plan node. */
export function unnestOperator(n: Extract<PhysicalNode, { kind: 'unnest' }>): Operator {
  return new UnnestOperator({
    collection: n.collection, type: n.collectionType, withOrdinality: n.withOrdinality, outer: n.outer,
    ...(n.rowFields === undefined ? {} : { rowFields: n.rowFields }),
  });
}

/** The runtime operator of a MATCH_RECOGNIZE plan node (the planned spec is the runtime's shape). */
export function matchRecognizeOperator(n: Extract<PhysicalNode, { kind: 'match-recognize' }>): Operator {
  return new MatchRecognizeOperator(n.spec);
}
