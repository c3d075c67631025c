/**
 * How far a planned job may scale (Autopilot, confluent-flink.md §6): a background DML statement
 * over topic sources runs as up to `max` parallel subtasks, `max` being the smallest partition
 * count over its sources (and at most KEY_GROUPS). Each subtask reads a share of the partitions.
 *
 * - Stateless pipelines (calc / filter / projection / UNNEST / UNION ALL / window TVF) need nothing
 *   more: every subtask is exactly-once on its own partitions.
 * - Keyed operators (GROUP BY with keys, windows with keys, Top-N and deduplication with
 *   PARTITION BY, OVER with PARTITION BY, joins on equality, MATCH_RECOGNIZE with PARTITION BY, the
 *   upsert-source normalizer and the SinkUpsertMaterializer) are run per key group
 *   (key-grouped-operator.ts) and fed through a hash exchange between the subtasks; `keyed` names
 *   them with the key of each input.
 * Everything else runs at parallelism 1 and says why: foreground queries, global aggregates and
 * other keyless state, LIMIT, VALUES and connector sources, a cut-over still switching.
 */
import type { PhysicalNode, PhysicalPlan } from '../../planner/index.js';
import type { TopicLogStore } from '../../../kafka/index.js';
import { KEY_GROUPS } from '../../runtime/index.js';

/** A keyed node of a job: the key of a row on each of its inputs. */
export interface KeyedNode {
  readonly keys: readonly ((row: unknown[]) => unknown)[];
}

/** The parallelism range of a job, and why it cannot exceed 1 when it cannot. */
export interface ParallelismLimit {
  readonly max: number;
  /** Set when `max` is 1 for a reason other than single-partition sources. */
  readonly reason?: string;
  /** Job node id → keys, when the job has keyed nodes that run per key group. */
  readonly keyed?: ReadonlyMap<string, KeyedNode>;
}

/** The scaling range of `plan`, reading partition counts from `topics`. */
export function parallelismLimit(plan: PhysicalPlan, topics: TopicLogStore): ParallelismLimit {
  if (plan.sqlKind === 'SELECT' || plan.sinks.some((s) => s.kind === 'results-sink')) {
    return { max: 1, reason: 'Foreground queries (SELECT) run at parallelism 1.' };
  }
  let max: number = KEY_GROUPS;
  const keyed = new Map<string, KeyedNode>();
  const seen = new Set<string>();
  const stack: PhysicalNode[] = [];
  for (const s of plan.sinks) {
    stack.push(s.input);
    if (s.kind === 'topic-sink' && s.materialize !== undefined) keyed.set(`${s.id}-materializer`, { keys: [s.materialize.sinkKey] });
  }
  while (stack.length > 0) {
    const n = stack.pop() as PhysicalNode;
    if (seen.has(n.id)) continue;
    seen.add(n.id);
    switch (n.kind) {
      case 'scan': {
        const connector = n.table.options['connector'];
        if (n.table.readOnly || connector === 'nexmark' || connector === 'faker' || connector === 'datagen') {
          return { max: 1, reason: `Source table '${n.table.name}' (connector '${String(connector)}') is read by one subtask.` };
        }
        if (n.cutOver !== undefined) return { max: 1, reason: 'A cut-over evolution runs at parallelism 1.' };
        let count: number;
        try {
          count = topics.partitionOffsets(n.table.database.id, n.table.name).length;
        } catch {
          return { max: 1, reason: `Topic '${n.table.name}' is not available.` };
        }
        max = Math.min(max, count);
        continue;
      }
      case 'values': return { max: 1, reason: 'VALUES sources run at parallelism 1.' };
      case 'limit': return { max: 1, reason: 'LIMIT runs at parallelism 1.' };
      case 'union': stack.push(...n.inputs); continue;
      case 'join': stack.push(n.left, n.right); break;
      default: stack.push(n.input);
    }
    const key = keysOf(n);
    if (typeof key === 'string') return { max: 1, reason: key };
    if (key !== undefined) keyed.set(n.id, key);
  }
  return { max: Math.max(1, max), ...(keyed.size === 0 ? {} : { keyed }) };
}

/** The keys of a node: undefined when it keeps no state, a reason when its state has no key. */
function keysOf(n: Exclude<PhysicalNode, { kind: 'scan' | 'values' | 'limit' | 'union' }>): KeyedNode | string | undefined {
  switch (n.kind) {
    case 'calc': case 'unnest': return undefined;
    case 'group-aggregate':
      if (n.groupingSets !== undefined) return 'GROUPING SETS, ROLLUP and CUBE run at parallelism 1.';
      if (n.key === undefined) return 'Global (non-keyed) aggregations run at parallelism 1.';
      return { keys: [n.key] };
    case 'window-aggregate': return n.key === undefined ? 'Window aggregations without GROUP BY keys run at parallelism 1.' : { keys: [n.key] };
    case 'rank': return n.partitionKey === undefined ? 'A Top-N without PARTITION BY runs at parallelism 1.' : { keys: [n.partitionKey] };
    case 'window-rank': return n.partitionKey === undefined ? 'A window Top-N without PARTITION BY runs at parallelism 1.' : { keys: [n.partitionKey] };
    case 'window-deduplicate': return n.key === undefined ? 'A window deduplication without PARTITION BY runs at parallelism 1.' : { keys: [n.key] };
    case 'deduplicate': return { keys: [n.key] };
    case 'normalize': return { keys: [n.key] };
    case 'over': return n.partitionKey === undefined ? 'OVER aggregations without PARTITION BY (and temporal sorts) run at parallelism 1.' : { keys: [n.partitionKey] };
    case 'window-tvf':
      if (n.window.kind !== 'session') return undefined;
      return n.partitionKey === undefined ? 'A SESSION window without PARTITION BY runs at parallelism 1.' : { keys: [n.partitionKey] };
    case 'match-recognize':
      return n.text.some((t) => t === 'partitionBy=[]') ? 'MATCH_RECOGNIZE without PARTITION BY runs at parallelism 1.' : { keys: [n.spec.partition] };
    case 'join':
      if (n.strategy.kind === 'temporal' && n.strategy.proctime === true) return 'Lookup (processing-time temporal) joins run at parallelism 1.';
      if (n.keyColumns === 0) return 'Joins without an equality condition run at parallelism 1.';
      // NOT IN: a NULL on the subquery side removes every row, whatever its key group.
      if (n.nullAware === true) return 'NOT IN with a subquery (a null-aware anti join) runs at parallelism 1.';
      return { keys: [n.leftKey, n.rightKey] };
  }
}
