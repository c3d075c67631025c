import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixedClock } from '../../shared/index.js';
import { TopicLogStore, type LogRecord } from './index.js';

const C = 'lkc-abc12';
const T0 = 1_700_000_000_000;

function withStore(fn: (store: TopicLogStore) => void): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streamform-cleaner-'));
  const store = TopicLogStore.open(path.join(dir, 'cloud.db'), { clock: fixedClock(T0) });
  try {
    fn(store);
  } finally {
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function all(store: TopicLogStore, topic: string): LogRecord[] {
  const start = store.partitionOffset(C, topic, 0).logStartOffset;
  return [...store.read(C, topic, 0, start, 1_000_000).records];
}

function kv(records: readonly LogRecord[]): string[] {
  return records.map((r) => `${r.offset}:${r.key?.toString() ?? '-'}=${r.value?.toString() ?? 'null'}`);
}

test('retention.ms deletes the oldest records, moves the log start offset and never reuses offsets', () => {
  withStore((store) => {
    store.createTopic(C, 't', { partitionsCount: 1, configs: { 'retention.ms': '1000' } });
    store.append(C, 't', [0, 100, 200].map((d) => ({ value: Buffer.from(String(d)), timestamp: T0 + d })));
    store.append(C, 't', [300, 1500].map((d) => ({ value: Buffer.from(String(d)), timestamp: T0 + d })));
    const report = store.enforceRetention(T0 + 1250);
    assert.equal(report.recordsDeleted, 3);
    assert.deepEqual(store.partitionOffset(C, 't', 0), { partition: 0, logStartOffset: 3, highWatermark: 5 });
    assert.deepEqual(kv(all(store, 't')), ['3:-=300', '4:-=1500']);
    assert.throws(() => store.read(C, 't', 0, 0, 10), /out of range/);
    assert.equal(store.append(C, 't', [{ value: null }])[0]?.offset, 5);
  });
});

test('retention.ms = -1 keeps everything', () => {
  withStore((store) => {
    store.createTopic(C, 't', { partitionsCount: 1, configs: { 'retention.ms': '-1' } });
    store.append(C, 't', [{ value: null, timestamp: 0 }]);
    assert.equal(store.enforceRetention(T0 * 2).recordsDeleted, 0);
    assert.equal(all(store, 't').length, 1);
  });
});

test('retention.bytes deletes the oldest records until the partition fits', () => {
  withStore((store) => {
    // Each record with a 78-byte value takes 100 bytes packed.
    store.createTopic(C, 't', { partitionsCount: 1, configs: { 'retention.bytes': '250' } });
    store.append(C, 't', Array.from({ length: 3 }, (_, i) => ({ value: Buffer.alloc(78, 65 + i) })));
    store.append(C, 't', Array.from({ length: 2 }, (_, i) => ({ value: Buffer.alloc(78, 68 + i) })));
    assert.equal(store.enforceRetention(T0).recordsDeleted, 3);
    assert.deepEqual(all(store, 't').map((r) => r.offset), [3, 4]);
    assert.equal(store.partitionOffset(C, 't', 0).logStartOffset, 3);
    assert.equal(store.enforceRetention(T0).recordsDeleted, 0);
  });
});

test('compaction keeps the latest record per key with offsets unchanged', () => {
  withStore((store) => {
    store.createTopic(C, 't', { partitionsCount: 1, configs: { 'cleanup.policy': 'compact' } });
    const put = (k: string, v: string): void => { store.append(C, 't', [{ key: Buffer.from(k), value: Buffer.from(v), timestamp: T0 }]); };
    put('a', '1'); put('b', '1'); put('a', '2');
    store.append(C, 't', [{ key: Buffer.from('c'), value: Buffer.from('1') }, { key: Buffer.from('b'), value: Buffer.from('2') }, { key: Buffer.from('a'), value: Buffer.from('3') }]);
    const report = store.compact(T0 + 10);
    assert.equal(report.recordsCompacted, 3);
    assert.deepEqual(kv(all(store, 't')), ['3:c=1', '4:b=2', '5:a=3']);
    assert.equal(store.partitionOffset(C, 't', 0).logStartOffset, 0);
    assert.equal(store.compact(T0 + 20).recordsCompacted, 0);
    const page = store.read(C, 't', 0, 0, 2);
    assert.deepEqual(kv(page.records), ['3:c=1', '4:b=2']);
    assert.equal(page.nextOffset, 5);
    assert.deepEqual(kv(store.read(C, 't', 0, page.nextOffset, 2).records), ['5:a=3']);
  });
});

test('tombstones remove the key and are themselves removed after delete.retention.ms', () => {
  withStore((store) => {
    store.createTopic(C, 't', { partitionsCount: 1, configs: { 'cleanup.policy': 'compact', 'delete.retention.ms': '1000' } });
    store.append(C, 't', [{ key: Buffer.from('a'), value: Buffer.from('1'), timestamp: T0 }, { key: Buffer.from('b'), value: Buffer.from('1'), timestamp: T0 }]);
    store.append(C, 't', [{ key: Buffer.from('a'), value: null, timestamp: T0 + 100 }]);
    store.compact(T0 + 200);
    assert.deepEqual(kv(all(store, 't')), ['1:b=1', '2:a=null']);
    store.compact(T0 + 1099);
    assert.deepEqual(kv(all(store, 't')), ['1:b=1', '2:a=null']);
    assert.equal(store.compact(T0 + 1100).recordsCompacted, 1);
    assert.deepEqual(kv(all(store, 't')), ['1:b=1']);
    assert.equal(store.partitionOffset(C, 't', 0).highWatermark, 3);
  });
});

test('min.compaction.lag.ms protects young superseded records until they age', () => {
  withStore((store) => {
    store.createTopic(C, 't', { partitionsCount: 1, configs: { 'cleanup.policy': 'compact', 'min.compaction.lag.ms': '500' } });
    store.append(C, 't', [{ key: Buffer.from('a'), value: Buffer.from('1'), timestamp: T0 }, { key: Buffer.from('a'), value: Buffer.from('2'), timestamp: T0 + 10 }]);
    assert.equal(store.compact(T0 + 100).recordsCompacted, 0);
    assert.equal(store.compact(T0 + 500).recordsCompacted, 1);
    assert.deepEqual(kv(all(store, 't')), ['1:a=2']);
  });
});

test('cleanup.policy=delete,compact applies retention and compaction; maintenance runs both', () => {
  withStore((store) => {
    store.createTopic(C, 't', { partitionsCount: 1, configs: { 'cleanup.policy': 'delete,compact', 'retention.ms': '1000' } });
    store.append(C, 't', [{ key: Buffer.from('old'), value: Buffer.from('x'), timestamp: T0 }]);
    store.append(C, 't', [{ key: Buffer.from('a'), value: Buffer.from('1'), timestamp: T0 + 900 }, { key: Buffer.from('a'), value: Buffer.from('2'), timestamp: T0 + 950 }]);
    const report = store.maintenance(T0 + 1500);
    assert.deepEqual(report, { recordsDeleted: 1, recordsCompacted: 1, batchesMerged: 0 });
    assert.deepEqual(kv(all(store, 't')), ['2:a=2']);
  });
});

test('merging small batches keeps offsets, timestamps and contents, and later batches join the tail', () => {
  withStore((store) => {
    store.createTopic(C, 't', { partitionsCount: 1 });
    for (let i = 0; i < 50; i++) store.append(C, 't', [{ key: Buffer.from(`k${i}`), value: Buffer.from(`v${i}`), timestamp: T0 + i, headers: [{ key: 'h', value: Buffer.from([i]) }] }]);
    const before = kv(all(store, 't'));
    assert.equal(store.mergeSmallBatches().batchesMerged, 49);
    assert.deepEqual(kv(all(store, 't')), before);
    assert.deepEqual(all(store, 't').map((r) => r.timestamp), Array.from({ length: 50 }, (_, i) => T0 + i));
    assert.equal(all(store, 't')[7]?.headers[0]?.value?.[0], 7);
    for (let i = 50; i < 53; i++) store.append(C, 't', [{ key: Buffer.from(`k${i}`), value: Buffer.from(`v${i}`), timestamp: T0 + i }]);
    assert.equal(store.maintenance(T0 + 100).batchesMerged, 3);
    assert.deepEqual(all(store, 't').map((r) => r.offset), Array.from({ length: 53 }, (_, i) => i));
    assert.equal(store.offsetForTimestamp(C, 't', 0, T0 + 51), 51);
    assert.equal(store.mergeSmallBatches().batchesMerged, 0);
  });
});

test('retention walks past many expired batches (more than one page of them)', () => {
  withStore((store) => {
    store.createTopic(C, 't', { partitionsCount: 1, configs: { 'retention.ms': '1000' } });
    for (let i = 0; i < 600; i++) store.append(C, 't', [{ value: null, timestamp: T0 }]);
    store.append(C, 't', [{ value: Buffer.from('fresh'), timestamp: T0 + 5000 }]);
    assert.equal(store.enforceRetention(T0 + 5500).recordsDeleted, 600);
    assert.deepEqual(kv(all(store, 't')), ['600:-=fresh']);
  });
});
