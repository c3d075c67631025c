import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import type { LogRecord } from '../types.js';
import { ByteWriter } from './byte-writer.js';
import { crc32c } from './crc32c.js';
import { decodeRecordBatches } from './record-batch-decoder.js';
import { encodeRecordBatches } from './record-batch-encoder.js';

function rec(offset: number, timestamp: number, extra: Partial<LogRecord> = {}): LogRecord {
  return { partition: 0, offset, timestamp, timestampType: 'CreateTime', key: Buffer.from(`k${offset}`), value: Buffer.from(`v${offset}`), headers: [], ...extra };
}

function encode(records: readonly LogRecord[]): Buffer {
  const w = new ByteWriter();
  encodeRecordBatches(w, records);
  return Buffer.from(w.toBuffer());
}

/** Base offsets of the batches in `buf`. */
function baseOffsets(buf: Buffer): number[] {
  const out: number[] = [];
  for (let p = 0; p < buf.length; p += 12 + buf.readInt32BE(p + 8)) out.push(Number(buf.readBigInt64BE(p)));
  return out;
}

function recrc(batch: Buffer): void {
  batch.writeUInt32BE(crc32c(batch, 21, batch.length), 17);
}

test('crc32c matches the Castagnoli check value', () => {
  assert.equal(crc32c(Buffer.from('123456789')), 0xe3069283);
});

test('encoded batches decode back to the same keys, values, headers and timestamps', () => {
  const records = [
    rec(5, 1_700_000_000_000, { headers: [{ key: 'h', value: Buffer.from('x') }, { key: 'h', value: null }] }),
    rec(7, 1_699_999_999_000, { key: null }),
    rec(8, 1_700_000_000_500, { value: null }),
  ];
  const buf = encode(records);
  assert.deepEqual(baseOffsets(buf), [5]);
  assert.equal(buf.readInt32BE(23), 3, 'last offset delta spans the compaction gap');
  const decoded = decodeRecordBatches(buf);
  assert.equal(decoded.kind, 'records');
  if (decoded.kind !== 'records') return;
  assert.deepEqual(decoded.records.map((r) => [r.key?.toString() ?? null, r.value?.toString() ?? null, r.timestamp]), [['k5', 'v5', 1_700_000_000_000], [null, 'v7', 1_699_999_999_000], ['k8', null, 1_700_000_000_500]]);
  assert.deepEqual(decoded.records[0]?.headers?.map((h) => [h.key, h.value?.toString() ?? null]), [['h', 'x'], ['h', null]]);
});

test('LogAppendTime records get one batch per timestamp (clients read the batch max timestamp)', () => {
  const buf = encode([rec(0, 10), rec(1, 10, { timestampType: 'LogAppendTime' }), rec(2, 10, { timestampType: 'LogAppendTime' }), rec(3, 20, { timestampType: 'LogAppendTime' })]);
  assert.deepEqual(baseOffsets(buf), [0, 1, 3]);
  assert.equal(buf.readInt16BE(21) & 0x08, 0);
});

test('a flipped byte fails the CRC check as CORRUPT_MESSAGE', () => {
  const buf = encode([rec(0, 1)]);
  buf[buf.length - 2] = (buf[buf.length - 2] ?? 0) ^ 0xff;
  const decoded = decodeRecordBatches(buf);
  assert.equal(decoded.kind === 'rejected' ? decoded.error : 'accepted', 'CORRUPT_MESSAGE');
});

test('gzip batches are inflated; snappy is refused with UNSUPPORTED_COMPRESSION_TYPE', () => {
  const plain = encode([rec(0, 1), rec(1, 2)]);
  const body = gzipSync(plain.subarray(61));
  const gz = Buffer.concat([plain.subarray(0, 61), body]);
  gz.writeInt32BE(gz.length - 12, 8);
  gz.writeInt16BE(1, 21);
  recrc(gz);
  const decoded = decodeRecordBatches(gz);
  assert.deepEqual(decoded.kind === 'records' ? decoded.records.map((r) => r.value?.toString()) : decoded, ['v0', 'v1']);
  gz.writeInt16BE(2, 21);
  recrc(gz);
  const snappy = decodeRecordBatches(gz);
  assert.equal(snappy.kind === 'rejected' ? snappy.error : 'accepted', 'UNSUPPORTED_COMPRESSION_TYPE');
});

test('message format v0/v1 (magic < 2) is refused', () => {
  const buf = encode([rec(0, 1)]);
  buf.writeInt8(1, 16);
  const decoded = decodeRecordBatches(buf);
  assert.equal(decoded.kind === 'rejected' ? decoded.error : 'accepted', 'UNSUPPORTED_FOR_MESSAGE_FORMAT');
});

test('a record whose length disagrees with its content is CORRUPT_MESSAGE, not a crash', () => {
  const buf = encode([rec(0, 1)]);
  buf.writeInt8(buf.readInt8(61) + 2, 61);
  recrc(buf);
  const decoded = decodeRecordBatches(buf);
  assert.equal(decoded.kind === 'rejected' ? decoded.error : 'accepted', 'CORRUPT_MESSAGE');
});
