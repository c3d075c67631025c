import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Consumer, EachMessagePayload, IHeaders } from 'kafkajs';
import { CLUSTER, startHarness } from './listener-harness.fixture.js';

interface Seen {
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: string | null;
  readonly timestamp: string;
  readonly headers: IHeaders | undefined;
}

/** Runs `consumer` and resolves once `done` says the collected messages are enough. */
function consume(consumer: Consumer, done: (seen: readonly Seen[]) => boolean): Promise<Seen[]> {
  const seen: Seen[] = [];
  return new Promise<Seen[]>((resolve, reject) => {
    consumer.run({
      eachMessage: async ({ partition, message }: EachMessagePayload) => {
        seen.push({ partition, offset: message.offset, key: message.key?.toString() ?? null, value: message.value?.toString() ?? null, timestamp: message.timestamp, headers: message.headers });
        if (done(seen)) resolve(seen);
      },
    }).catch(reject);
  });
}

const FAST = { maxWaitTimeInMs: 50, heartbeatInterval: 50, sessionTimeout: 6000, rebalanceTimeout: 6000 };

test('kafkajs producer to consumer: keys, null keys and values, headers and timestamps survive', { timeout: 9000 }, async () => {
  const h = await startHarness();
  try {
    h.store.createTopic(CLUSTER, 'orders', { partitionsCount: 3 });
    const producer = h.kafka().producer();
    await producer.connect();
    const acks = await producer.send({
      topic: 'orders',
      messages: [
        { key: 'k1', value: 'v1', partition: 0, timestamp: '1700000000123', headers: { a: '1', b: ['x', 'y'] } },
        { key: null, value: 'v2', partition: 0, timestamp: '1700000000456' },
        { key: 'k3', value: null, partition: 0, timestamp: '1700000000789' },
      ],
    });
    assert.deepEqual(acks.map((a) => [a.partition, a.errorCode, a.baseOffset]), [[0, 0, '0']]);
    await producer.disconnect();
    const consumer = h.kafka().consumer({ groupId: 'g-roundtrip', ...FAST });
    await consumer.connect();
    await consumer.subscribe({ topic: 'orders', fromBeginning: true });
    const seen = await consume(consumer, (s) => s.length === 3);
    await consumer.disconnect();
    assert.deepEqual(seen.map((m) => [m.partition, m.offset, m.key, m.value, m.timestamp]), [
      [0, '0', 'k1', 'v1', '1700000000123'],
      [0, '1', null, 'v2', '1700000000456'],
      [0, '2', 'k3', null, '1700000000789'],
    ]);
    const headers = seen[0]?.headers ?? {};
    assert.equal(String(headers['a']), '1');
    assert.deepEqual((headers['b'] as Buffer[]).map(String), ['x', 'y']);
    assert.deepEqual(seen[1]?.headers, {});
  } finally {
    await h.close();
  }
});

test('two consumers of one group split the partitions, commit, and a restarted consumer resumes from the commits', { timeout: 9000 }, async () => {
  const h = await startHarness();
  try {
    h.store.createTopic(CLUSTER, 'split', { partitionsCount: 4 });
    const kafka = h.kafka();
    const joined = new Map<string, number[]>();
    let bothJoined: () => void = () => undefined;
    const split = new Promise<void>((resolve) => { bothJoined = resolve; });
    const consumers = ['a', 'b'].map((name) => {
      const c = kafka.consumer({ groupId: 'g-split', ...FAST });
      c.on(c.events.GROUP_JOIN, (e) => {
        joined.set(name, [...(e.payload.memberAssignment['split'] ?? [])].sort());
        // Both members must have joined one generation with disjoint halves before producing.
        if (joined.get('a')?.length === 2 && joined.get('b')?.length === 2) bothJoined();
      });
      return c;
    });
    const [a, b] = consumers as [Consumer, Consumer];
    const all = new Set<string>();
    const firstRound = new Promise<void>((resolve) => {
      const track = (s: readonly Seen[]): boolean => {
        for (const m of s) all.add(m.value ?? '');
        if (all.size === 40) resolve();
        return false;
      };
      for (const c of consumers) {
        void c.connect().then(() => c.subscribe({ topic: 'split', fromBeginning: true })).then(() => consume(c, track));
      }
    });
    await split;
    assert.deepEqual([...(joined.get('a') ?? []), ...(joined.get('b') ?? [])].sort(), [0, 1, 2, 3]);
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: 'split', messages: Array.from({ length: 40 }, (_, i) => ({ key: `k${i}`, value: `old-${i}` })) });
    await firstRound;
    await a.disconnect();
    await b.disconnect();
    const committed = h.offsets.fetchOffsets(CLUSTER, 'g-split');
    const ends = h.store.partitionOffsets(CLUSTER, 'split');
    assert.deepEqual(committed.map((c) => [c.partition, c.offset]), ends.map((e) => [e.partition, e.highWatermark]));

    await producer.send({ topic: 'split', messages: Array.from({ length: 5 }, (_, i) => ({ key: `n${i}`, value: `new-${i}` })) });
    await producer.disconnect();
    const again = kafka.consumer({ groupId: 'g-split', ...FAST });
    await again.connect();
    await again.subscribe({ topic: 'split', fromBeginning: true });
    const resumed = await consume(again, (s) => s.filter((m) => m.value?.startsWith('new-')).length === 5);
    await again.disconnect();
    assert.deepEqual(resumed.map((m) => m.value).sort(), ['new-0', 'new-1', 'new-2', 'new-3', 'new-4']);
  } finally {
    await h.close();
  }
});

