/**
 * A cursor over one Kafka request body. `flexible` switches strings, bytes and arrays to their
 * compact (unsigned-varint length + 1) forms and makes `tags()` skip tagged fields, so one handler
 * reads both the classic and the flexible versions of an API.
 */
import { WireError } from './wire-error.js';

/** Reads big-endian Kafka primitives from a buffer; throws WireError past the end. */
export class ByteReader {
  readonly #buf: Buffer;
  #pos: number;
  readonly flexible: boolean;

  constructor(buf: Buffer, opts: { offset?: number; flexible?: boolean } = {}) {
    this.#buf = buf;
    this.#pos = opts.offset ?? 0;
    this.flexible = opts.flexible === true;
  }

  /** The current position. */
  get position(): number {
    return this.#pos;
  }

  /** Bytes left after the cursor. */
  get remaining(): number {
    return this.#buf.length - this.#pos;
  }

  /** The same buffer and position, read with the other string/array encoding. */
  withFlexible(flexible: boolean): ByteReader {
    return new ByteReader(this.#buf, { offset: this.#pos, flexible });
  }

  #need(n: number): number {
    const p = this.#pos;
    if (n < 0 || p + n > this.#buf.length) throw new WireError('truncated', `request ends early: needed ${n} bytes at ${p} of ${this.#buf.length}`);
    this.#pos = p + n;
    return p;
  }

  int8(): number { return this.#buf.readInt8(this.#need(1)); }
  int16(): number { return this.#buf.readInt16BE(this.#need(2)); }
  int32(): number { return this.#buf.readInt32BE(this.#need(4)); }
  uint32(): number { return this.#buf.readUInt32BE(this.#need(4)); }
  /** An int64 as a number (Kafka offsets and timestamps stay below 2^53). */
  int64(): number { return Number(this.#buf.readBigInt64BE(this.#need(8))); }
  bool(): boolean { return this.int8() !== 0; }
  uuid(): Buffer { return this.raw(16); }

  /** `n` raw bytes (a view, not a copy). */
  raw(n: number): Buffer {
    const p = this.#need(n);
    return this.#buf.subarray(p, p + n);
  }

  /** An unsigned varint (up to 64 bits, returned as a number). */
  uvarint(): number {
    let result = 0;
    let mul = 1;
    for (let i = 0; i < 10; i++) {
      const b = this.#buf[this.#need(1)] as number;
      result += (b & 0x7f) * mul;
      if ((b & 0x80) === 0) return result;
      mul *= 128;
    }
    throw new WireError('corrupt', 'varint longer than 10 bytes');
  }

  /** A zig-zag signed varint (Kafka's varint and varlong). */
  varint(): number {
    const n = this.uvarint();
    return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
  }

  string(): string {
    const s = this.nullableString();
    if (s === null) throw new WireError('corrupt', 'null where a string is required');
    return s;
  }

  nullableString(): string | null {
    const len = this.flexible ? this.uvarint() - 1 : this.int16();
    if (len < 0) return null;
    const p = this.#need(len);
    return this.#buf.toString('utf8', p, p + len);
  }

  bytes(): Buffer {
    return this.nullableBytes() ?? Buffer.alloc(0);
  }

  nullableBytes(): Buffer | null {
    const len = this.flexible ? this.uvarint() - 1 : this.int32();
    return len < 0 ? null : this.raw(len);
  }

  /** An array; a null array reads as empty. */
  array<T>(item: (r: ByteReader) => T): T[] {
    return this.nullableArray(item) ?? [];
  }

  nullableArray<T>(item: (r: ByteReader) => T): T[] | null {
    const len = this.flexible ? this.uvarint() - 1 : this.int32();
    if (len < 0) return null;
    if (len > this.remaining) throw new WireError('corrupt', `array of ${len} elements in ${this.remaining} bytes`);
    const out: T[] = new Array<T>(len);
    for (let i = 0; i < len; i++) out[i] = item(this);
    return out;
  }

  /** Skips a tagged-field section in flexible versions (none of the ones we read carry meaning for us). */
  tags(): void {
    if (this.flexible) this.skipTaggedFields();
  }

  /** Skips a tagged-field section regardless of `flexible` (request header v2). */
  skipTaggedFields(): void {
    const count = this.uvarint();
    for (let i = 0; i < count; i++) {
      this.uvarint();
      this.#need(this.uvarint());
    }
  }
}
