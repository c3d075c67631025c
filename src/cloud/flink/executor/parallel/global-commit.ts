/**
 * The commit of a keyed job's checkpoint (exchange-runner.ts): every subtask's part — its source
 * positions, its key groups' state and its sinks' output since the last checkpoint — in ONE
 * transaction on the cloud database, or none of it. State in one subtask depends on records
 * another read, so a checkpoint is only consistent whole. The lines go under `<uid>#i/p` with the
 * same checkpoint id, as a stateless parallel job's do.
 */
import type Database from 'better-sqlite3';
import type { RecordHeader, RecordToAppend, TopicLogStore } from '../../../kafka/index.js';
import { CheckpointStore, subtaskKey } from '../../runtime/index.js';
import type { SubtaskSnapshot } from './subtask-protocol.js';

/** Commits checkpoint parts (index = subtask) of statement `uid` in one transaction. */
export function commitGlobalCheckpoint(db: Database.Database, topics: TopicLogStore, uid: string, parts: readonly SubtaskSnapshot[], createdAt: number): void {
  const store = new CheckpointStore(db);
  db.transaction(() => {
    parts.forEach((part, i) => {
      for (const o of part.output) topics.append(o.cluster, o.topic, o.records.map(withBuffers));
      store.saveSerialized(
        { statement: subtaskKey(uid, i, parts.length), checkpointId: part.id, kind: part.kind, sourceOffsets: part.sourceOffsets, createdAt },
        buffer(part.state),
      );
    });
  }).immediate();
}

function buffer(u: Uint8Array): Buffer {
  return Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}

/** Bytes that crossed a thread arrive as Uint8Array; the log wants Buffers. */
function withBuffers(r: RecordToAppend): RecordToAppend {
  const headers = r.headers?.map((h): RecordHeader => ({ key: h.key, value: h.value === null ? null : buffer(h.value) }));
  return {
    ...r,
    ...(r.key === undefined || r.key === null ? {} : { key: buffer(r.key) }),
    ...(r.value === undefined || r.value === null ? {} : { value: buffer(r.value) }),
    ...(headers === undefined ? {} : { headers }),
  };
}
