/**
 * Checkpoints of running statements, in the topic logs' SQLite database so that one transaction
 * commits source offsets, operator state and sink output together. Operator state is a
 * v8-serialized blob (Map, bigint and typed arrays survive); source offsets are JSON, readable by
 * the statements layer for `status.latest_offsets`. Only the newest two checkpoints per statement
 * are kept. A statement running with parallelism p > 1 keeps one checkpoint line per subtask, under
 * `<uid>#<index>/<p>` (subtaskKey); `group` reads them all and `delete` forgets them all.
 */
import { deserialize, serialize } from 'node:v8';
import type Database from 'better-sqlite3';
import type { NodeSnapshot, OperatorNode } from './operator-node.js';
import type { Source } from './source.js';

const DDL = `
CREATE TABLE IF NOT EXISTS flink_checkpoints (
  statement TEXT NOT NULL,
  checkpoint_id INTEGER NOT NULL,
  kind TEXT NOT NULL,               -- 'checkpoint' | 'savepoint' (taken at stop)
  source_offsets TEXT NOT NULL,     -- JSON: source node id -> position
  operator_state BLOB NOT NULL,     -- v8.serialize: node id -> state
  created_at INTEGER NOT NULL,
  PRIMARY KEY (statement, checkpoint_id)
);`;

/** A stored checkpoint. */
export interface Checkpoint {
  readonly statement: string;
  readonly checkpointId: number;
  readonly kind: 'checkpoint' | 'savepoint';
  readonly sourceOffsets: { readonly [nodeId: string]: unknown };
  readonly operatorState: { readonly [nodeId: string]: unknown };
  readonly createdAt: number;
}

interface CheckpointRow {
  statement: string;
  checkpoint_id: number;
  kind: string;
  source_offsets: string;
  operator_state: Buffer;
  created_at: number;
}

/** Reads and writes `flink_checkpoints`. Writes nest inside the caller's transaction. */
export class CheckpointStore {
  readonly #q;

  constructor(db: Database.Database) {
    db.exec(DDL);
    this.#q = {
      insert: db.prepare('INSERT INTO flink_checkpoints (statement, checkpoint_id, kind, source_offsets, operator_state, created_at) VALUES (?, ?, ?, ?, ?, ?)'),
      prune: db.prepare('DELETE FROM flink_checkpoints WHERE statement = ? AND checkpoint_id < ?'),
      latest: db.prepare<[string], CheckpointRow>('SELECT * FROM flink_checkpoints WHERE statement = ? ORDER BY checkpoint_id DESC LIMIT 1'),
      remove: db.prepare('DELETE FROM flink_checkpoints WHERE statement = ? OR (statement > ? AND statement < ?)'),
      keys: db.prepare<[string, string, string], { statement: string }>('SELECT DISTINCT statement FROM flink_checkpoints WHERE statement = ? OR (statement > ? AND statement < ?) ORDER BY statement'),
    };
  }

  /** Stores a checkpoint and drops all but the previous one. */
  save(cp: Checkpoint): void {
    this.#q.insert.run(cp.statement, cp.checkpointId, cp.kind, JSON.stringify(cp.sourceOffsets), serialize(cp.operatorState), cp.createdAt);
    this.#q.prune.run(cp.statement, cp.checkpointId - 1);
  }

  /** Stores a checkpoint whose operator state is already `v8.serialize`d (a parallel subtask's part). */
  saveSerialized(cp: Omit<Checkpoint, 'operatorState'>, operatorState: Buffer): void {
    this.#q.insert.run(cp.statement, cp.checkpointId, cp.kind, JSON.stringify(cp.sourceOffsets), operatorState, cp.createdAt);
    this.#q.prune.run(cp.statement, cp.checkpointId - 1);
  }

  /** The newest checkpoint of a statement, if any. */
  latest(statement: string): Checkpoint | undefined {
    const r = this.#q.latest.get(statement);
    if (r === undefined) return undefined;
    return {
      statement: r.statement,
      checkpointId: r.checkpoint_id,
      kind: r.kind === 'savepoint' ? 'savepoint' : 'checkpoint',
      sourceOffsets: JSON.parse(r.source_offsets) as { [nodeId: string]: unknown },
      operatorState: deserialize(r.operator_state) as { [nodeId: string]: unknown },
      createdAt: r.created_at,
    };
  }

  /** Forgets a statement's checkpoints, its subtasks' included (the statement was deleted). */
  delete(statement: string): void {
    this.#q.remove.run(statement, `${statement}#`, `${statement}$`);
  }

  /** The newest checkpoint of the statement and of each of its subtasks, by key. */
  group(statement: string): Checkpoint[] {
    const out: Checkpoint[] = [];
    for (const r of this.#q.keys.all(statement, `${statement}#`, `${statement}$`)) {
      const cp = this.latest(r.statement);
      if (cp !== undefined) out.push(cp);
    }
    return out;
  }
}

/** The checkpoint key of subtask `index` of a statement running with `parallelism` (> 1). */
export function subtaskKey(statement: string, index: number, parallelism: number): string {
  return parallelism <= 1 ? statement : `${statement}#${index}/${parallelism}`;
}

/** The parallelism a checkpoint key belongs to (1 for the statement's own key). */
export function parallelismOfKey(key: string): number {
  const m = /#\d+\/(\d+)$/.exec(key);
  return m === null ? 1 : Number(m[1]);
}

/** Seeks a job's sources and reinstates its operator nodes' state from a checkpoint (both runners). */
export function restoreJob(cp: Checkpoint, sources: readonly { readonly node: { readonly id: string; readonly source: Source } }[], ops: ReadonlyMap<string, OperatorNode>): void {
  for (const s of sources) {
    const pos = cp.sourceOffsets[s.node.id];
    if (pos !== undefined) s.node.source.restore(pos);
  }
  for (const [id, node] of ops) {
    const st = cp.operatorState[id];
    if (st !== undefined) node.restore(st as NodeSnapshot);
  }
}

/** Releases a job's sources, operators and sinks (both runners, when the job ends). */
export function closeJob(sources: readonly { readonly node: { readonly source: Source } }[], ops: Iterable<OperatorNode>, sinks: Iterable<{ readonly sink: { close(): void } }>): void {
  for (const s of sources) s.node.source.close();
  for (const n of ops) n.operator.close();
  for (const s of sinks) s.sink.close();
}
