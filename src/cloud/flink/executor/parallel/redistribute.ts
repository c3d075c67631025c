/**
 * Checkpoint layouts across a change of parallelism. A statement at parallelism 1 checkpoints under
 * its uid; at p > 1 each subtask checkpoints its own partitions under `<uid>#<i>/<p>`, in its own
 * transaction together with its sink output (partitions are disjoint, so every subtask's line is
 * exactly-once on its own). Before a job starts at parallelism p, `redistribute` merges the newest
 * line of every key (source positions are unions of disjoint partition sets) and, in one
 * transaction, replaces them by p lines, subtask i getting the partitions q with q % p === i —
 * the same rule TopicSource's assignment reads by. Keyed state (key-grouped-operator.ts) is
 * regrouped: the groups of every line are pooled per node and subtask i gets those it owns at p
 * (keyGroupOwner), with the node's watermark (the lowest over the lines). Other operator state is carried only when the layout does not change: the only
 * other nodes of a parallel job are stateless.
 */
import type Database from 'better-sqlite3';
import { invariant } from '../../../../shared/index.js';
import { CheckpointStore, isKeyGroupedState, keyGroupOwner, parallelismOfKey, subtaskKey } from '../../runtime/index.js';
import type { Checkpoint, KeyGroupedState, NodeSnapshot, PartitionPosition, TopicSourcePosition } from '../../runtime/index.js';

/** The parallelism the statement's checkpoints were written at (1 when it has none). */
export function checkpointParallelism(store: CheckpointStore, uid: string): number {
  return checkpointLayout(store, uid).parallelism;
}

/**
 * What a statement's checkpoints say about how it ran, read once: the parallelism they were
 * written at (1 when none) and whether they hold key-grouped state (undefined when there are none).
 */
export function checkpointLayout(store: CheckpointStore, uid: string): { readonly parallelism: number; readonly keyGrouped: boolean | undefined } {
  const group = store.group(uid);
  if (group.length === 0) return { parallelism: 1, keyGrouped: undefined };
  return { parallelism: Math.max(...group.map((c) => parallelismOfKey(c.statement))), keyGrouped: keyedStates(group).size > 0 };
}

/** The statement's newest positions over all its subtasks: node id → position. */
export function mergedOffsets(store: CheckpointStore, uid: string): { [nodeId: string]: unknown } {
  return merge(store.group(uid));
}

/** Rewrites the statement's checkpoints for `parallelism` subtasks (see the file header). */
export function redistribute(db: Database.Database, uid: string, parallelism: number): void {
  const store = new CheckpointStore(db);
  db.transaction(() => {
    const group = store.group(uid);
    if (group.length === 0) return;
    const want = Array.from({ length: parallelism }, (_, i) => subtaskKey(uid, i, parallelism));
    if (group.length === want.length && group.every((c) => want.includes(c.statement))) return;
    const offsets = merge(group);
    const id = Math.max(...group.map((c) => c.checkpointId)) + 1;
    const createdAt = Math.max(...group.map((c) => c.createdAt));
    const carried = group.length === 1 && parallelism === 1 ? (group[0] as Checkpoint).operatorState : {};
    const keyed = keyedStates(group);
    store.delete(uid);
    want.forEach((key, i) => {
      const sourceOffsets: { [nodeId: string]: unknown } = {};
      for (const [node, pos] of Object.entries(offsets)) sourceOffsets[node] = share(pos, i, parallelism);
      const operatorState: { [nodeId: string]: unknown } = { ...carried };
      for (const [node, { groups, watermark }] of keyed) {
        const mine = groups.filter(([g]) => keyGroupOwner(g, parallelism) === i);
        const state: KeyGroupedState = { keyGroups: 1, groups: mine, ...(watermark === null ? {} : { watermark }) };
        operatorState[node] = { operator: state, timers: [] } satisfies NodeSnapshot;
      }
      store.save({ statement: key, checkpointId: id, kind: 'savepoint', sourceOffsets, operatorState, createdAt });
    });
  }).immediate();
}

/** True when the statement's checkpoints hold key-grouped state (it runs keyed nodes per key group). */
export function hasKeyGroupedState(store: CheckpointStore, uid: string): boolean | undefined {
  return checkpointLayout(store, uid).keyGrouped;
}

/** A node's key-grouped state over all lines: its groups and the lowest watermark (null: none). */
interface Pooled { readonly groups: (readonly [number, NodeSnapshot])[]; watermark: number | null }

/** Key-grouped state of every line, pooled per node (each group is in one line). */
function keyedStates(group: readonly Checkpoint[]): Map<string, Pooled> {
  const out = new Map<string, Pooled>();
  for (const cp of group) {
    for (const [node, st] of Object.entries(cp.operatorState)) {
      const op = (st as Partial<NodeSnapshot> | undefined)?.operator;
      if (!isKeyGroupedState(op)) continue;
      const wm = op.watermark ?? null;
      const pooled = out.get(node);
      if (pooled === undefined) { out.set(node, { groups: [...op.groups], watermark: wm }); continue; }
      for (const [g] of op.groups) invariant(!pooled.groups.some(([x]) => x === g), `key group ${g} of '${node}' is in two checkpoint lines of '${cp.statement}'`);
      pooled.groups.push(...op.groups);
      // The subtasks of a checkpoint saw the same watermark (the exchange combines every sender); the
      // lowest is the safe one should they not: no instance drops a row the others would keep.
      pooled.watermark = pooled.watermark === null || wm === null ? null : Math.min(pooled.watermark, wm);
    }
  }
  return out;
}

function isTopicPosition(p: unknown): p is TopicSourcePosition {
  return typeof p === 'object' && p !== null && Array.isArray((p as { partitions?: unknown }).partitions) && typeof (p as { topic?: unknown }).topic === 'string';
}

function merge(group: readonly Checkpoint[]): { [nodeId: string]: unknown } {
  const out: { [nodeId: string]: unknown } = {};
  for (const cp of group) {
    for (const [node, pos] of Object.entries(cp.sourceOffsets)) {
      const prior = out[node];
      if (prior === undefined || !isTopicPosition(prior) || !isTopicPosition(pos)) { out[node] ??= pos; continue; }
      const byPartition = new Map<number, PartitionPosition>(prior.partitions.map((p) => [p.partition, p]));
      for (const p of pos.partitions) byPartition.set(p.partition, p);
      out[node] = { topic: prior.topic, partitions: [...byPartition.values()].sort((a, b) => a.partition - b.partition) };
    }
  }
  return out;
}

function share(pos: unknown, index: number, parallelism: number): unknown {
  if (!isTopicPosition(pos) || parallelism <= 1) return pos;
  return { topic: pos.topic, partitions: pos.partitions.filter((p) => p.partition % parallelism === index) };
}
