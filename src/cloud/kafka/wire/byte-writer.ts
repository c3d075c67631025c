/**
 * A growable big-endian buffer for Kafka responses and record batches. `flexible` mirrors
 * ByteReader: compact strings, bytes and arrays plus an (empty) tagged-field section per struct.
 */

/** Writes Kafka primitives into a buffer that doubles as it fills. */
export class ByteWriter {
  #buf: Buffer;
  #pos = 0;
  readonly flexible: boolean;

  constructor(opts: { flexible?: boolean; capacity?: number } = {}) {
    this.#buf = Buffer.allocUnsafe(opts.capacity ?? 256);
    this.flexible = opts.flexible === true;
  }

  /** Bytes written so far. */
  get length(): number {
    return this.#pos;
  }

  /** The written bytes (a view into the writer's buffer). */
  toBuffer(): Buffer {
    return this.#buf.subarray(0, this.#pos);
  }

  #room(n: number): number {
    const p = this.#pos;
    if (p + n > this.#buf.length) {
      const next = Buffer.allocUnsafe(Math.max(this.#buf.length * 2, p + n));
      this.#buf.copy(next, 0, 0, p);
      this.#buf = next;
    }
    this.#pos = p + n;
    return p;
  }

  int8(v: number): this { const p = this.#room(1); this.#buf.writeInt8(v, p); return this; }
  int16(v: number): this { const p = this.#room(2); this.#buf.writeInt16BE(v, p); return this; }
  int32(v: number): this { const p = this.#room(4); this.#buf.writeInt32BE(v, p); return this; }
  uint32(v: number): this { const p = this.#room(4); this.#buf.writeUInt32BE(v, p); return this; }
  int64(v: number): this { const p = this.#room(8); this.#buf.writeBigInt64BE(BigInt(v), p); return this; }
  bool(v: boolean): this { return this.int8(v ? 1 : 0); }

  /** Raw bytes. */
  raw(b: Uint8Array): this {
    const p = this.#room(b.length);
    this.#buf.set(b, p);
    return this;
  }

  uvarint(v: number): this {
    let n = v;
    while (n >= 0x80) {
      const p = this.#room(1);
      this.#buf[p] = (n % 128) | 0x80;
      n = Math.floor(n / 128);
    }
    const p = this.#room(1);
    this.#buf[p] = n;
    return this;
  }

  /** A zig-zag signed varint / varlong. */
  varint(v: number): this {
    return this.uvarint(v >= 0 ? v * 2 : -v * 2 - 1);
  }

  string(s: string): this {
    return this.nullableString(s);
  }

  nullableString(s: string | null): this {
    if (s === null) return this.flexible ? this.uvarint(0) : this.int16(-1);
    const len = Buffer.byteLength(s, 'utf8');
    if (this.flexible) this.uvarint(len + 1);
    else this.int16(len);
    const p = this.#room(len);
    this.#buf.write(s, p, len, 'utf8');
    return this;
  }

  bytes(b: Uint8Array): this {
    return this.nullableBytes(b);
  }

  nullableBytes(b: Uint8Array | null): this {
    if (b === null) return this.flexible ? this.uvarint(0) : this.int32(-1);
    if (this.flexible) this.uvarint(b.length + 1);
    else this.int32(b.length);
    return this.raw(b);
  }

  array<T>(items: readonly T[], item: (w: this, x: T) => void): this {
    if (this.flexible) this.uvarint(items.length + 1);
    else this.int32(items.length);
    for (const x of items) item(this, x);
    return this;
  }

  nullableArray<T>(items: readonly T[] | null, item: (w: this, x: T) => void): this {
    if (items === null) return this.flexible ? this.uvarint(0) : this.int32(-1);
    return this.array(items, item);
  }

  /** An empty tagged-field section, in flexible versions only. */
  tags(): this {
    return this.flexible ? this.uvarint(0) : this;
  }

  /** Reserves 4 bytes to fill later with `patchInt32`/`patchUint32`; returns their position. */
  reserve32(): number {
    return this.#room(4);
  }

  patchInt32(at: number, v: number): void { this.#buf.writeInt32BE(v, at); }
  patchUint32(at: number, v: number): void { this.#buf.writeUInt32BE(v, at); }

  /** The underlying bytes from `start` to the current end (for checksums). */
  slice(start: number): Buffer {
    return this.#buf.subarray(start, this.#pos);
  }
}

/** Bytes an unsigned varint of `v` takes. */
export function uvarintSize(v: number): number {
  let n = 1;
  let x = v;
  while (x >= 0x80) {
    x = Math.floor(x / 128);
    n++;
  }
  return n;
}

/** Bytes a zig-zag varint of `v` takes. */
export function varintSize(v: number): number {
  return uvarintSize(v >= 0 ? v * 2 : -v * 2 - 1);
}
