import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixedClock } from '../../../shared/index.js';
import { TopicLogStore, type RecordToAppend } from '../../kafka/index.js';
import { ascendingTimestamps, BatchBuilder, DeserializationError, formatBatch, jsonDeserializer, rawDeserializer, TopicSource, type TopicSourceOptions } from './index.js';

const T0 = 1_700_000_000_000;
const C = 'lkc-1';

function setup(t: TestContext, partitions = 1): { logs: TopicLogStore; clock: ReturnType<typeof fixedClock> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streamform-source-'));
  const clock = fixedClock(T0);
  const logs = TopicLogStore.open(path.join(dir, 'cloud.db'), { clock });
  logs.createTopic(C, 't', { partitionsCount: partitions });
  t.after(() => { logs.close(); fs.rmSync(dir, { recursive: true, force: true }); });
  return { logs, clock };
}

const json = (o: unknown): Buffer => Buffer.from(JSON.stringify(o));
const cols = jsonDeserializer([{ name: 'id', from: 'key' }, { name: 'v', from: 'value' }]);

function source(logs: TopicLogStore, opts: Partial<TopicSourceOptions> = {}): TopicSource {
  return new TopicSource({ logs, cluster: C, topic: 't', mode: 'append', deserializer: cols, watermarks: ascendingTimestamps(), ...opts });
}

function drain(src: TopicSource, rowtimes = false): string[] {
  const out = new BatchBuilder(4);
  const lines: string[] = [];
  for (let i = 0; i < 100; i++) {
    out.reset();
    const st = src.poll(out, 3);
    lines.push(...formatBatch(out, { rowtimes }));
    if (st !== 'data') break;
  }
  return lines;
}

function put(logs: TopicLogStore, recs: RecordToAppend[]): void {
  logs.append(C, 't', recs);
}

test('append mode reads every record as +I with $rowtime = record timestamp', (t) => {
  const { logs } = setup(t);
  put(logs, [1, 2, 3, 4, 5].map((i) => ({ partition: 0, key: json({ id: i }), value: json({ v: `x${i}` }), timestamp: T0 - 100 + i })));
  const src = source(logs);
  assert.deepEqual(drain(src, true), [1, 2, 3, 4, 5].map((i) => `+I[${i}, 'x${i}'] @${T0 - 100 + i}`));
  assert.equal(src.watermark, T0 - 95);
});

test('upsert mode reads a tombstone as -D and any other record as +U', (t) => {
  const { logs } = setup(t);
  put(logs, [{ key: json({ id: 1 }), value: json({ v: 'a' }) }, { key: json({ id: 1 }), value: null }]);
  assert.deepEqual(drain(source(logs, { mode: 'upsert' })), ["+U[1, 'a']", '-D[1, null]']);
});

test('retract mode takes the row kind from the op header byte; no header means +I', (t) => {
  const { logs } = setup(t);
  const op = (b: number) => [{ key: 'op', value: Buffer.from([b]) }];
  put(logs, [
    { value: json({ v: 'a' }) },
    { value: json({ v: 'a' }), headers: op(1) },
    { value: json({ v: 'b' }), headers: op(2) },
    { value: json({ v: 'b' }), headers: op(3) },
  ]);
  assert.deepEqual(drain(source(logs, { mode: 'retract' })), ["+I[null, 'a']", "-U[null, 'a']", "+U[null, 'b']", "-D[null, 'b']"]);
});

test('a record that cannot be decoded fails with its topic, partition and offset', (t) => {
  const { logs } = setup(t, 2);
  put(logs, [{ partition: 1, value: json({ v: 1 }) }, { partition: 1, value: Buffer.from('{not json') }]);
  const src = source(logs);
  assert.throws(() => drain(src), (e: unknown) => {
    assert.ok(e instanceof DeserializationError);
    assert.deepEqual([e.topic, e.partition, e.offset], ['t', 1, 1]);
    assert.match(e.message, /topic 't' at partition 1, offset 1/);
    return true;
  });
});

test('error-handling ignore skips undecodable records; a retract record without value is an error', (t) => {
  const { logs } = setup(t);
  put(logs, [{ value: Buffer.from('nope') }, { value: json({ v: 2 }) }, { value: null }]);
  assert.deepEqual(drain(source(logs, { errorHandling: 'ignore' })), ['+I[null, 2]', '+I[null, null]']);
  assert.throws(() => drain(source(logs, { mode: 'retract', startup: { kind: 'specific-offsets', offsets: [{ partition: 0, offset: 2 }] } })), /must have a value/);
});

test('metadata columns are appended in the declared order', (t) => {
  const { logs } = setup(t, 2);
  put(logs, [{ partition: 1, key: Buffer.from('k'), value: Buffer.from('v'), timestamp: T0 - 5, headers: [{ key: 'h', value: Buffer.from('1') }] }]);
  const src = source(logs, { deserializer: rawDeserializer(), metadata: ['partition', 'offset', 'timestamp', 'topic', 'headers', 'raw-key', 'timestamp-type', 'leader-epoch'] });
  assert.deepEqual(drain(src), [`+I[x'6b', x'76', 1, 0n, ${T0 - 5}, 't', {'h': x'31'}, x'6b', 'CreateTime', null]`]);
});

