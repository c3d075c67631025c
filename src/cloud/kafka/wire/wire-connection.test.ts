import { test } from 'node:test';
import assert from 'node:assert/strict';
import { API } from './api-keys.js';
import { ByteReader } from './byte-reader.js';
import { ByteWriter } from './byte-writer.js';
import { ERR } from './error-codes.js';
import { encodeRecordBatches } from './record-batch-encoder.js';
import { decodeRecordBatches } from './record-batch-decoder.js';
import { CLUSTER, startHarness } from './listener-harness.fixture.js';
import { RawClient } from './raw-client.fixture.js';

function apiVersionsList(r: ByteReader): { error: number; apis: Map<number, [number, number]> } {
  const error = r.int16();
  const apis = new Map<number, [number, number]>();
  r.array((x) => { apis.set(x.int16(), [x.int16(), x.int16()]); x.tags(); });
  return { error, apis };
}

test('ApiVersions v3 (flexible request header) lists what is implemented; too new a version gets UNSUPPORTED_VERSION in v0 shape', async () => {
  const h = await startHarness();
  const c = await RawClient.connect(h.listener.port);
  try {
    c.send(API.ApiVersions, 3, 7, (w) => { w.string('raw-client').string('1.0').tags(); }, true);
    const f = await c.next();
    assert.ok(f !== 'closed');
    const r = new ByteReader(f);
    assert.equal(r.int32(), 7, 'ApiVersions answers with response header v0 even when flexible');
    const v3 = apiVersionsList(r.withFlexible(true));
    assert.equal(v3.error, ERR.NONE);
    assert.deepEqual(v3.apis.get(API.Fetch), [4, 12]);
    assert.deepEqual(v3.apis.get(API.Metadata), [0, 12]);
    c.send(API.ApiVersions, 99, 8, () => undefined, true);
    const g = await c.next();
    assert.ok(g !== 'closed');
    const r2 = new ByteReader(g);
    assert.equal(r2.int32(), 8);
    const v0 = apiVersionsList(r2);
    assert.equal(v0.error, ERR.UNSUPPORTED_VERSION);
    assert.deepEqual(v0.apis.get(API.ApiVersions), [0, 3]);
  } finally {
    c.close();
    await h.close();
  }
});

test('an unknown API key or unsupported version closes the connection', async () => {
  const h = await startHarness();
  const c = await RawClient.connect(h.listener.port);
  const d = await RawClient.connect(h.listener.port);
  try {
    c.send(9999, 0, 1, () => undefined);
    assert.equal(await c.next(), 'closed');
    d.send(API.Fetch, 3, 1, () => undefined);
    assert.equal(await d.next(), 'closed');
  } finally {
    c.close();
    d.close();
    await h.close();
  }
});

function fetchV11(w: ByteWriter, topic: string, offset: number, maxWaitMs: number, partitionMaxBytes = 1 << 20, maxBytes = 1 << 20): void {
  w.int32(-1).int32(maxWaitMs).int32(1).int32(maxBytes).int8(0).int32(0).int32(-1);
  w.array([topic], (x, t) => {
    x.string(t);
    x.array([0], (y, p) => { y.int32(p).int32(-1).int64(offset).int64(-1).int32(partitionMaxBytes); });
  });
  w.array([] as string[], (x, t) => { x.string(t); });
  w.string('');
}

/** Reads a Fetch v11 response with one partition: [error, high watermark, record values]. */
function readFetchV11(f: Buffer): { correlationId: number; error: number; highWatermark: number; records: Buffer } {
  const r = new ByteReader(f);
  const correlationId = r.int32();
  r.int32();
  r.int16();
  r.int32();
  const parts = r.array((x) => {
    x.string();
    return x.array((y) => {
      y.int32();
      const error = y.int16();
      const highWatermark = y.int64();
      y.int64();
      y.int64();
      y.array((z) => { z.int64(); z.int64(); });
      y.int32();
      return { error, highWatermark, records: y.bytes() };
    });
  });
  const p = parts[0]?.[0];
  assert.ok(p !== undefined);
  return { correlationId, ...p };
}

