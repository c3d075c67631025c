import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixedClock } from '../../shared/index.js';
import { TopicLogStore, TopicLogError, openTopicLogDatabase, partitionForKey, type LogRecord } from './index.js';

const C = 'lkc-abc12';
const T0 = 1_700_000_000_000;

function withStore(fn: (store: TopicLogStore, clock: ReturnType<typeof fixedClock>, file: string) => void): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streamform-kafka-'));
  const clock = fixedClock(T0);
  const file = path.join(dir, 'cloud.db');
  const store = TopicLogStore.open(file, { clock });
  try {
    fn(store, clock, file);
  } finally {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function errorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof TopicLogError) return err.code;
    throw err;
  }
  return 'no error';
}

function values(records: readonly LogRecord[]): string[] {
  return records.map((r) => r.value?.toString() ?? 'null');
}

test('createTopic stores partitions and dynamic configs only; listTopics sorts by name', () => {
  withStore((store) => {
    store.createTopic(C, 'orders', { partitionsCount: 3, configs: { 'retention.ms': '1000', 'cleanup.policy': 'delete' } });
    store.createTopic(C, 'customers', { partitionsCount: 1 });
    store.createTopic('lkc-other', 'zzz', { partitionsCount: 1 });
    const t = store.describeTopic(C, 'orders');
    assert.equal(t.partitionsCount, 3);
    assert.deepEqual(t.configs, { 'cleanup.policy': 'delete', 'retention.ms': '1000' });
    assert.equal(t.createdAt, T0);
    assert.deepEqual(store.listTopics(C).map((x) => x.name), ['customers', 'orders']);
    assert.deepEqual(store.partitionOffsets(C, 'orders').map((p) => [p.partition, p.logStartOffset, p.highWatermark]), [[0, 0, 0], [1, 0, 0], [2, 0, 0]]);
  });
});

test('createTopic rejects bad names, duplicates, zero partitions and bad configs', () => {
  withStore((store) => {
    store.createTopic(C, 'orders', { partitionsCount: 1 });
    assert.equal(errorCode(() => store.createTopic(C, 'orders', { partitionsCount: 1 })), 'topic-already-exists');
    assert.equal(errorCode(() => store.createTopic(C, 'bad name', { partitionsCount: 1 })), 'invalid-topic-name');
    assert.equal(errorCode(() => store.createTopic(C, 'x'.repeat(250), { partitionsCount: 1 })), 'invalid-topic-name');
    assert.equal(errorCode(() => store.createTopic(C, '..', { partitionsCount: 1 })), 'invalid-topic-name');
    assert.equal(errorCode(() => store.createTopic(C, 'p0', { partitionsCount: 0 })), 'invalid-partitions');
    assert.equal(errorCode(() => store.createTopic(C, 'c1', { partitionsCount: 1, configs: { 'retention.msx': '1' } })), 'unknown-config');
    assert.equal(errorCode(() => store.createTopic(C, 'c2', { partitionsCount: 1, configs: { 'retention.ms': 'soon' } })), 'invalid-config');
    store.createTopic(C, 'x'.repeat(249), { partitionsCount: 1 });
    assert.equal(store.hasTopic(C, 'c1'), false);
  });
});

test('validateOnly creates nothing', () => {
  withStore((store) => {
    const d = store.createTopic(C, 'orders', { partitionsCount: 2, validateOnly: true });
    assert.equal(d.partitionsCount, 2);
    assert.equal(store.hasTopic(C, 'orders'), false);
  });
});

test('append assigns consecutive offsets per partition and read returns the records with headers', () => {
  withStore((store) => {
    store.createTopic(C, 'orders', { partitionsCount: 2 });
    const placed = store.append(C, 'orders', [
      { partition: 1, key: Buffer.from('k1'), value: Buffer.from('a'), timestamp: T0 - 5, headers: [{ key: 'op', value: Buffer.from([1]) }, { key: 'n', value: null }] },
      { partition: 1, key: null, value: null },
      { partition: 0, value: Buffer.from('c') },
    ]);
    assert.deepEqual(placed, [{ partition: 1, offset: 0, timestamp: T0 - 5 }, { partition: 1, offset: 1, timestamp: T0 }, { partition: 0, offset: 0, timestamp: T0 }]);
    store.append(C, 'orders', [{ partition: 1, value: Buffer.from('d') }]);
    const r = store.read(C, 'orders', 1, 0, 100);
    assert.deepEqual(r.records.map((x) => x.offset), [0, 1, 2]);
    assert.deepEqual(values(r.records), ['a', 'null', 'd']);
    const first = r.records[0];
    assert.equal(first?.key?.toString(), 'k1');
    assert.equal(first?.timestampType, 'CreateTime');
    assert.deepEqual(first?.headers.map((h) => [h.key, h.value === null ? null : [...h.value]]), [['op', [1]], ['n', null]]);
    assert.equal(r.records[1]?.key, null);
    assert.equal(r.nextOffset, 3);
    assert.equal(r.highWatermark, 3);
  });
});

