import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixedClock } from '../../shared/index.js';
import { ConsumerOffsets, TopicLogStore, TopicLogError } from './index.js';

const C = 'lkc-abc12';
const T0 = 1_700_000_000_000;

function withGroups(fn: (store: TopicLogStore, groups: ConsumerOffsets) => void): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streamform-groups-'));
  const clock = fixedClock(T0);
  const store = TopicLogStore.open(path.join(dir, 'cloud.db'), { clock });
  try {
    fn(store, new ConsumerOffsets(store, { clock }));
  } finally {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('committed offsets are fetched back sorted, and a re-commit overwrites', () => {
  withGroups((store, groups) => {
    store.createTopic(C, 'b', { partitionsCount: 2 });
    store.createTopic(C, 'a', { partitionsCount: 1 });
    groups.commitOffsets(C, 'g1', [{ topic: 'b', partition: 1, offset: 3 }, { topic: 'a', partition: 0, offset: 1, metadata: 'm' }]);
    groups.commitOffsets(C, 'g1', [{ topic: 'b', partition: 1, offset: 4 }]);
    assert.deepEqual(groups.fetchOffsets(C, 'g1'), [
      { topic: 'a', partition: 0, offset: 1, metadata: 'm', committedAt: T0 },
      { topic: 'b', partition: 1, offset: 4, metadata: '', committedAt: T0 },
    ]);
    assert.deepEqual(groups.fetchOffsets(C, 'nobody'), []);
  });
});

test('committing to an unknown topic or partition is an error', () => {
  withGroups((store, groups) => {
    store.createTopic(C, 'a', { partitionsCount: 1 });
    assert.throws(() => groups.commitOffsets(C, 'g', [{ topic: 'zz', partition: 0, offset: 0 }]), (e: unknown) => e instanceof TopicLogError && e.code === 'unknown-topic');
    assert.throws(() => groups.commitOffsets(C, 'g', [{ topic: 'a', partition: 5, offset: 0 }]), (e: unknown) => e instanceof TopicLogError && e.code === 'unknown-partition');
    assert.deepEqual(groups.listGroups(C), []);
  });
});

test('listGroups is per cluster and sorted', () => {
  withGroups((store, groups) => {
    store.createTopic(C, 'a', { partitionsCount: 1 });
    store.createTopic('lkc-other', 'a', { partitionsCount: 1 });
    groups.commitOffsets(C, 'zeta', [{ topic: 'a', partition: 0, offset: 0 }]);
    groups.commitOffsets(C, 'alpha', [{ topic: 'a', partition: 0, offset: 0 }]);
    groups.commitOffsets('lkc-other', 'other', [{ topic: 'a', partition: 0, offset: 0 }]);
    assert.deepEqual(groups.listGroups(C).map((g) => [g.groupId, g.state]), [['alpha', 'EMPTY'], ['zeta', 'EMPTY']]);
  });
});

test('group lag is log end minus committed per partition, summed, with the max', () => {
  withGroups((store, groups) => {
    store.createTopic(C, 't', { partitionsCount: 2 });
    store.append(C, 't', Array.from({ length: 5 }, () => ({ partition: 0, value: null })));
    store.append(C, 't', Array.from({ length: 9 }, () => ({ partition: 1, value: null })));
    groups.commitOffsets(C, 'g', [{ topic: 't', partition: 0, offset: 4 }, { topic: 't', partition: 1, offset: 2 }]);
    const lag = groups.groupLag(C, 'g');
    assert.deepEqual(lag.partitions.map((p) => [p.partition, p.currentOffset, p.logEndOffset, p.lag]), [[0, 4, 5, 1], [1, 2, 9, 7]]);
    assert.equal(lag.totalLag, 8);
    assert.equal(lag.maxLag?.partition, 1);
  });
});

test('offsets commit inside a caller transaction together with appends', () => {
  withGroups((store, groups) => {
    store.createTopic(C, 'in', { partitionsCount: 1 });
    store.createTopic(C, 'out', { partitionsCount: 1 });
    assert.throws(() => store.database.transaction(() => {
      store.append(C, 'out', [{ value: Buffer.from('x') }]);
      groups.commitOffsets(C, 'job', [{ topic: 'in', partition: 0, offset: 0 }]);
      throw new Error('crash before commit');
    })());
    assert.deepEqual(groups.listGroups(C), []);
    assert.equal(store.partitionOffset(C, 'out', 0).highWatermark, 0);
  });
});