test('startup modes: latest-offset, timestamp and specific offsets', (t) => {
  const { logs } = setup(t);
  put(logs, [10, 20, 30].map((ts) => ({ value: json({ v: ts }), timestamp: T0 + ts })));
  const latest = source(logs, { startup: { kind: 'latest-offset' } });
  const byTime = source(logs, { startup: { kind: 'timestamp', millis: T0 + 15 } });
  const specific = source(logs, { startup: { kind: 'specific-offsets', offsets: [{ partition: 0, offset: 2 }] } });
  put(logs, [{ value: json({ v: 40 }), timestamp: T0 + 40 }]);
  assert.deepEqual(drain(latest), ['+I[null, 40]']);
  assert.deepEqual(drain(byTime), ['+I[null, 20]', '+I[null, 30]', '+I[null, 40]']);
  assert.deepEqual(drain(specific), ['+I[null, 30]', '+I[null, 40]']);
});

test('bounded latest-offset captures end offsets at start and then ends', (t) => {
  const { logs } = setup(t, 2);
  put(logs, [{ partition: 0, value: json({ v: 1 }) }, { partition: 1, value: json({ v: 2 }) }]);
  const src = source(logs, { bounded: { kind: 'latest-offset' } });
  put(logs, [{ partition: 0, value: json({ v: 3 }) }]);
  const out = new BatchBuilder();
  assert.equal(src.poll(out, 10), 'data');
  assert.deepEqual(formatBatch(out).sort(), ['+I[null, 1]', '+I[null, 2]']);
  out.reset();
  assert.equal(src.poll(out, 10), 'end');
  assert.equal(out.size, 0);
});

test('a restored source continues at the snapshot position, keeping its bounded end', (t) => {
  const { logs } = setup(t);
  put(logs, [1, 2, 3, 4].map((v) => ({ value: json({ v }) })));
  const a = source(logs, { bounded: { kind: 'latest-offset' } });
  const out = new BatchBuilder();
  a.poll(out, 2);
  const pos = JSON.parse(JSON.stringify(a.snapshot())) as unknown;
  put(logs, [{ value: json({ v: 5 }) }]);
  const b = source(logs, { bounded: { kind: 'latest-offset' } });
  b.restore(pos);
  assert.deepEqual(drain(b), ['+I[null, 3]', '+I[null, 4]']);
});

test('a cut-over gate holds every partition at its offset until released, then reads on', (t) => {
  const { logs } = setup(t, 2);
  for (const p of [0, 1]) put(logs, Array.from({ length: 5 }, (_, i) => ({ partition: p, key: json({ id: p * 10 + i }), value: json({ v: `x${i}` }), timestamp: T0 + i })));
  const src = source(logs, { cutOver: [{ partition: 0, offset: 2 }, { partition: 1, offset: 4 }] });
  assert.equal(src.cutOverPending, true);
  const held = drain(src);
  assert.deepEqual(held.sort(), ["+I[0, 'x0']", "+I[1, 'x1']", "+I[10, 'x0']", "+I[11, 'x1']", "+I[12, 'x2']", "+I[13, 'x3']"].sort());
  assert.equal(src.cutOverPending, false, 'both partitions reached their cut-over offsets');
  assert.deepEqual(src.snapshot().partitions.map((p) => p.next), [2, 4]);
  src.releaseCutOver();
  assert.equal(drain(src).length, 4, 'the rest after the release');
  assert.deepEqual(src.snapshot().partitions.map((p) => p.next), [5, 5]);
});

test('a parallel subtask reads, snapshots and restores only its share of the partitions (p % parallelism === index)', (t) => {
  const { logs } = setup(t, 5);
  put(logs, [0, 1, 2, 3, 4].map((p) => ({ partition: p, key: json({ id: p }), value: json({ v: `p${p}` }) })));
  const sub = source(logs, { assignment: { index: 1, parallelism: 2 } });
  assert.deepEqual(drain(sub).sort(), ["+I[1, 'p1']", "+I[3, 'p3']"]);
  assert.deepEqual(sub.snapshot(), { topic: 't', partitions: [{ partition: 1, next: 1, end: null }, { partition: 3, next: 1, end: null }] });
  const again = source(logs, { assignment: { index: 0, parallelism: 2 } });
  again.restore({ topic: 't', partitions: [0, 1, 2, 3, 4].map((p) => ({ partition: p, next: 1, end: null })) });
  put(logs, [{ partition: 2, key: json({ id: 22 }), value: json({ v: 'p2' }) }, { partition: 3, key: json({ id: 33 }), value: json({ v: 'p3' }) }]);
  assert.deepEqual(drain(again), ["+I[22, 'p2']"], 'restored past what it read; partition 3 is not its own');
  assert.deepEqual(again.snapshot().partitions.map((p) => [p.partition, p.next]), [[0, 1], [2, 2], [4, 1]]);
});