test('read pages across batches with maxRecords and nextOffset', () => {
  withStore((store) => {
    store.createTopic(C, 't', { partitionsCount: 1 });
    for (let b = 0; b < 5; b++) store.append(C, 't', Array.from({ length: 4 }, (_, i) => ({ partition: 0, value: Buffer.from(String(b * 4 + i)) })));
    const seen: string[] = [];
    let offset = 0;
    for (;;) {
      const r = store.read(C, 't', 0, offset, 3);
      if (r.records.length === 0) break;
      seen.push(...values(r.records));
      offset = r.nextOffset;
    }
    assert.deepEqual(seen, Array.from({ length: 20 }, (_, i) => String(i)));
    assert.deepEqual(values(store.read(C, 't', 0, 6, 2).records), ['6', '7']);
    assert.equal(errorCode(() => store.read(C, 't', 0, 21, 1)), 'offset-out-of-range');
    assert.equal(errorCode(() => store.read(C, 't', 1, 0, 1)), 'unknown-partition');
    assert.equal(errorCode(() => store.read(C, 'nope', 0, 0, 1)), 'unknown-topic');
  });
});

test('a large append is stored in batches of at most 128 KiB, read back whole and in order across them', () => {
  withStore((store) => {
    store.createTopic(C, 'big', { partitionsCount: 1 });
    const n = 5000;
    const payload = 'x'.repeat(90);
    const appended = store.append(C, 'big', Array.from({ length: n }, (_, i) => ({ partition: 0, value: Buffer.from(`${i}:${payload}`) })));
    assert.deepEqual(appended.map((a) => a.offset), Array.from({ length: n }, (_, i) => i));
    const rows = store.database.prepare('SELECT base_offset, last_offset, record_count, size_bytes FROM kafka_batches ORDER BY base_offset').all() as { base_offset: number; last_offset: number; record_count: number; size_bytes: number }[];
    assert.ok(rows.length > 1, `expected several batches, got ${rows.length}`);
    let next = 0;
    for (const r of rows) {
      assert.ok(r.size_bytes <= 128 * 1024, `batch of ${r.size_bytes} bytes`);
      assert.equal(r.base_offset, next);
      assert.equal(r.last_offset - r.base_offset + 1, r.record_count);
      next = r.last_offset + 1;
    }
    assert.equal(next, n);
    const seen: string[] = [];
    for (let offset = 0; offset < n;) {
      const r = store.read(C, 'big', 0, offset, 333);
      seen.push(...values(r.records).map((v) => v.slice(0, v.indexOf(':'))));
      offset = r.nextOffset;
    }
    assert.deepEqual(seen, Array.from({ length: n }, (_, i) => String(i)));
    assert.equal(store.partitionOffset(C, 'big', 0).highWatermark, n);
  });
});

test('keyed records go to toPositive(murmur2(key)) % partitions, the same partition every time', () => {
  withStore((store) => {
    store.createTopic(C, 'keyed', { partitionsCount: 6 });
    const keys = ['21', 'foobar', 'customer-1', 'customer-2', 'a-little-bit-long-string'];
    const placed = store.append(C, 'keyed', keys.map((k) => ({ key: Buffer.from(k), value: Buffer.from('v') })));
    assert.deepEqual(placed.map((p) => p.partition), keys.map((k) => partitionForKey(Buffer.from(k), 6)));
    // murmur2("21") = -973932308 → toPositive = 1173551340 → % 6 = 0
    assert.equal(placed[0]?.partition, 1173551340 % 6);
    const again = store.append(C, 'keyed', [{ key: Buffer.from('customer-2'), value: null }]);
    assert.equal(again[0]?.partition, placed[3]?.partition);
  });
});

