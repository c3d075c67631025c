/**
 * Encodes stored records as RecordBatch v2 for Fetch responses: one batch per run of records that
 * share a timestamp type (and, under LogAppendTime, a timestamp, because clients take every
 * record's time from the batch's max timestamp there). Offsets may have gaps (compaction).
 */
import type { LogRecord } from '../types.js';
import { ByteWriter, varintSize } from './byte-writer.js';
import { crc32c } from './crc32c.js';

/** Bytes a record adds to a batch, near enough for fetch size budgets. */
export function approximateRecordSize(r: LogRecord): number {
  let size = 24 + (r.key?.length ?? 0) + (r.value?.length ?? 0);
  for (const h of r.headers) size += 10 + h.key.length + (h.value?.length ?? 0);
  return size;
}

/** Writes `records` (ascending offsets, non-empty) as one or more batches into `w`. */
export function encodeRecordBatches(w: ByteWriter, records: readonly LogRecord[]): void {
  let start = 0;
  for (let i = 1; i <= records.length; i++) {
    const prev = records[i - 1] as LogRecord;
    const cur = records[i];
    const split = cur === undefined || cur.timestampType !== prev.timestampType || (cur.timestampType === 'LogAppendTime' && cur.timestamp !== prev.timestamp);
    if (split) {
      encodeBatch(w, records.slice(start, i));
      start = i;
    }
  }
}

function encodeBatch(w: ByteWriter, records: readonly LogRecord[]): void {
  const first = records[0] as LogRecord;
  const last = records[records.length - 1] as LogRecord;
  let maxTimestamp = first.timestamp;
  for (const r of records) if (r.timestamp > maxTimestamp) maxTimestamp = r.timestamp;
  w.int64(first.offset);
  const lengthAt = w.reserve32();
  w.int32(0); // partition leader epoch
  w.int8(2); // magic
  const crcAt = w.reserve32();
  const crcFrom = w.length;
  w.int16(first.timestampType === 'LogAppendTime' ? 0x08 : 0);
  w.int32(last.offset - first.offset);
  w.int64(first.timestamp);
  w.int64(maxTimestamp);
  w.int64(-1); // producer id
  w.int16(-1); // producer epoch
  w.int32(-1); // base sequence
  w.int32(records.length);
  for (const r of records) writeRecord(w, r, first.offset, first.timestamp);
  w.patchInt32(lengthAt, w.length - lengthAt - 4);
  w.patchUint32(crcAt, crc32c(w.slice(crcFrom)));
}

function writeRecord(w: ByteWriter, r: LogRecord, baseOffset: number, baseTimestamp: number): void {
  const tsDelta = r.timestamp - baseTimestamp;
  const offDelta = r.offset - baseOffset;
  let size = 1 + varintSize(tsDelta) + varintSize(offDelta) + bytesSize(r.key) + bytesSize(r.value) + varintSize(r.headers.length);
  const headerKeys: Buffer[] = [];
  for (const h of r.headers) {
    const k = Buffer.from(h.key, 'utf8');
    headerKeys.push(k);
    size += bytesSize(k) + bytesSize(h.value);
  }
  w.varint(size);
  w.int8(0);
  w.varint(tsDelta);
  w.varint(offDelta);
  writeVarBytes(w, r.key);
  writeVarBytes(w, r.value);
  w.varint(r.headers.length);
  r.headers.forEach((h, i) => {
    writeVarBytes(w, headerKeys[i] ?? null);
    writeVarBytes(w, h.value);
  });
}

function bytesSize(b: Uint8Array | null): number {
  return b === null ? 1 : varintSize(b.length) + b.length;
}

function writeVarBytes(w: ByteWriter, b: Uint8Array | null): void {
  if (b === null) {
    w.varint(-1);
    return;
  }
  w.varint(b.length);
  w.raw(b);
}
