/**
 * The flexible (compact + tagged fields) versions no bundled client exercises: each request is
 * spelled out field by field from the Kafka message specs and each response is read to its last
 * byte, so a missing or extra field shows up as leftover or missing bytes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { API } from './api-keys.js';
import type { ByteReader } from './byte-reader.js';
import { ByteWriter } from './byte-writer.js';
import { ERR } from './error-codes.js';
import { encodeRecordBatches } from './record-batch-encoder.js';
import { CLUSTER, startHarness, type Harness } from './listener-harness.fixture.js';
import { RawClient } from './raw-client.fixture.js';

async function withClient(fn: (c: RawClient, h: Harness) => Promise<void>): Promise<void> {
  const h = await startHarness();
  const c = await RawClient.connect(h.listener.port);
  try {
    await fn(c, h);
  } finally {
    c.close();
    await h.close();
  }
}

function done(r: ByteReader): void {
  assert.equal(r.remaining, 0, 'the response has no bytes beyond the fields of its version');
}

const int32s = (r: ByteReader): number[] => r.array((x) => x.int32());

test('Metadata v12, CreateTopics v5, DescribeConfigs v4 and DeleteTopics v5', async () => {
  await withClient(async (c, h) => {
    let r = await c.call(API.CreateTopics, 5, true, (w) => {
      w.array(['flex'], (x, name) => {
        x.string(name).int32(2).int16(-1).array([] as number[], (y) => y);
        x.array([['retention.ms', '1000'] as const], (y, [k, v]) => { y.string(k).nullableString(v).tags(); }).tags();
      }).int32(1000).bool(false).tags();
    });
    r.int32();
    const created = r.array((x) => {
      const t = { name: x.string(), error: x.int16(), message: x.nullableString(), partitions: x.int32(), rf: x.int16() };
      const configs = x.nullableArray((y) => { const e = [y.string(), y.nullableString(), y.bool(), y.int8(), y.bool()] as const; y.tags(); return e; });
      x.tags();
      return { ...t, retention: configs?.find((e) => e[0] === 'retention.ms') };
    });
    r.tags();
    done(r);
    assert.deepEqual(created, [{ name: 'flex', error: ERR.NONE, message: null, partitions: 2, rf: 3, retention: ['retention.ms', '1000', false, 1, false] }]);

    r = await c.call(API.Metadata, 12, true, (w) => {
      w.array([null, 'missing'], (x, name) => { x.raw(Buffer.alloc(16)).nullableString(name).tags(); });
      w.bool(false).bool(true).tags();
    });
    r.int32();
    const brokers = r.array((x) => { const b = [x.int32(), x.string(), x.int32(), x.nullableString()] as const; x.tags(); return b; });
    const clusterId = r.nullableString();
    const controller = r.int32();
    const topics = r.array((x) => {
      const t = { error: x.int16(), name: x.nullableString(), id: x.uuid().toString('hex'), internal: x.bool() };
      const parts = x.array((y) => { const p = { error: y.int16(), index: y.int32(), leader: y.int32(), epoch: y.int32(), replicas: int32s(y), isr: int32s(y), offline: int32s(y) }; y.tags(); return p; });
      const ops = x.int32();
      x.tags();
      return { ...t, parts: parts.length, ops };
    });
    r.tags();
    done(r);
    assert.deepEqual(brokers, [[1, '127.0.0.1', h.listener.port, null]]);
    assert.deepEqual([clusterId, controller], [CLUSTER, 1]);
    assert.equal(topics[0]?.error, 100, 'a null name with an unknown topic id is UNKNOWN_TOPIC_ID');
    assert.deepEqual(topics[1] && [topics[1].error, topics[1].name, topics[1].parts], [ERR.UNKNOWN_TOPIC_OR_PARTITION, 'missing', 0]);

    r = await c.call(API.Metadata, 12, true, (w) => { w.nullableArray(null, (x) => x).bool(false).bool(false).tags(); });
    r.int32();
    r.array((x) => { x.int32(); x.string(); x.int32(); x.nullableString(); x.tags(); });
    r.nullableString();
    r.int32();
    const all = r.array((x) => {
      const t = { error: x.int16(), name: x.nullableString(), id: x.uuid().toString('hex') };
      x.bool();
      const parts = x.array((y) => { y.int16(); const i = y.int32(); y.int32(); y.int32(); int32s(y); int32s(y); int32s(y); y.tags(); return i; });
      x.int32();
      x.tags();
      return { ...t, parts };
    });
    r.tags();
    done(r);
    assert.deepEqual(all.map((t) => [t.error, t.name, t.parts]), [[ERR.NONE, 'flex', [0, 1]]]);
    assert.notEqual(all[0]?.id, '0'.repeat(32));

    r = await c.call(API.DescribeConfigs, 4, true, (w) => {
      w.array([['flex', ['retention.ms']] as const], (x, [name, keys]) => { x.int8(2).string(name).array(keys, (y, k) => { y.string(k); }).tags(); });
      w.bool(true).bool(false).tags();
    });
    r.int32();
    const described = r.array((x) => {
      const head = [x.int16(), x.nullableString(), x.int8(), x.string()] as const;
      const configs = x.array((y) => {
        const e = { name: y.string(), value: y.nullableString(), readOnly: y.bool(), source: y.int8(), sensitive: y.bool() };
        const synonyms = y.array((z) => { const s = [z.string(), z.nullableString(), z.int8()] as const; z.tags(); return s; });
        const type = y.int8();
        y.nullableString();
        y.tags();
        return { ...e, synonyms: synonyms.length, type };
      });
      x.tags();
      return { head, configs };
    });
    r.tags();
    done(r);
    assert.deepEqual(described, [{ head: [ERR.NONE, null, 2, 'flex'], configs: [{ name: 'retention.ms', value: '1000', readOnly: false, source: 1, sensitive: false, synonyms: 2, type: 5 }] }]);

    r = await c.call(API.DeleteTopics, 5, true, (w) => { w.array(['flex', 'ghost'], (x, n) => { x.string(n); }).int32(1000).tags(); });
    r.int32();
    const deleted = r.array((x) => { const d = [x.string(), x.int16(), x.nullableString() === null] as const; x.tags(); return d; });
    r.tags();
    done(r);
    assert.deepEqual(deleted, [['flex', ERR.NONE, true], ['ghost', ERR.UNKNOWN_TOPIC_OR_PARTITION, false]]);
    assert.equal(h.store.hasTopic(CLUSTER, 'flex'), false);
  });
});

test('Produce v9, Fetch v12 and ListOffsets v6', async () => {
  await withClient(async (c, h) => {
    h.store.createTopic(CLUSTER, 'pf', { partitionsCount: 1 });
    const batch = new ByteWriter();
    encodeRecordBatches(batch, [{ partition: 0, offset: 0, timestamp: 1_700_000_000_000, timestampType: 'CreateTime', key: Buffer.from('k'), value: Buffer.from('flexible'), headers: [] }]);
    let r = await c.call(API.Produce, 9, true, (w) => {
      w.nullableString(null).int16(-1).int32(1000);
      w.array(['pf'], (x, t) => { x.string(t).array([0], (y, p) => { y.int32(p).nullableBytes(batch.toBuffer()).tags(); }).tags(); }).tags();
    });
    const produced = r.array((x) => {
      const name = x.string();
      const parts = x.array((y) => {
        const p = [y.int32(), y.int16(), y.int64(), y.int64(), y.int64()] as const;
        y.array((z) => { z.int32(); z.nullableString(); z.tags(); });
        y.nullableString();
        y.tags();
        return p;
      });
      x.tags();
      return { name, parts };
    });
    r.int32();
    r.tags();
    done(r);
    assert.deepEqual(produced, [{ name: 'pf', parts: [[0, ERR.NONE, 0, -1, 0]] }]);

    r = await c.call(API.Fetch, 12, true, (w) => {
      w.int32(-1).int32(0).int32(1).int32(1 << 20).int8(1).int32(0).int32(-1);
      w.array(['pf'], (x, t) => { x.string(t).array([0], (y, p) => { y.int32(p).int32(-1).int64(0).int32(-1).int64(-1).int32(1 << 20).tags(); }).tags(); });
      w.array([] as string[], (x) => x).string('').tags();
    });
    const head = [r.int32(), r.int16(), r.int32()];
    const fetched = r.array((x) => {
      x.string();
      const parts = x.array((y) => {
        const p = { index: y.int32(), error: y.int16(), hw: y.int64(), lso: y.int64(), lso2: y.int64() };
        y.nullableArray((z) => { z.int64(); z.int64(); z.tags(); });
        y.int32();
        const records = y.nullableBytes();
        y.tags();
        return { ...p, hasValue: records?.includes(Buffer.from('flexible')) ?? false };
      });
      x.tags();
      return parts;
    });
    r.tags();
    done(r);
    assert.deepEqual(head, [0, ERR.NONE, 0]);
    assert.deepEqual(fetched, [[{ index: 0, error: ERR.NONE, hw: 1, lso: 1, lso2: 0, hasValue: true }]]);

    r = await c.call(API.ListOffsets, 6, true, (w) => {
      w.int32(-1).int8(0);
      w.array(['pf'], (x, t) => { x.string(t).array([-1, -2, 1_700_000_000_000], (y, ts) => { y.int32(0).int32(-1).int64(ts).tags(); }).tags(); }).tags();
    });
    r.int32();
    const listed = r.array((x) => {
      x.string();
      const parts = x.array((y) => { const p = [y.int32(), y.int16(), y.int64(), y.int64(), y.int32()] as const; y.tags(); return p; });
      x.tags();
      return parts;
    });
    r.tags();
    done(r);
    assert.deepEqual(listed, [[[0, ERR.NONE, -1, 1, 0], [0, ERR.NONE, -1, 0, 0], [0, ERR.NONE, 1_700_000_000_000, 0, 0]]]);
  });
});

test('FindCoordinator v4, JoinGroup v7, SyncGroup v5, Heartbeat v4, OffsetCommit v8, ListGroups v4, DescribeGroups v5, LeaveGroup v4, InitProducerId v4, SaslAuthenticate v2', async () => {
  await withClient(async (c, h) => {
    h.store.createTopic(CLUSTER, 'grp', { partitionsCount: 1 });
    let r = await c.call(API.FindCoordinator, 4, true, (w) => { w.int8(0).array(['g1', 'g2'], (x, k) => { x.string(k); }).tags(); });
    r.int32();
    const coords = r.array((x) => { const e = [x.string(), x.int32(), x.string(), x.int32(), x.int16(), x.nullableString()] as const; x.tags(); return e; });
    r.tags();
    done(r);
    assert.deepEqual(coords.map((e) => [e[0], e[1], e[4]]), [['g1', 1, 0], ['g2', 1, 0]]);

    const join = async (memberId: string): Promise<{ error: number; generation: number; protocolType: string | null; protocol: string | null; leader: string; memberId: string; members: number }> => {
      const jr = await c.call(API.JoinGroup, 7, true, (w) => {
        w.string('g1').int32(10_000).int32(10_000).string(memberId).nullableString(null).string('consumer');
        w.array(['range'], (x, p) => { x.string(p).bytes(Buffer.from('m')).tags(); }).tags();
      });
      jr.int32();
      const res = { error: jr.int16(), generation: jr.int32(), protocolType: jr.nullableString(), protocol: jr.nullableString(), leader: jr.string(), memberId: jr.string(), members: jr.array((x) => { x.string(); x.nullableString(); x.bytes(); x.tags(); }).length };
      jr.tags();
      done(jr);
      return res;
    };
    const first = await join('');
    assert.equal(first.error, ERR.MEMBER_ID_REQUIRED);
    const joined = await join(first.memberId);
    assert.deepEqual(joined, { error: ERR.NONE, generation: 1, protocolType: 'consumer', protocol: 'range', leader: first.memberId, memberId: first.memberId, members: 1 });

    r = await c.call(API.SyncGroup, 5, true, (w) => {
      w.string('g1').int32(1).string(first.memberId).nullableString(null).nullableString('consumer').nullableString('range');
      w.array([first.memberId], (x, m) => { x.string(m).bytes(Buffer.from('assigned')).tags(); }).tags();
    });
    const synced = [r.int32(), r.int16(), r.nullableString(), r.nullableString(), r.bytes().toString()];
    r.tags();
    done(r);
    assert.deepEqual(synced, [0, ERR.NONE, 'consumer', 'range', 'assigned']);

    r = await c.call(API.Heartbeat, 4, true, (w) => { w.string('g1').int32(1).string(first.memberId).nullableString(null).tags(); });
    assert.deepEqual([r.int32(), r.int16()], [0, ERR.NONE]);
    r.tags();
    done(r);

    r = await c.call(API.OffsetCommit, 8, true, (w) => {
      w.string('g1').int32(1).string(first.memberId).nullableString(null);
      w.array(['grp'], (x, t) => { x.string(t).array([0], (y, p) => { y.int32(p).int64(0).int32(-1).nullableString('meta').tags(); }).tags(); }).tags();
    });
    r.int32();
    const committed = r.array((x) => { x.string(); const ps = x.array((y) => { const e = [y.int32(), y.int16()]; y.tags(); return e; }); x.tags(); return ps; });
    r.tags();
    done(r);
    assert.deepEqual(committed, [[[0, ERR.NONE]]]);
    assert.deepEqual(h.offsets.fetchOffsets(CLUSTER, 'g1').map((o) => [o.topic, o.partition, o.offset, o.metadata]), [['grp', 0, 0, 'meta']]);

    r = await c.call(API.ListGroups, 4, true, (w) => { w.array(['Stable'], (x, st) => { x.string(st); }).tags(); });
    r.int32();
    const listedGroups = [r.int16(), r.array((x) => { const e = [x.string(), x.string(), x.string()] as const; x.tags(); return e; })];
    r.tags();
    done(r);
    assert.deepEqual(listedGroups, [ERR.NONE, [['g1', 'consumer', 'Stable']]]);

    r = await c.call(API.DescribeGroups, 5, true, (w) => { w.array(['g1'], (x, g) => { x.string(g); }).bool(false).tags(); });
    r.int32();
    const describedGroups = r.array((x) => {
      const head = [x.int16(), x.string(), x.string(), x.string(), x.string()];
      const members = x.array((y) => { const m = [y.string(), y.nullableString(), y.string(), y.string(), y.bytes().toString(), y.bytes().toString()]; y.tags(); return m; });
      x.int32();
      x.tags();
      return { head, members };
    });
    r.tags();
    done(r);
    assert.deepEqual(describedGroups, [{ head: [ERR.NONE, 'g1', 'Stable', 'consumer', 'range'], members: [[first.memberId, null, 'raw', '/127.0.0.1', 'm', 'assigned']] }]);

    r = await c.call(API.LeaveGroup, 4, true, (w) => { w.string('g1').array([first.memberId], (x, m) => { x.string(m).nullableString(null).tags(); }).tags(); });
    r.int32();
    const top = r.int16();
    const left = r.array((x) => { const e = [x.string(), x.nullableString(), x.int16()] as const; x.tags(); return e; });
    r.tags();
    done(r);
    assert.deepEqual([top, left], [ERR.NONE, [[first.memberId, null, ERR.NONE]]]);

    r = await c.call(API.InitProducerId, 4, true, (w) => { w.nullableString(null).int32(60_000).int64(-1).int16(-1).tags(); });
    const pid = [r.int32(), r.int16(), r.int64() > 0, r.int16()];
    r.tags();
    done(r);
    assert.deepEqual(pid, [0, ERR.NONE, true, 0]);

    r = await c.call(API.SaslAuthenticate, 2, true, (w) => { w.bytes(Buffer.from('\u0000KEY\u0000SECRET')).tags(); });
    const auth = [r.int16(), r.nullableString(), r.bytes().length, r.int64()];
    r.tags();
    done(r);
    assert.deepEqual(auth, [ERR.NONE, null, 0, 0]);
  });
});