test('a waiting Fetch returns when records arrive, from a produce on another connection or from the store', { timeout: 5000 }, async () => {
  const h = await startHarness();
  const consumer = await RawClient.connect(h.listener.port);
  const producer = await RawClient.connect(h.listener.port);
  try {
    h.store.createTopic(CLUSTER, 'poll', { partitionsCount: 1 });
    consumer.send(API.Fetch, 11, 1, (w) => fetchV11(w, 'poll', 0, 60_000));
    const batch = new ByteWriter();
    encodeRecordBatches(batch, [{ partition: 0, offset: 0, timestamp: Date.now(), timestampType: 'CreateTime', key: null, value: Buffer.from('woken'), headers: [] }]);
    // acks=0: appended, never answered; the Metadata request after it gets the next answer.
    producer.send(API.Produce, 7, 1, (w) => {
      w.nullableString(null).int16(0).int32(1000);
      w.array(['poll'], (x, t) => { x.string(t).array([0], (y, p) => { y.int32(p).bytes(batch.toBuffer()); }); });
    });
    producer.send(API.Metadata, 1, 2, (w) => { w.int32(0); });
    const meta = await producer.next();
    assert.ok(meta !== 'closed');
    assert.equal(meta.readInt32BE(0), 2);
    const first = await consumer.next();
    assert.ok(first !== 'closed');
    const got = readFetchV11(first);
    assert.deepEqual([got.correlationId, got.error, got.highWatermark], [1, ERR.NONE, 1]);
    assert.ok(got.records.includes(Buffer.from('woken')));

    consumer.send(API.Fetch, 11, 2, (w) => fetchV11(w, 'poll', 1, 60_000));
    h.store.append(CLUSTER, 'poll', [{ partition: 0, value: Buffer.from('from-store') }]);
    const second = await consumer.next();
    assert.ok(second !== 'closed');
    const got2 = readFetchV11(second);
    assert.equal(got2.highWatermark, 2);
    assert.ok(got2.records.includes(Buffer.from('from-store')));
  } finally {
    consumer.close();
    producer.close();
    await h.close();
  }
});

test('Fetch beyond the log end is OFFSET_OUT_OF_RANGE; an unknown topic is UNKNOWN_TOPIC_OR_PARTITION', async () => {
  const h = await startHarness();
  const c = await RawClient.connect(h.listener.port);
  try {
    h.store.createTopic(CLUSTER, 'short', { partitionsCount: 1 });
    c.send(API.Fetch, 11, 1, (w) => fetchV11(w, 'short', 5, 0));
    const f = await c.next();
    assert.ok(f !== 'closed');
    assert.equal(readFetchV11(f).error, ERR.OFFSET_OUT_OF_RANGE);
    c.send(API.Fetch, 11, 2, (w) => fetchV11(w, 'nope', 0, 0));
    const g = await c.next();
    assert.ok(g !== 'closed');
    assert.equal(readFetchV11(g).error, ERR.UNKNOWN_TOPIC_OR_PARTITION);
  } finally {
    c.close();
    await h.close();
  }
});

function recordCount(records: Buffer): number {
  const d = decodeRecordBatches(records);
  assert.equal(d.kind, 'records');
  return d.kind === 'records' ? d.records.length : -1;
}

test('Fetch honours partition and response max bytes, but always returns a first record that is too large', async () => {
  const h = await startHarness();
  const c = await RawClient.connect(h.listener.port);
  try {
    h.store.createTopic(CLUSTER, 'sized', { partitionsCount: 1 });
    h.store.append(CLUSTER, 'sized', Array.from({ length: 10 }, () => ({ partition: 0, value: Buffer.alloc(100, 0x62) })));
    const counts: number[] = [];
    for (const [partMax, max] of [[1 << 20, 1 << 20], [400, 1 << 20], [1 << 20, 400], [1, 1]] as const) {
      c.send(API.Fetch, 11, counts.length + 1, (w) => fetchV11(w, 'sized', 0, 0, partMax, max));
      const f = await c.next();
      assert.ok(f !== 'closed');
      counts.push(recordCount(readFetchV11(f).records));
    }
    assert.equal(counts[0], 10);
    assert.ok((counts[1] ?? 0) >= 1 && (counts[1] ?? 0) < 4, `partition max 400 bytes gave ${counts[1]} records of 100 bytes`);
    assert.ok((counts[2] ?? 0) >= 1 && (counts[2] ?? 0) < 4, `response max 400 bytes gave ${counts[2]} records of 100 bytes`);
    assert.equal(counts[3], 1);
  } finally {
    c.close();
    await h.close();
  }
});

test('a connection without a cluster sees no topics and a null cluster id', async () => {
  const h = await startHarness({ clusterId: () => undefined });
  const c = await RawClient.connect(h.listener.port);
  try {
    h.store.createTopic(CLUSTER, 'hidden', { partitionsCount: 1 });
    const r = await c.call(API.Metadata, 2, false, (w) => { w.nullableArray(null, (x) => x); });
    assert.equal(r.array((x) => { x.int32(); x.string(); x.int32(); x.nullableString(); }).length, 1);
    assert.equal(r.nullableString(), null);
    r.int32();
    assert.equal(r.array((x) => x).length, 0);
    assert.equal(r.remaining, 0);
  } finally {
    c.close();
    await h.close();
  }
});
