import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixedClock } from '../../../shared/index.js';
import { murmur2, partitionForKey, toPositive, TopicLogStore, type LogRecord } from '../../kafka/index.js';
import { BlackholeSink, jsonSerializer, parseChangelog, ResultsSink, TopicSink, type ChangelogMode, type ResultChange } from './index.js';

const T0 = 1_700_000_000_000;

function setup(t: TestContext, partitions = 3): TopicLogStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streamform-sink-'));
  const logs = TopicLogStore.open(path.join(dir, 'cloud.db'), { clock: fixedClock(T0) });
  logs.createTopic('c', 'out', { partitionsCount: partitions });
  t.after(() => { logs.close(); fs.rmSync(dir, { recursive: true, force: true }); });
  return logs;
}

function all(logs: TopicLogStore): LogRecord[] {
  return logs.partitionOffsets('c', 'out').flatMap((p) => logs.read('c', 'out', p.partition, 0, 1000).records);
}

const keyed = jsonSerializer({ key: [['id', 0]], value: [['id', 0], ['v', 1]] });
const unkeyed = jsonSerializer({ value: [['id', 0], ['v', 1]] });
const sink = (logs: TopicLogStore, mode: ChangelogMode, keys = true): TopicSink =>
  new TopicSink({ logs, cluster: 'c', topic: 'out', mode, serializer: keys ? keyed : unkeyed });
const text = (b: Buffer | null): string | null => (b === null ? null : b.toString());

test('nothing reaches the topic before commit; commit appends the buffered records', (t) => {
  const logs = setup(t);
  const s = sink(logs, 'append');
  s.write(parseChangelog("+I[1, 'a']\n+I[2, 'b']"));
  assert.equal(all(logs).length, 0);
  assert.equal(s.pending, 2);
  s.commit();
  assert.deepEqual(all(logs).map((r) => text(r.value)).sort(), ['{"id":1,"v":"a"}', '{"id":2,"v":"b"}']);
  assert.equal(s.pending, 0);
});

test('an append sink accepts only inserts', (t) => {
  const s = sink(setup(t), 'append');
  assert.throws(() => s.write(parseChangelog("-D[1, 'a']")), /insert-only/);
});

test('upsert: +I/+U write key and value, -U is dropped, -D writes a tombstone; keyed by murmur2 of the key', (t) => {
  const logs = setup(t);
  const s = sink(logs, 'upsert');
  s.write(parseChangelog("+I[1, 'a']\n-U[1, 'a']\n+U[1, 'b']\n-D[1, 'b']"));
  s.commit();
  const recs = all(logs);
  assert.deepEqual(recs.map((r) => [text(r.key), text(r.value)]), [['{"id":1}', '{"id":1,"v":"a"}'], ['{"id":1}', '{"id":1,"v":"b"}'], ['{"id":1}', null]]);
  assert.ok(recs.every((r) => r.partition === partitionForKey(Buffer.from('{"id":1}'), 3) && r.headers.length === 0));
});

test('retract: the op header carries the row kind byte, omitted for +I', (t) => {
  const logs = setup(t);
  const s = sink(logs, 'retract');
  s.write(parseChangelog("+I[1, 'a']\n-U[1, 'a']\n+U[1, 'b']\n-D[1, 'b']"));
  s.commit();
  const recs = all(logs).sort((a, b) => a.offset - b.offset);
  assert.deepEqual(recs.map((r) => r.headers.map((h) => [h.key, [...(h.value ?? [])]])), [[], [['op', [1]]], [['op', [2]]], [['op', [3]]]]);
  assert.deepEqual(recs.map((r) => text(r.key)), ['{"id":1}', '{"id":1}', '{"id":1}', '{"id":1}']);
});

test('retract without a key partitions by the hash of the value bytes, so +X and -X stay together', (t) => {
  const logs = setup(t, 5);
  const s = sink(logs, 'retract', false);
  s.write(parseChangelog("+I[1, 'a']\n+I[2, 'b']\n-D[1, 'a']\n-D[2, 'b']"));
  s.commit();
  for (const r of all(logs)) {
    assert.equal(r.key, null);
    assert.equal(r.partition, toPositive(murmur2(r.value ?? Buffer.alloc(0))) % 5);
  }
  const byValue = new Map<string, Set<number>>();
  for (const r of all(logs)) byValue.set(text(r.value) ?? '', (byValue.get(text(r.value) ?? '') ?? new Set()).add(r.partition));
  assert.ok([...byValue.values()].every((ps) => ps.size === 1));
});

test('the record timestamp comes from a writable timestamp column, else the log stamps append time', (t) => {
  const logs = setup(t, 1);
  const ts = new TopicSink({ logs, cluster: 'c', topic: 'out', mode: 'append', serializer: unkeyed, timestampColumn: 2 });
  ts.write(parseChangelog(`+I[1, 'a', ${T0 - 1000}]\n+I[2, 'b', null]`));
  ts.commit();
  assert.deepEqual(all(logs).map((r) => r.timestamp), [T0 - 1000, T0]);
});

test('results sink delivers op codes and formatted rows only at commit', () => {
  const delivered: ResultChange[][] = [];
  const s = new ResultsSink({ format: (row) => row.map((v) => (v === null ? null : String(v))), deliver: (c) => { delivered.push([...c]); } });
  s.write(parseChangelog("+I[1, 'a']\n-U[1, 'a']\n+U[1, null]\n-D[1, null]"));
  assert.deepEqual(delivered, []);
  s.commit(1);
  assert.deepEqual(delivered, [[{ op: 0, row: ['1', 'a'] }, { op: 1, row: ['1', 'a'] }, { op: 2, row: ['1', null] }, { op: 3, row: ['1', null] }]]);
  s.commit(2);
  assert.equal(delivered.length, 1, 'an empty commit delivers nothing');
});

test('blackhole counts written and committed changes', () => {
  const s = new BlackholeSink();
  s.write(parseChangelog('+I[1]\n+I[2]'));
  s.commit();
  s.write(parseChangelog('+I[3]'));
  s.discard();
  assert.deepEqual([s.written, s.committed, s.pending], [2, 2, 0]);
});
