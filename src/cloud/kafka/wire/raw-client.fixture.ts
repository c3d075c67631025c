/**
 * Test fixture (not a test): a bare Kafka client for protocol tests — frames out, frames in,
 * nothing known beyond the request header, so tests spell out each version's fields themselves.
 */
import net from 'node:net';
import { ByteReader } from './byte-reader.js';
import { ByteWriter } from './byte-writer.js';

/** A bare Kafka client: frames out, frames in, no protocol knowledge beyond the header. */
export class RawClient {
  readonly #socket: net.Socket;
  #buf = Buffer.alloc(0);
  readonly #frames: Buffer[] = [];
  #waiter: ((f: Buffer | 'closed') => void) | undefined;
  #closed = false;
  #correlation = 1000;

  private constructor(socket: net.Socket) {
    this.#socket = socket;
    socket.on('data', (d: Buffer) => {
      this.#buf = Buffer.concat([this.#buf, d]);
      while (this.#buf.length >= 4 && this.#buf.length >= 4 + this.#buf.readInt32BE(0)) {
        const size = this.#buf.readInt32BE(0);
        this.#deliver(this.#buf.subarray(4, 4 + size));
        this.#buf = this.#buf.subarray(4 + size);
      }
    });
    socket.on('close', () => { this.#closed = true; this.#waiter?.('closed'); });
  }

  static connect(port: number): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const s = net.connect(port, '127.0.0.1', () => resolve(new RawClient(s)));
      s.once('error', reject);
    });
  }

  #deliver(f: Buffer): void {
    const w = this.#waiter;
    this.#waiter = undefined;
    if (w !== undefined) w(f);
    else this.#frames.push(f);
  }

  /** Sends a request with header v1 (or v2 when `flexible`). */
  send(apiKey: number, version: number, correlationId: number, body: (w: ByteWriter) => void, flexible = false): void {
    const w = new ByteWriter();
    w.int32(0).int16(apiKey).int16(version).int32(correlationId).nullableString('raw');
    if (flexible) w.uvarint(0);
    const bw = new ByteWriter({ flexible });
    body(bw);
    w.raw(bw.toBuffer());
    const frame = Buffer.from(w.toBuffer());
    frame.writeInt32BE(frame.length - 4, 0);
    this.#socket.write(frame);
  }

  next(): Promise<Buffer | 'closed'> {
    const f = this.#frames.shift();
    if (f !== undefined) return Promise.resolve(f);
    if (this.#closed) return Promise.resolve('closed');
    return new Promise((resolve) => { this.#waiter = resolve; });
  }

  /**
   * Sends one request and returns its response body: checks the correlation id and, for
   * flexible versions, reads the response header's tagged fields.
   */
  async call(apiKey: number, version: number, flexible: boolean, body: (w: ByteWriter) => void): Promise<ByteReader> {
    const id = ++this.#correlation;
    this.send(apiKey, version, id, body, flexible);
    const f = await this.next();
    if (f === 'closed') throw new Error(`connection closed instead of answering api ${apiKey} v${version}`);
    const r = new ByteReader(f, { flexible });
    const got = r.int32();
    if (got !== id) throw new Error(`correlation id ${got}, expected ${id}`);
    if (flexible) r.skipTaggedFields();
    return r;
  }

  close(): void {
    this.#socket.destroy();
  }
}
