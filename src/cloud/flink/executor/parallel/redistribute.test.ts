import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../control-plane/index.js';
import { CheckpointStore } from '../../runtime/index.js';
import { checkpointParallelism, mergedOffsets, redistribute } from './redistribute.js';

const positions = (ps: readonly [number, number][]): unknown => ({ topic: 't', partitions: ps.map(([partition, next]) => ({ partition, next, end: null })) });

test('checkpoints move between parallelisms without losing or duplicating a partition position', () => {
  const dir = mkdtempSync(join(tmpdir(), 'streamform-redistribute-'));
  const db = openDatabase(dir);
  try {
    const store = new CheckpointStore(db);
    store.save({ statement: 'u1', checkpointId: 7, kind: 'checkpoint', sourceOffsets: { scan: positions([[0, 10], [1, 11], [2, 12], [3, 13], [4, 14]]) }, operatorState: { calc: 'x' }, createdAt: 1 });
    assert.equal(checkpointParallelism(store, 'u1'), 1);
    redistribute(db, 'u1', 1);
    assert.deepEqual(store.group('u1').map((c) => [c.statement, c.checkpointId, c.operatorState]), [['u1', 7, { calc: 'x' }]], 'same layout: untouched');

    redistribute(db, 'u1', 2);
    assert.equal(checkpointParallelism(store, 'u1'), 2);
    assert.deepEqual(store.group('u1').map((c) => [c.statement, c.checkpointId, c.kind, c.sourceOffsets]), [
      ['u1#0/2', 8, 'savepoint', { scan: positions([[0, 10], [2, 12], [4, 14]]) }],
      ['u1#1/2', 8, 'savepoint', { scan: positions([[1, 11], [3, 13]]) }],
    ]);
    // The subtasks progress independently.
    store.save({ statement: 'u1#1/2', checkpointId: 9, kind: 'checkpoint', sourceOffsets: { scan: positions([[1, 21], [3, 23]]) }, operatorState: {}, createdAt: 2 });
    redistribute(db, 'u1', 3);
    assert.deepEqual(store.group('u1').map((c) => c.statement), ['u1#0/3', 'u1#1/3', 'u1#2/3']);
    assert.deepEqual(store.group('u1').map((c) => c.sourceOffsets), [
      { scan: positions([[0, 10], [3, 23]]) }, { scan: positions([[1, 21], [4, 14]]) }, { scan: positions([[2, 12]]) },
    ]);
    redistribute(db, 'u1', 1);
    assert.deepEqual(mergedOffsets(store, 'u1'), { scan: positions([[0, 10], [1, 21], [2, 12], [3, 23], [4, 14]]) });
    assert.deepEqual(store.group('u1').map((c) => [c.statement, c.checkpointId]), [['u1', 11]]);
    store.delete('u1');
    assert.deepEqual(store.group('u1'), []);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
