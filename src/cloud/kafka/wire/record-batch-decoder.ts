/**
 * Decodes the `records` field of a Produce partition: one or more RecordBatch v2 (magic 2) with
 * varint-encoded records. Verifies each batch's CRC-32C; inflates gzip; other codecs are refused
 * (UNSUPPORTED_COMPRESSION_TYPE). Control batches (transaction markers) carry no user records.
 */
import { gunzipSync } from 'node:zlib';
import type { RecordHeader, RecordToAppend } from '../types.js';
import { ByteReader } from './byte-reader.js';
import { crc32c } from './crc32c.js';
import { WireError } from './wire-error.js';

/** Why a produced batch was refused, by Kafka error name. */
export type BatchRejection = 'CORRUPT_MESSAGE' | 'UNSUPPORTED_COMPRESSION_TYPE' | 'UNSUPPORTED_FOR_MESSAGE_FORMAT';

/** The records of a produce request's partition, or why they cannot be appended. */
export type DecodedBatches =
  | { readonly kind: 'records'; readonly records: readonly RecordToAppend[] }
  | { readonly kind: 'rejected'; readonly error: BatchRejection; readonly message: string };

/** Batch header bytes from base offset through the record count. */
const HEADER_SIZE = 61;
const COMPRESSION_NONE = 0;
const COMPRESSION_GZIP = 1;
const CODEC_NAMES = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];

/** Decodes every batch in `buf` into records ready for TopicLogStore.append. */
export function decodeRecordBatches(buf: Buffer): DecodedBatches {
  const records: RecordToAppend[] = [];
  let pos = 0;
  try {
    while (pos < buf.length) {
      if (buf.length - pos < HEADER_SIZE) return rejected('CORRUPT_MESSAGE', `record batch header truncated at byte ${pos}`);
      const batchLength = buf.readInt32BE(pos + 8);
      const end = pos + 12 + batchLength;
      if (batchLength < HEADER_SIZE - 12 || end > buf.length) return rejected('CORRUPT_MESSAGE', `record batch at byte ${pos} claims ${batchLength} bytes`);
      const magic = buf.readInt8(pos + 16);
      if (magic !== 2) return rejected('UNSUPPORTED_FOR_MESSAGE_FORMAT', `record batch magic ${magic} is not supported; use a client producing message format v2 (Kafka 0.11+)`);
      const crc = buf.readUInt32BE(pos + 17);
      const actual = crc32c(buf, pos + 21, end);
      if (crc !== actual) return rejected('CORRUPT_MESSAGE', `record batch CRC mismatch: header says ${crc}, content is ${actual}`);
      const attributes = buf.readInt16BE(pos + 21);
      const baseTimestamp = Number(buf.readBigInt64BE(pos + 27));
      const count = buf.readInt32BE(pos + 57);
      const isControl = (attributes & 0x20) !== 0;
      const codec = attributes & 0x07;
      let body = buf.subarray(pos + HEADER_SIZE, end);
      if (codec === COMPRESSION_GZIP) body = gunzipSync(body);
      else if (codec !== COMPRESSION_NONE) return rejected('UNSUPPORTED_COMPRESSION_TYPE', `compression '${CODEC_NAMES[codec] ?? codec}' is not supported by the local cloud; use none or gzip`);
      if (!isControl) readRecords(new ByteReader(body), count, baseTimestamp, records);
      pos = end;
    }
  } catch (err) {
    if (err instanceof WireError || err instanceof RangeError || isZlibError(err)) return rejected('CORRUPT_MESSAGE', (err as Error).message);
    throw err;
  }
  return { kind: 'records', records };
}

function readRecords(r: ByteReader, count: number, baseTimestamp: number, out: RecordToAppend[]): void {
  for (let i = 0; i < count; i++) {
    const length = r.varint();
    const start = r.position;
    r.int8(); // record attributes: unused by format v2
    const timestampDelta = r.varint();
    r.varint(); // offset delta: the log assigns offsets
    const key = varBytes(r);
    const value = varBytes(r);
    const headerCount = r.varint();
    const headers: RecordHeader[] = [];
    for (let h = 0; h < headerCount; h++) {
      const hk = varBytes(r);
      if (hk === null) throw new WireError('corrupt', 'record header with a null key');
      headers.push({ key: hk.toString('utf8'), value: varBytes(r) });
    }
    if (r.position - start !== length) throw new WireError('corrupt', `record ${i} is ${r.position - start} bytes but claims ${length}`);
    const rec: RecordToAppend = baseTimestamp < 0 ? { key, value, headers } : { key, value, headers, timestamp: baseTimestamp + timestampDelta };
    out.push(rec);
  }
  if (r.remaining !== 0) throw new WireError('corrupt', `${r.remaining} bytes after the last record of a batch`);
}

function varBytes(r: ByteReader): Buffer | null {
  const len = r.varint();
  return len < 0 ? null : Buffer.from(r.raw(len));
}

function rejected(error: BatchRejection, message: string): DecodedBatches {
  return { kind: 'rejected', error, message };
}

function isZlibError(err: unknown): boolean {
  return err instanceof Error && typeof (err as { errno?: unknown }).errno === 'number';
}