test('records appended through the store are consumed over the wire, and produced records read back from the store', { timeout: 9000 }, async () => {
  const h = await startHarness();
  try {
    h.store.createTopic(CLUSTER, 'bridge', { partitionsCount: 2 });
    h.store.append(CLUSTER, 'bridge', [
      { partition: 1, key: Buffer.from('rest-key'), value: Buffer.from('from-rest'), timestamp: 1_700_000_000_000, headers: [{ key: 'h', value: Buffer.from('hv') }, { key: 'n', value: null }] },
    ]);
    const kafka = h.kafka();
    const consumer = kafka.consumer({ groupId: 'g-bridge', ...FAST });
    await consumer.connect();
    await consumer.subscribe({ topic: 'bridge', fromBeginning: true });
    const running = consume(consumer, (s) => s.length === 2);
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic: 'bridge', messages: [{ partition: 0, key: 'wire-key', value: 'from-wire', timestamp: '1700000000999', headers: { w: 'x' } }] });
    await producer.disconnect();
    const seen = (await running).sort((x, y) => x.partition - y.partition);
    await consumer.disconnect();
    assert.deepEqual(seen.map((m) => [m.partition, m.key, m.value, m.timestamp]), [[0, 'wire-key', 'from-wire', '1700000000999'], [1, 'rest-key', 'from-rest', '1700000000000']]);
    assert.equal(String(seen[1]?.headers?.['h']), 'hv');
    assert.equal(seen[1]?.headers?.['n'], null);

    const read = h.store.read(CLUSTER, 'bridge', 0, 0, 10);
    assert.equal(read.records.length, 1);
    const r = read.records[0];
    assert.equal(r?.key?.toString(), 'wire-key');
    assert.equal(r?.value?.toString(), 'from-wire');
    assert.equal(r?.timestamp, 1_700_000_000_999);
    assert.deepEqual(r?.headers.map((x) => [x.key, x.value?.toString()]), [['w', 'x']]);
  } finally {
    await h.close();
  }
});

test('admin: create (validated), describe configs, list offsets by time, delete; unknown topics are not auto-created', { timeout: 9000 }, async () => {
  const h = await startHarness();
  try {
    const admin = h.kafka().admin();
    await admin.connect();
    assert.equal(await admin.createTopics({ topics: [{ topic: 'made', numPartitions: 2, configEntries: [{ name: 'retention.ms', value: '3600000' }] }] }), true);
    assert.equal(await admin.createTopics({ topics: [{ topic: 'made', numPartitions: 2 }] }), false);
    await assert.rejects(admin.createTopics({ topics: [{ topic: 'bad-config', configEntries: [{ name: 'retention.ms', value: 'soon' }] }] }), (err: Error & { errors?: { type?: string }[] }) => err.errors?.[0]?.type === 'INVALID_CONFIG');
    await assert.rejects(admin.createTopics({ topics: [{ topic: 'bad name!' }] }), (err: Error & { errors?: { type?: string }[] }) => err.errors?.[0]?.type === 'INVALID_TOPIC_EXCEPTION');
    assert.equal(h.store.describeTopic(CLUSTER, 'made').partitionsCount, 2);
    assert.deepEqual((await admin.listTopics()).sort(), ['made']);

    const described = await admin.describeConfigs({ resources: [{ type: 2, name: 'made', configNames: ['retention.ms', 'cleanup.policy'] }], includeSynonyms: false });
    const entries = described.resources[0]?.configEntries ?? [];
    assert.deepEqual(entries.map((e) => [e.configName, e.configValue, e.isDefault]).sort(), [['cleanup.policy', 'delete', true], ['retention.ms', '3600000', false]]);

    h.store.append(CLUSTER, 'made', [1000, 2000, 3000].map((t) => ({ partition: 1, value: Buffer.from(`at-${t}`), timestamp: 1_700_000_000_000 + t })));
    assert.deepEqual((await admin.fetchTopicOffsets('made')).map((p) => [p.partition, p.low, p.high]), [[0, '0', '0'], [1, '0', '3']]);
    const byTime = await admin.fetchTopicOffsetsByTimestamp('made', 1_700_000_001_500);
    assert.deepEqual(byTime.map((p) => [p.partition, p.offset]), [[0, '0'], [1, '1']]);

    await assert.rejects(admin.fetchTopicMetadata({ topics: ['missing'] }), (err: Error & { type?: string }) => err.type === 'UNKNOWN_TOPIC_OR_PARTITION');
    assert.equal(h.store.hasTopic(CLUSTER, 'missing'), false);
    await admin.deleteTopics({ topics: ['made'] });
    assert.equal(h.store.hasTopic(CLUSTER, 'made'), false);
    await admin.disconnect();
  } finally {
    await h.close();
  }
});

