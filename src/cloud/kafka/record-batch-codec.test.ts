import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeBatch, encodeBatch, packedRecordSize, type PackedRecordInput } from './record-batch-codec.js';
import type { LogRecord } from './types.js';

const records: PackedRecordInput[] = [
  { offset: 10, timestamp: 1_700_000_000_123, key: Buffer.from('k'), value: Buffer.from('hello'), headers: [] },
  { offset: 12, timestamp: 5, key: null, value: null, headers: [{ key: 'op', value: Buffer.from([3]) }, { key: 'ünï', value: null }] },
  { offset: 13, timestamp: 6, key: Buffer.alloc(0), value: Buffer.alloc(0), headers: [] },
];

test('a packed batch round-trips keys, values, nulls, empties, headers and offset gaps', () => {
  const size = records.reduce((n, r) => n + packedRecordSize(r.key, r.value, r.headers), 0);
  const blob = encodeBatch(10, records, size);
  assert.equal(blob.length, size);
  const out: LogRecord[] = [];
  decodeBatch(blob, { baseOffset: 10, partition: 2, timestampType: 'CreateTime', fromOffset: 0, limit: 100 }, out);
  assert.deepEqual(out.map((r) => ({ offset: r.offset, timestamp: r.timestamp, key: r.key?.toString('hex') ?? null, value: r.value?.toString('hex') ?? null, headers: r.headers.map((h) => [h.key, h.value?.toString('hex') ?? null]) })), [
    { offset: 10, timestamp: 1_700_000_000_123, key: '6b', value: '68656c6c6f', headers: [] },
    { offset: 12, timestamp: 5, key: null, value: null, headers: [['op', '03'], ['ünï', null]] },
    { offset: 13, timestamp: 6, key: '', value: '', headers: [] },
  ]);
  assert.ok(out.every((r) => r.partition === 2));
});

test('decode starts at fromOffset and stops at limit', () => {
  const size = records.reduce((n, r) => n + packedRecordSize(r.key, r.value, r.headers), 0);
  const out: LogRecord[] = [];
  assert.equal(decodeBatch(encodeBatch(10, records, size), { baseOffset: 10, partition: 0, timestampType: 'LogAppendTime', fromOffset: 11, limit: 1 }, out), 1);
  assert.deepEqual(out.map((r) => [r.offset, r.timestampType]), [[12, 'LogAppendTime']]);
});
