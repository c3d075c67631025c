/**
 * The Confluent wire format: magic byte 0, the schema id as a 4-byte big-endian integer, for
 * Protobuf a message-index list (zig-zag varints: count, then the path; `[0]` abbreviated to the
 * single byte 0x00), then the payload.
 */

/** The first byte of every framed record. */
export const MAGIC_BYTE = 0;

/** Why a buffer is not a framed record. */
export class WireFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WireFormatError';
  }
}

/** A decoded frame header. */
export interface FrameHeader {
  readonly schemaId: number;
  /** Protobuf message-index path (only read when asked for). */
  readonly messageIndexes: readonly number[];
  /** Where the payload starts. */
  readonly payloadOffset: number;
}

/** Builds the header (magic, id, and for Protobuf the message indexes). */
export function encodeHeader(schemaId: number, messageIndexes?: readonly number[]): Buffer {
  const head = Buffer.alloc(5);
  head[0] = MAGIC_BYTE;
  head.writeInt32BE(schemaId, 1);
  if (messageIndexes === undefined) return head;
  return Buffer.concat([head, encodeMessageIndexes(messageIndexes)]);
}

/** Encodes a message-index path; `[0]` becomes the single byte 0x00 like Confluent's serializers. */
export function encodeMessageIndexes(indexes: readonly number[]): Buffer {
  if (indexes.length === 1 && indexes[0] === 0) return Buffer.from([0]);
  const bytes: number[] = [];
  writeZigZag(indexes.length, bytes);
  for (const i of indexes) writeZigZag(i, bytes);
  return Buffer.from(bytes);
}

/** Frames a payload. */
export function frame(schemaId: number, payload: Uint8Array, messageIndexes?: readonly number[]): Buffer {
  return Buffer.concat([encodeHeader(schemaId, messageIndexes), payload]);
}

/** The message indexes of a non-Protobuf frame (shared, never mutated). */
const NO_INDEXES: readonly number[] = [];

/**
 * Reads a header. With `protobuf`, also reads the message-index list. `lenient` accepts Protobuf
 * payloads framed without the list (as some clients write them): a first byte ≥ 0x08 cannot start
 * an index list of fewer than four entries but is a valid field tag, so it is read as `[0]`.
 */
export function decodeHeader(buf: Uint8Array, opts: { protobuf?: boolean; lenient?: boolean } = {}): FrameHeader {
  if (buf.length < 5) throw new WireFormatError(`record of ${buf.length} bytes is too short for the Confluent wire format (5-byte header)`);
  if (buf[0] !== MAGIC_BYTE) throw new WireFormatError(`unknown magic byte ${buf[0] ?? -1} (expected 0)`);
  // Big-endian int32 from the bytes (no Buffer view per record: this runs for every record read).
  const schemaId = (((buf[1] as number) << 24) | ((buf[2] as number) << 16) | ((buf[3] as number) << 8) | (buf[4] as number)) | 0;
  if (opts.protobuf !== true) return { schemaId, messageIndexes: NO_INDEXES, payloadOffset: 5 };
  const first = buf[5];
  if (first === undefined || first === 0) return { schemaId, messageIndexes: [0], payloadOffset: first === undefined ? 5 : 6 };
  if (opts.lenient === true && first >= 0x08) return { schemaId, messageIndexes: [0], payloadOffset: 5 };
  const pos = { at: 5 };
  const count = readZigZag(buf, pos);
  if (count < 0 || count > 64) throw new WireFormatError(`invalid Protobuf message-index count ${count}`);
  const indexes: number[] = [];
  for (let i = 0; i < count; i++) indexes.push(readZigZag(buf, pos));
  return { schemaId, messageIndexes: indexes, payloadOffset: pos.at };
}

function writeZigZag(n: number, out: number[]): void {
  let v = ((n << 1) ^ (n >> 31)) >>> 0;
  while (v > 0x7f) {
    out.push((v & 0x7f) | 0x80);
    v >>>= 7;
  }
  out.push(v);
}

function readZigZag(buf: Uint8Array, pos: { at: number }): number {
  let v = 0;
  let shift = 0;
  for (;;) {
    const b = buf[pos.at++];
    if (b === undefined) throw new WireFormatError('truncated Protobuf message-index varint');
    v |= (b & 0x7f) << shift;
    if ((b & 0x80) === 0) break;
    shift += 7;
    if (shift > 28) throw new WireFormatError('Protobuf message-index varint too long');
  }
  v >>>= 0;
  return (v >>> 1) ^ -(v & 1);
}