test('null-key records of one append share a partition; the next append moves on', () => {
  withStore((store) => {
    store.createTopic(C, 'sticky', { partitionsCount: 3 });
    const a = store.append(C, 'sticky', [{ value: Buffer.from('1') }, { value: Buffer.from('2') }]);
    const b = store.append(C, 'sticky', [{ value: Buffer.from('3') }]);
    const c = store.append(C, 'sticky', [{ value: Buffer.from('4') }]);
    assert.equal(a[0]?.partition, a[1]?.partition);
    assert.deepEqual([a[0]?.partition, b[0]?.partition, c[0]?.partition], [0, 1, 2]);
  });
});

test('a large keyless append moves to the next partition after each 16 KiB, as a producer fills batches', () => {
  withStore((store) => {
    store.createTopic(C, 'spread', { partitionsCount: 3 });
    // 100 records of about 1 KiB: a new partition after every 16 KiB or so, round-robin.
    const placed = store.append(C, 'spread', Array.from({ length: 100 }, () => ({ value: Buffer.alloc(1000, 1) })));
    const runs: number[] = [];
    for (const r of placed) if (runs[runs.length - 1] !== r.partition) runs.push(r.partition);
    assert.ok(runs.length >= 6, `the append spread over runs of partitions: ${runs.join(',')}`);
    runs.forEach((p, i) => assert.equal(p, i % 3, 'round-robin'));
    const sizes = [0, 1, 2].map((p) => placed.filter((r) => r.partition === p).length);
    assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 17, `even spread: ${sizes.join('/')}`);
  });
});

test('increasePartitions grows; shrinking or same count is an error naming both counts', () => {
  withStore((store) => {
    store.createTopic(C, 't', { partitionsCount: 2 });
    store.append(C, 't', [{ partition: 1, value: Buffer.from('x') }]);
    assert.equal(store.increasePartitions(C, 't', 4).partitionsCount, 4);
    assert.equal(store.describeTopic(C, 't').partitionsCount, 4);
    store.append(C, 't', [{ partition: 3, value: Buffer.from('y') }]);
    assert.equal(store.partitionOffset(C, 't', 3).highWatermark, 1);
    assert.equal(store.partitionOffset(C, 't', 1).highWatermark, 1);
    assert.throws(() => store.increasePartitions(C, 't', 2), (e: unknown) => e instanceof TopicLogError && e.code === 'invalid-partitions' && /has 4 partitions.*requested 2/.test(e.message));
    assert.equal(errorCode(() => store.increasePartitions(C, 't', 4)), 'invalid-partitions');
  });
});

test('alterConfigs sets and deletes dynamic configs, all or nothing', () => {
  withStore((store) => {
    store.createTopic(C, 't', { partitionsCount: 1, configs: { 'retention.ms': '1000' } });
    store.alterConfigs(C, 't', [{ kind: 'set', name: 'cleanup.policy', value: 'compact' }, { kind: 'delete', name: 'retention.ms' }]);
    assert.deepEqual(store.describeTopic(C, 't').configs, { 'cleanup.policy': 'compact' });
    assert.equal(errorCode(() => store.alterConfigs(C, 't', [{ kind: 'set', name: 'retention.ms', value: '5' }, { kind: 'set', name: 'max.message.bytes', value: 'big' }])), 'invalid-config');
    assert.deepEqual(store.describeTopic(C, 't').configs, { 'cleanup.policy': 'compact' });
    assert.equal(errorCode(() => store.alterConfigs(C, 't', [{ kind: 'set', name: 'preallocate', value: 'true' }])), 'read-only-config');
  });
});

test('LogAppendTime stamps records with the append time, ignoring the producer timestamp', () => {
  withStore((store, clock) => {
    store.createTopic(C, 't', { partitionsCount: 1, configs: { 'message.timestamp.type': 'LogAppendTime' } });
    clock.advance(42);
    const placed = store.append(C, 't', [{ value: Buffer.from('x'), timestamp: 5 }]);
    assert.equal(placed[0]?.timestamp, T0 + 42);
    const rec = store.read(C, 't', 0, 0, 1).records[0];
    assert.equal(rec?.timestamp, T0 + 42);
    assert.equal(rec?.timestampType, 'LogAppendTime');
  });
});

test('message.timestamp.before.max.ms rejects records that are too old', () => {
  withStore((store) => {
    store.createTopic(C, 't', { partitionsCount: 1, configs: { 'message.timestamp.before.max.ms': '1000' } });
    assert.equal(errorCode(() => store.append(C, 't', [{ value: null, timestamp: T0 - 5000 }])), 'invalid-timestamp');
    store.append(C, 't', [{ value: null, timestamp: T0 - 500 }]);
  });
});

