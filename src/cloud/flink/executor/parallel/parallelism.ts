/**
 * How far a planned job may scale (Autopilot, confluent-flink.md §6): a background DML statement
 * whose pipeline is stateless (topic sources → calc / filter / projection / UNNEST / UNION ALL →
 * topic or blackhole sinks, statement sets included) runs as up to `max` parallel subtasks, each
 * reading a share of the source partitions; `max` is the smallest partition count over its
 * sources. Everything else runs at parallelism 1 and says why: foreground queries, global
 * aggregates, keyed state (no hash exchange between subtasks yet), connector sources.
 */
import type { PhysicalNode, PhysicalPlan } from '../../planner/index.js';
import type { TopicLogStore } from '../../../kafka/index.js';

/** The parallelism range of a job, and why it cannot exceed 1 when it cannot. */
export interface ParallelismLimit {
  readonly max: number;
  /** Set when `max` is 1 for a reason other than single-partition sources. */
  readonly reason?: string;
}

/** The scaling range of `plan`, reading partition counts from `topics`. */
export function parallelismLimit(plan: PhysicalPlan, topics: TopicLogStore): ParallelismLimit {
  if (plan.sqlKind === 'SELECT' || plan.sinks.some((s) => s.kind === 'results-sink')) {
    return { max: 1, reason: 'Foreground queries (SELECT) run at parallelism 1.' };
  }
  let max = Number.POSITIVE_INFINITY;
  const seen = new Set<string>();
  const stack: PhysicalNode[] = plan.sinks.map((s) => s.input);
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
        let count: number;
        try {
          count = topics.partitionOffsets(n.table.database.id, n.table.name).length;
        } catch {
          return { max: 1, reason: `Topic '${n.table.name}' is not available.` };
        }
        max = Math.min(max, count);
        break;
      }
      case 'calc': case 'unnest': stack.push(n.input); break;
      case 'union': stack.push(...n.inputs); break;
      case 'values': return { max: 1, reason: 'VALUES sources run at parallelism 1.' };
      case 'limit': return { max: 1, reason: 'LIMIT runs at parallelism 1.' };
      case 'group-aggregate':
        return n.key === undefined
          ? { max: 1, reason: 'Global (non-keyed) aggregations run at parallelism 1.' }
          : { max: 1, reason: 'Keyed operators (GROUP BY) run at parallelism 1: a hash exchange between subtasks is not supported yet.' };
      default:
        return { max: 1, reason: `Stateful operator '${n.kind}' runs at parallelism 1: a hash exchange between subtasks is not supported yet.` };
    }
  }
  return { max: Number.isFinite(max) ? Math.max(1, max) : 1 };
}
