/**
 * The provider's only way out: a fetch-based JSON client for Confluent Cloud's REST shapes.
 * HTTP Basic auth from the target's credentials, retries with backoff on 429/5xx and connection
 * errors (up to max_retries), and every failure turned into a Diagnostic naming method, path,
 * status and the server's own detail (all three Confluent error envelopes are understood).
 */
import { DiagnosticsError, errorDiag } from '../../../shared/index.js';
import type { Target } from './types.js';
import { backoffDelay, sleep } from './backoff.js';

/** The HTTP methods the Confluent APIs use. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A successful (or explicitly accepted) response. */
export interface HttpResult {
  readonly status: number;
  /** Parsed JSON body, or undefined when empty. */
  readonly body: unknown;
}

/** Per-request options of HttpClient.send. */
export interface SendOptions {
  readonly body?: unknown;
  readonly query?: { readonly [name: string]: string | undefined };
  /** Non-2xx statuses returned as results instead of failing (e.g. 404 on read). */
  readonly accept?: readonly number[];
  readonly signal?: AbortSignal;
  /** Content type of the body; JSON by default. */
  readonly contentType?: string;
}

/** Client-wide options: retries and User-Agent. */
export interface HttpClientOptions {
  readonly maxRetries: number;
  readonly userAgent: string;
}

/** JSON over HTTP with retries; stateless apart from its options. */
export class HttpClient {
  readonly #options: HttpClientOptions;
  constructor(options: HttpClientOptions) {
    this.#options = options;
  }

  /** Sends one request to `target.baseUrl + path`; throws DiagnosticsError on failure. */
  async send(target: Target, method: HttpMethod, path: string, opts: SendOptions = {}): Promise<HttpResult> {
    const url = buildUrl(target.baseUrl, path, opts.query);
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': this.#options.userAgent };
    if (target.credentials !== undefined) {
      headers.authorization = `Basic ${Buffer.from(`${target.credentials.key}:${target.credentials.secret}`).toString('base64')}`;
    }
    let payload: string | undefined;
    if (opts.body !== undefined) {
      headers['content-type'] = opts.contentType ?? 'application/json';
      payload = JSON.stringify(opts.body);
    }
    const where = `${method} ${url.pathname}`;
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        const init: RequestInit = { method, headers };
        if (payload !== undefined) init.body = payload;
        if (opts.signal !== undefined) init.signal = opts.signal;
        response = await fetch(url, init);
      } catch (e) {
        if (opts.signal?.aborted === true) throw interrupted(where);
        if (attempt < this.#options.maxRetries) {
          await this.#wait(attempt, undefined, opts.signal, where);
          continue;
        }
        throw new DiagnosticsError([errorDiag('confluent-api-unreachable', `${where}: cannot reach ${url.origin}`, { detail: describeCause(e) })]);
      }
      const text = await response.text();
      const body = parseBody(text);
      if (response.ok || (opts.accept ?? []).includes(response.status)) return { status: response.status, body };
      const retryable = response.status === 429 || response.status >= 500;
      if (retryable && attempt < this.#options.maxRetries) {
        await this.#wait(attempt, response.headers.get('retry-after'), opts.signal, where);
        continue;
      }
      throw new DiagnosticsError([errorDiag('confluent-api-error', `${where}: ${response.status} ${response.statusText || 'error'}${errorDetail(body, text) === '' ? '' : `: ${errorDetail(body, text)}`}`, {
        detail: `The server answered HTTP ${response.status}${attempt > 0 ? ` after ${attempt} retries` : ''}.`,
      })]);
    }
  }

  async #wait(attempt: number, retryAfter: string | null | undefined, signal: AbortSignal | undefined, where: string): Promise<void> {
    const hinted = retryAfter !== null && retryAfter !== undefined ? Number(retryAfter) * 1000 : NaN;
    const ms = Number.isFinite(hinted) ? Math.min(hinted, 2000) : backoffDelay(attempt);
    if (!(await sleep(ms, signal))) throw interrupted(where);
  }
}

/** The diagnostic for a call cut short by the user. */
export function interrupted(where: string): DiagnosticsError {
  return new DiagnosticsError([errorDiag('confluent-interrupted', `${where}: interrupted`)]);
}

/** Joins base URL, path and query; the base may carry a path prefix (e.g. `/sr/lsrc-1`). */
export function buildUrl(baseUrl: string, path: string, query?: { readonly [name: string]: string | undefined }): URL {
  const base = baseUrl.replace(/\/+$/, '');
  const url = new URL(base + (path.startsWith('/') ? path : `/${path}`));
  for (const [k, v] of Object.entries(query ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    if (v !== undefined) url.searchParams.set(k, v);
  }
  return url;
}

function parseBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * The server's explanation, from whichever envelope it used: control plane / sql/v1
 * `{errors:[{detail,title}]}`, Kafka REST and Schema Registry `{error_code, message}`.
 */
export function errorDetail(body: unknown, text: string): string {
  if (typeof body === 'object' && body !== null) {
    const o = body as Record<string, unknown>;
    if (Array.isArray(o.errors)) {
      return o.errors.map((e: unknown) => {
        const r = (typeof e === 'object' && e !== null ? e : {}) as Record<string, unknown>;
        const msg = typeof r.detail === 'string' && r.detail !== '' ? r.detail : typeof r.title === 'string' ? r.title : '';
        const src = r.source as Record<string, unknown> | undefined;
        const ptr = typeof src?.pointer === 'string' ? ` (at ${src.pointer})` : typeof src?.parameter === 'string' ? ` (parameter ${src.parameter})` : '';
        return msg + ptr;
      }).filter((s: string) => s !== '').join('; ');
    }
    if (typeof o.message === 'string') return typeof o.error_code === 'number' ? `${o.message} (error_code ${o.error_code})` : o.message;
    if (typeof o.error === 'string') return o.error;
  }
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

function describeCause(e: unknown): string {
  if (e instanceof Error) {
    const cause = (e as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${e.message}: ${cause.message}` : e.message;
  }
  return String(e);
}