test('max.message.bytes is enforced with the size and the limit in the message', () => {
  withStore((store) => {
    store.createTopic(C, 't', { partitionsCount: 1, configs: { 'max.message.bytes': '100' } });
    store.append(C, 't', [{ value: Buffer.alloc(50) }]);
    assert.throws(() => store.append(C, 't', [{ value: Buffer.alloc(50) }, { value: Buffer.alloc(200) }]),
      (e: unknown) => e instanceof TopicLogError && e.code === 'record-too-large' && /222 bytes.*max\.message\.bytes of 100/.test(e.message));
    assert.equal(store.partitionOffset(C, 't', 0).highWatermark, 1);
  });
});

test('compacted topics refuse records without a key', () => {
  withStore((store) => {
    store.createTopic(C, 't', { partitionsCount: 1, configs: { 'cleanup.policy': 'compact' } });
    assert.equal(errorCode(() => store.append(C, 't', [{ value: Buffer.from('x') }])), 'invalid-record');
  });
});

test('offsetForTimestamp finds the first offset with timestamp ≥ ts', () => {
  withStore((store) => {
    store.createTopic(C, 't', { partitionsCount: 1 });
    store.append(C, 't', [10, 20, 30].map((d) => ({ value: null, timestamp: T0 - 100 + d })));
    store.append(C, 't', [40, 50].map((d) => ({ value: null, timestamp: T0 - 100 + d })));
    assert.equal(store.offsetForTimestamp(C, 't', 0, T0 - 100), 0);
    assert.equal(store.offsetForTimestamp(C, 't', 0, T0 - 75), 2);
    assert.equal(store.offsetForTimestamp(C, 't', 0, T0 - 65), 3);
    assert.equal(store.offsetForTimestamp(C, 't', 0, T0 - 50), 4);
    assert.equal(store.offsetForTimestamp(C, 't', 0, T0), null);
  });
});

test('appends join a caller transaction: rolled back with it, committed with it', () => {
  withStore((store) => {
    store.createTopic(C, 't', { partitionsCount: 1 });
    const db = store.database;
    db.exec('CREATE TABLE flink_state (k TEXT PRIMARY KEY, v TEXT)');
    assert.throws(() => db.transaction(() => {
      store.append(C, 't', [{ value: Buffer.from('lost') }]);
      db.prepare('INSERT INTO flink_state VALUES (?, ?)').run('offset', '1');
      throw new Error('checkpoint failed');
    })(), /checkpoint failed/);
    assert.equal(store.partitionOffset(C, 't', 0).highWatermark, 0);
    db.transaction(() => {
      store.append(C, 't', [{ value: Buffer.from('kept') }]);
      db.prepare('INSERT INTO flink_state VALUES (?, ?)').run('offset', '1');
    })();
    assert.deepEqual(values(store.read(C, 't', 0, 0, 10).records), ['kept']);
  });
});

test('deleteTopic removes records; a new topic of the same name starts at offset 0', () => {
  withStore((store) => {
    store.createTopic(C, 't', { partitionsCount: 1 });
    store.append(C, 't', [{ value: Buffer.from('x') }]);
    store.deleteTopic(C, 't');
    assert.equal(errorCode(() => store.describeTopic(C, 't')), 'unknown-topic');
    store.createTopic(C, 't', { partitionsCount: 1 });
    assert.equal(store.append(C, 't', [{ value: null }])[0]?.offset, 0);
    assert.equal(store.read(C, 't', 0, 0, 10).records.length, 1);
  });
});

test('everything committed is there after closing and reopening the file', () => {
  withStore((store, clock, file) => {
    store.createTopic(C, 't', { partitionsCount: 2, configs: { 'retention.ms': '-1' } });
    store.append(C, 't', [{ partition: 1, value: Buffer.from('x') }]);
    const reopened = TopicLogStore.open(file, { clock });
    try {
      assert.deepEqual(reopened.describeTopic(C, 't').configs, { 'retention.ms': '-1' });
      assert.deepEqual(values(reopened.read(C, 't', 1, 0, 10).records), ['x']);
    } finally {
      reopened.close();
    }
  });
});

test('a store on a caller-owned Database leaves closing to the caller', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streamform-kafka-owned-'));
  try {
    const db = openTopicLogDatabase(path.join(dir, 'cloud.db'));
    const store = new TopicLogStore(db, { clock: fixedClock(T0) });
    store.createTopic(C, 't', { partitionsCount: 1 });
    store.close();
    assert.equal(db.open, true);
    assert.equal(new TopicLogStore(db).describeTopic(C, 't').partitionsCount, 1);
    db.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
