/**
 * The packed binary form of a record batch: one SQLite row holds many records, which is what
 * makes appends and reads fast (one B-tree insert per batch, not per record).
 *
 * Layout, little-endian, per record (offsets are relative to the row's base offset, so
 * compaction can leave gaps inside a batch):
 *   u32 offsetDelta | f64 timestamp | i32 keyLen (-1 = null) | key | i32 valueLen (-1 = null) | value
 *   | u16 headerCount | per header: u16 keyLen | key (utf8) | i32 valueLen (-1 = null) | value
 */
import type { LogRecord, RecordHeader, TimestampType } from './types.js';

/** A record about to be packed: offset and timestamp are already assigned. */
export interface PackedRecordInput {
  readonly offset: number;
  readonly timestamp: number;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: readonly RecordHeader[];
}

const FIXED = 4 + 8 + 4 + 4 + 2;

/** Bytes one record takes in a batch; also the size max.message.bytes and retention.bytes count. */
export function packedRecordSize(key: Buffer | null, value: Buffer | null, headers: readonly RecordHeader[]): number {
  let size = FIXED + (key === null ? 0 : key.length) + (value === null ? 0 : value.length);
  for (const h of headers) size += 6 + Buffer.byteLength(h.key, 'utf8') + (h.value === null ? 0 : h.value.length);
  return size;
}

/** Packs records (ascending offsets, all ≥ baseOffset) into one blob of `totalSize` bytes. */
export function encodeBatch(baseOffset: number, records: readonly PackedRecordInput[], totalSize: number): Buffer {
  const buf = Buffer.allocUnsafe(totalSize);
  let p = 0;
  for (const r of records) {
    buf.writeUInt32LE(r.offset - baseOffset, p);
    buf.writeDoubleLE(r.timestamp, p + 4);
    p += 12;
    p = writeBytes(buf, p, r.key);
    p = writeBytes(buf, p, r.value);
    buf.writeUInt16LE(r.headers.length, p);
    p += 2;
    for (const h of r.headers) {
      const len = buf.write(h.key, p + 2, 'utf8');
      buf.writeUInt16LE(len, p);
      p = writeBytes(buf, p + 2 + len, h.value);
    }
  }
  if (p !== totalSize) throw new RangeError(`batch size mismatch: wrote ${p}, expected ${totalSize}`);
  return buf;
}

function writeBytes(buf: Buffer, p: number, b: Buffer | null): number {
  if (b === null) {
    buf.writeInt32LE(-1, p);
    return p + 4;
  }
  buf.writeInt32LE(b.length, p);
  b.copy(buf, p + 4);
  return p + 4 + b.length;
}

/**
 * Unpacks the records of a blob with offset ≥ fromOffset into `out`, at most `limit` of them.
 * Key, value and header values are views into `blob` (no copies). Returns how many were added.
 */
export function decodeBatch(blob: Buffer, opts: { baseOffset: number; partition: number; timestampType: TimestampType; fromOffset: number; limit: number }, out: LogRecord[]): number {
  const { baseOffset, partition, timestampType, fromOffset, limit } = opts;
  let p = 0;
  let added = 0;
  const end = blob.length;
  while (p < end && added < limit) {
    const offset = baseOffset + blob.readUInt32LE(p);
    if (offset < fromOffset) {
      p = skipRecord(blob, p);
      continue;
    }
    const timestamp = blob.readDoubleLE(p + 4);
    p += 12;
    const keyLen = blob.readInt32LE(p);
    p += 4;
    const key = keyLen < 0 ? null : blob.subarray(p, p + keyLen);
    if (keyLen > 0) p += keyLen;
    const valueLen = blob.readInt32LE(p);
    p += 4;
    const value = valueLen < 0 ? null : blob.subarray(p, p + valueLen);
    if (valueLen > 0) p += valueLen;
    const headerCount = blob.readUInt16LE(p);
    p += 2;
    let headers: readonly RecordHeader[] = NO_HEADERS;
    if (headerCount > 0) {
      const hs: RecordHeader[] = [];
      headers = hs;
      for (let i = 0; i < headerCount; i++) {
        const kLen = blob.readUInt16LE(p);
        const hKey = blob.toString('utf8', p + 2, p + 2 + kLen);
        p += 2 + kLen;
        const vLen = blob.readInt32LE(p);
        p += 4;
        hs.push({ key: hKey, value: vLen < 0 ? null : blob.subarray(p, p + vLen) });
        if (vLen > 0) p += vLen;
      }
    }
    out.push({ partition, offset, timestamp, timestampType, key, value, headers });
    added++;
  }
  return added;
}

/** Position after the record starting at `p`, without materialising it. */
function skipRecord(blob: Buffer, start: number): number {
  let p = start + 12;
  const keyLen = blob.readInt32LE(p);
  p += 4 + Math.max(keyLen, 0);
  const valueLen = blob.readInt32LE(p);
  p += 4 + Math.max(valueLen, 0);
  const headerCount = blob.readUInt16LE(p);
  p += 2;
  for (let i = 0; i < headerCount; i++) {
    p += 2 + blob.readUInt16LE(p);
    const vLen = blob.readInt32LE(p);
    p += 4 + Math.max(vLen, 0);
  }
  return p;
}

const NO_HEADERS: readonly RecordHeader[] = Object.freeze([]);