test('SASL/PLAIN: accepted credentials connect and name the connection; rejected ones fail to connect', { timeout: 9000 }, async () => {
  const users: string[] = [];
  const h = await startHarness({
    authenticate: (u, p) => p === 'secret',
    clusterId: (conn) => { if (conn.username !== undefined) users.push(conn.username); return CLUSTER; },
  });
  try {
    h.store.createTopic(CLUSTER, 'secured', { partitionsCount: 1 });
    const good = h.kafka({ sasl: { username: 'KEY1', password: 'secret' } }).producer();
    await good.connect();
    await good.send({ topic: 'secured', messages: [{ value: 'ok' }] });
    await good.disconnect();
    assert.ok(users.includes('KEY1'));
    assert.equal(h.store.partitionOffset(CLUSTER, 'secured', 0).highWatermark, 1);
    const bad = h.kafka({ sasl: { username: 'KEY1', password: 'wrong' } }).producer();
    await assert.rejects(bad.connect(), (err: Error) => err.name === 'KafkaJSSASLAuthenticationError' || /SASL|auth/i.test(err.message));
  } finally {
    await h.close();
  }
});

test('admin lists and describes groups: live members with assignments, and groups known only by committed offsets', { timeout: 9000 }, async () => {
  const h = await startHarness();
  try {
    h.store.createTopic(CLUSTER, 'watched', { partitionsCount: 2 });
    h.offsets.commitOffsets(CLUSTER, 'g-offsets-only', [{ topic: 'watched', partition: 0, offset: 0 }]);
    const kafka = h.kafka();
    const consumer = kafka.consumer({ groupId: 'g-live', ...FAST });
    const joined = new Promise<void>((resolve) => { consumer.on(consumer.events.GROUP_JOIN, () => resolve()); });
    await consumer.connect();
    await consumer.subscribe({ topic: 'watched' });
    void consume(consumer, () => false);
    await joined;
    const admin = kafka.admin();
    await admin.connect();
    const listed = (await admin.listGroups()).groups.map((g) => [g.groupId, g.protocolType]).sort();
    assert.deepEqual(listed, [['g-live', 'consumer'], ['g-offsets-only', 'consumer']]);
    const described = await admin.describeGroups(['g-live', 'g-offsets-only', 'g-unknown']);
    assert.deepEqual(described.groups.map((g) => [g.groupId, g.state, g.members.length]), [['g-live', 'Stable', 1], ['g-offsets-only', 'Empty', 0], ['g-unknown', 'Dead', 0]]);
    const member = described.groups[0]?.members[0];
    assert.equal(member?.clientId, 'wire-test');
    assert.ok((member?.memberAssignment.length ?? 0) > 0, 'the leader-computed assignment is passed through');
    await consumer.disconnect();
    assert.equal((await admin.describeGroups(['g-live'])).groups[0]?.state, 'Empty');
    await admin.disconnect();
  } finally {
    await h.close();
  }
});

test('an idempotent kafkajs producer gets a producer id and its records land once', { timeout: 9000 }, async () => {
  const h = await startHarness();
  try {
    h.store.createTopic(CLUSTER, 'idem', { partitionsCount: 1 });
    const producer = h.kafka({ retries: 2 }).producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({ topic: 'idem', messages: [{ value: 'a' }, { value: 'b' }] });
    await producer.send({ topic: 'idem', messages: [{ value: 'c' }] });
    await producer.disconnect();
    assert.deepEqual(h.store.read(CLUSTER, 'idem', 0, 0, 10).records.map((r) => r.value?.toString()), ['a', 'b', 'c']);
  } finally {
    await h.close();
  }
});
