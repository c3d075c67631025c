/**
 * CloudClient: the inside commands' HTTP client for one cloud (control plane, Kafka REST, Schema
 * Registry). Adds HTTP Basic credentials, follows `metadata.next` pages, and turns failures into
 * InsideErrors that carry the cloud's own message (`errors[].detail` or `message`).
 */
import { InsideError } from './inside-error.js';
import { asArray, asObject, at, num, str } from './json-fields.js';
import type { Connection } from './types.js';

/** Options of one request. */
export interface RequestOptions {
  readonly query?: { readonly [k: string]: string | undefined };
  readonly body?: unknown;
  readonly contentType?: string;
}

/** An HTTP answer with its parsed body (JSON, or the text when it is not JSON). */
export interface Reply {
  readonly status: number;
  readonly body: unknown;
}

/** HTTP client for one cloud. */
export class CloudClient {
  readonly #base: string;
  readonly #auth: string | undefined;

  constructor(conn: Connection) {
    this.#base = conn.url.replace(/\/+$/, '');
    this.#auth = conn.credentials === undefined ? undefined : `Basic ${Buffer.from(`${conn.credentials.key}:${conn.credentials.secret}`).toString('base64')}`;
  }

  /** The base URL. */
  get url(): string {
    return this.#base;
  }

  /** Sends a request (`target` is a path under the base URL or an absolute URL); never throws on 4xx/5xx. */
  async send(method: string, target: string, opts: RequestOptions = {}): Promise<Reply> {
    const url = new URL(/^https?:\/\//.test(target) ? target : `${this.#base}${target}`);
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.#auth !== undefined) headers['authorization'] = this.#auth;
    let payload: string | undefined;
    if (opts.body !== undefined) {
      headers['content-type'] = opts.contentType ?? 'application/json';
      payload = JSON.stringify(opts.body);
    }
    let res: Response;
    try {
      res = await fetch(url, payload === undefined ? { method, headers } : { method, headers, body: payload });
    } catch (e) {
      const cause = asObject(asObject(e)['cause']);
      const why = typeof cause['code'] === 'string' ? cause['code'] : e instanceof Error ? e.message : String(e);
      throw new InsideError('cloud-unreachable', `Cannot reach the cloud at ${this.#base} (${why}).`, {
        detail: 'Start the local cloud with `streamform cloud start --background`, or point --url / STREAMFORM_CLOUD_URL at a running one.',
      });
    }
    const text = await res.text();
    let body: unknown = text;
    if (text !== '') {
      try { body = JSON.parse(text) as unknown; } catch { body = text; }
    }
    return { status: res.status, body };
  }

  /** Sends a request and returns the body of a 2xx answer; otherwise throws an InsideError. */
  async ok(method: string, target: string, opts: RequestOptions = {}): Promise<unknown> {
    const r = await this.send(method, target, opts);
    if (r.status >= 200 && r.status < 300) return r.body;
    throw failure(r, `${method} ${target}`);
  }

  /** GETs every page of a control-plane list (`data` + `metadata.next`). */
  async list(path: string, query: { readonly [k: string]: string | undefined } = {}): Promise<unknown[]> {
    const out: unknown[] = [];
    let next: string | undefined = undefined;
    let first = true;
    // Bounded by the cloud's paging; a `next` equal to the current page would loop, so stop then.
    const seen = new Set<string>();
    while (first || next !== undefined) {
      const body: unknown = first ? await this.ok('GET', path, { query: { ...query, page_size: '100' } }) : await this.ok('GET', next ?? '');
      first = false;
      out.push(...asArray(asObject(body)['data']));
      const n = at(body, 'metadata.next');
      next = typeof n === 'string' && n !== '' && !seen.has(n) ? n : undefined;
      if (next !== undefined) seen.add(next);
    }
    return out;
  }
}

/** The InsideError for a failed answer, with the cloud's message. */
export function failure(r: Reply, what: string): InsideError {
  const first = asArray(asObject(r.body)['errors'])[0];
  const message = str(first, 'detail') || str(r.body, 'message') || (typeof r.body === 'string' && r.body !== '' ? r.body : `${what} failed`);
  const code = str(first, 'code') || num(r.body, 'error_code');
  if (r.status === 401) {
    return new InsideError('cloud-unauthorized', `The cloud refused the request: ${message}`, {
      status: r.status, detail: 'Pass --api-key KEY:SECRET, or set STREAMFORM_API_KEY (KEY:SECRET) or CONFLUENT_CLOUD_API_KEY and CONFLUENT_CLOUD_API_SECRET.',
      ...(code === undefined || code === '' ? {} : { errorCode: code }),
    });
  }
  return new InsideError('cloud-request-failed', message, { status: r.status, ...(code === undefined || code === '' ? {} : { errorCode: code }) });
}
