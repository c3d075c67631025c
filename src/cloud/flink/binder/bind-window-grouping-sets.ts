/**
 * GROUPING SETS / ROLLUP / CUBE in a window TVF aggregation (`GROUP BY window_start, window_end,
 * GROUPING SETS ((a), ())`): one window aggregate per grouping set over the same windowed input,
 * each projected to the common row `[...keys (NULL where the set lacks them), ...aggregates,
 * window_start, window_end, window_time, $e]` and unioned. `$e` is the grouping-set id the grouping
 * functions read (bind-grouping-functions.ts): bit i set when key i is absent, plus 2^keys per
 * earlier copy of the same set. Every set must contain window_start and window_end. Append-only,
 * like any window aggregate: each set's rows are final when the watermark passes the window end.
 */
import { bigintType, withNullable } from '../types/index.js';
import type { BoundExpr, BoundField, LogicalRel } from './types.js';

type WindowAggregate = Extract<LogicalRel, { kind: 'window-aggregate' }>;

/**
 * `full` aggregates by all keys; `sets` lists, per grouping set, the key positions (into
 * `full.keys`) it groups by. Returns the union with `$e` as its last (hidden) column.
 */
export function windowGroupingSets(full: WindowAggregate, sets: readonly (readonly number[])[]): LogicalRel {
  const n = full.keys.length;
  const tail = full.fields.slice(n);
  const keyFields: BoundField[] = full.fields.slice(0, n).map((f) => ({ ...f, type: withNullable(f.type, true) }));
  const fields: BoundField[] = [...keyFields, ...tail, { name: '$e', type: bigintType({ nullable: false }), hidden: true }];
  const seen = new Map<number, number>();
  const inputs = sets.map((set): LogicalRel => {
    const present = full.keys.map((_, i) => set.includes(i));
    let bits = 0;
    present.forEach((p, i) => { if (!p) bits += 2 ** i; });
    const dup = seen.get(bits) ?? 0;
    seen.set(bits, dup + 1);
    const kept = full.keys.map((_, i) => i).filter((i) => present[i] === true);
    const agg: WindowAggregate = { ...full, keys: kept.map((i) => full.keys[i] as BoundExpr), fields: [...kept.map((i) => full.fields[i] as BoundField), ...tail] };
    const project: BoundExpr[] = [
      ...keyFields.map((f, i): BoundExpr => (present[i] === true ? { kind: 'input', index: kept.indexOf(i), type: f.type } : { kind: 'literal', value: null, type: f.type })),
      ...tail.map((f, j): BoundExpr => ({ kind: 'input', index: kept.length + j, type: f.type })),
      { kind: 'literal', value: BigInt(bits + dup * 2 ** n), type: bigintType({ nullable: false }) },
    ];
    return { kind: 'calc', input: agg, project, fields };
  });
  return { kind: 'union', inputs, fields };
}
