/**
 * One client connection: splits the byte stream into size-prefixed frames, decodes request
 * headers (v1, or v2 with tagged fields for flexible versions), runs handlers and writes the
 * responses strictly in request order (a Fetch that waits holds back later answers, as Kafka's
 * in-order guarantee requires). Handlers run as frames arrive, so side effects keep request order.
 */
import type { Socket } from 'node:net';
import { invariant } from '../../../shared/index.js';
import { API, apiRange } from './api-keys.js';
import { HANDLERS } from './api-handlers.js';
import { apiVersionsBody } from './api-versions-handler.js';
import { ByteReader } from './byte-reader.js';
import { ERR } from './error-codes.js';
import { checkPlainToken } from './sasl-handler.js';
import { WireError } from './wire-error.js';
import type { BrokerAddress, ConnectionInfo, WireResponse, WireServices, WireSession } from './types.js';

/** Kafka's socket.request.max.bytes default. */
const MAX_FRAME = 100 * 1024 * 1024;

class ConnectionSession implements WireSession {
  readonly broker: BrokerAddress;
  #info: ConnectionInfo;
  readonly #resolve: (conn: ConnectionInfo) => string | undefined;
  #rawSasl = false;
  /** The resolved cluster, for the current `#info` (resolution may read the control plane). */
  #cluster: string | undefined;

  constructor(broker: BrokerAddress, info: ConnectionInfo, resolve: (conn: ConnectionInfo) => string | undefined) {
    this.broker = broker;
    this.#info = info;
    this.#resolve = resolve;
  }

  get info(): ConnectionInfo { return this.#info; }
  cluster(): string | undefined {
    // Only a found cluster is kept: one created after the connection opened is seen next time.
    this.#cluster ??= this.#resolve(this.#info);
    return this.#cluster;
  }
  authenticated(username: string): void {
    this.#info = { ...this.#info, username };
    this.#cluster = undefined;
  }
  expectRawSaslToken(): void { this.#rawSasl = true; }
  setClientId(clientId: string | null): void {
    if (clientId !== this.#info.clientId) {
      this.#info = { ...this.#info, clientId };
      this.#cluster = undefined;
    }
  }

  /** True once, right after a SaslHandshake v0. */
  takeRawSasl(): boolean {
    const r = this.#rawSasl;
    this.#rawSasl = false;
    return r;
  }
}

/** Serves Kafka requests on one socket. */
export class WireConnection {
  readonly #socket: Socket;
  readonly #services: WireServices;
  readonly #session: ConnectionSession;
  #buf: Buffer = Buffer.alloc(0);
  #tail: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(socket: Socket, services: WireServices, opts: { broker: BrokerAddress; clusterId: (conn: ConnectionInfo) => string | undefined }) {
    this.#socket = socket;
    this.#services = services;
    this.#session = new ConnectionSession(opts.broker, { clientId: null, remoteAddress: socket.remoteAddress ?? '' }, opts.clusterId);
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.#onData(chunk));
    socket.on('error', (err) => services.logger.debug?.('kafka connection error', { error: err.message }));
    socket.on('close', () => { this.#closed = true; });
  }

  #onData(chunk: Buffer): void {
    this.#buf = this.#buf.length === 0 ? chunk : Buffer.concat([this.#buf, chunk]);
    let off = 0;
    while (!this.#closed && this.#buf.length - off >= 4) {
      const size = this.#buf.readInt32BE(off);
      if (size < 0 || size > MAX_FRAME) {
        this.#fail(new WireError('corrupt', `frame of ${size} bytes exceeds the ${MAX_FRAME}-byte limit`));
        return;
      }
      if (this.#buf.length - off - 4 < size) break;
      const frame = this.#buf.subarray(off + 4, off + 4 + size);
      off += 4 + size;
      this.#onFrame(frame);
    }
    this.#buf = off === this.#buf.length ? Buffer.alloc(0) : this.#buf.subarray(off);
  }

  #onFrame(frame: Buffer): void {
    try {
      if (this.#session.takeRawSasl()) {
        this.#rawSaslToken(frame);
        return;
      }
      const r = new ByteReader(frame);
      const apiKey = r.int16();
      const apiVersion = r.int16();
      const correlationId = r.int32();
      const clientId = r.nullableString();
      this.#session.setClientId(clientId);
      const range = apiRange(apiKey);
      if (apiKey === API.ApiVersions && (range === undefined || apiVersion > range.max)) {
        this.#enqueue(correlationId, false, { kind: 'reply', body: apiVersionsBody(0, ERR.UNSUPPORTED_VERSION) });
        return;
      }
      if (range === undefined || apiVersion < range.min || apiVersion > range.max) {
        const what = range === undefined ? `unknown API key ${apiKey}` : `${range.name} v${apiVersion} (supported: v${range.min}–v${range.max})`;
        this.#services.logger.warn('kafka request not supported; closing the connection', { request: what, clientId });
        this.#tail = this.#tail.then(() => this.#end());
        return;
      }
      const flexible = apiVersion >= range.flexibleFrom;
      if (flexible) r.skipTaggedFields();
      const handler = HANDLERS.get(apiKey);
      invariant(handler !== undefined, `every advertised API key has a handler (${apiKey})`);
      const result = handler({ apiKey, apiVersion, correlationId, clientId, body: r.withFlexible(flexible), session: this.#session, services: this.#services });
      this.#enqueue(correlationId, flexible && apiKey !== API.ApiVersions, result);
    } catch (err) {
      this.#fail(err);
    }
  }

  /** SaslHandshake v0: the token arrives bare and success is an empty bare frame. */
  #rawSaslToken(frame: Buffer): void {
    const outcome = checkPlainToken(this.#services, this.#session, frame);
    this.#tail = this.#tail.then(() => {
      if (this.#closed) return;
      if (outcome.ok) this.#socket.write(Buffer.alloc(4));
      else this.#end();
    });
  }

  #enqueue(correlationId: number, headerFlexible: boolean, result: WireResponse | Promise<WireResponse>): void {
    const pending = Promise.resolve(result);
    pending.catch(() => undefined); // observed below, in order; this only avoids an early unhandled-rejection report
    this.#tail = this.#tail.then(async () => {
      let res: WireResponse;
      try {
        res = await pending;
      } catch (err) {
        this.#fail(err);
        return;
      }
      if (this.#closed || res.kind === 'none') return;
      this.#write(correlationId, headerFlexible, res.body.toBuffer());
      if (res.closeAfter === true) this.#end();
    });
  }

  #write(correlationId: number, headerFlexible: boolean, body: Buffer): void {
    const headerSize = headerFlexible ? 5 : 4;
    const head = Buffer.allocUnsafe(4 + headerSize);
    head.writeInt32BE(headerSize + body.length, 0);
    head.writeInt32BE(correlationId, 4);
    if (headerFlexible) head[8] = 0;
    this.#socket.cork();
    this.#socket.write(head);
    this.#socket.write(body);
    this.#socket.uncork();
  }

  #fail(err: unknown): void {
    if (err instanceof WireError) this.#services.logger.warn('malformed kafka request; closing the connection', { error: err.message });
    else this.#services.logger.error('kafka request failed; closing the connection', { error: err instanceof Error ? err.stack ?? err.message : String(err) });
    this.#closed = true;
    this.#socket.destroy();
  }

  #end(): void {
    this.#closed = true;
    this.#socket.end();
  }
}
