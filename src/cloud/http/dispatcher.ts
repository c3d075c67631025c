/**
 * The node:http request listener: reads the body, matches a route, runs the authorization gate,
 * calls the handler and writes the JSON response. Every failure goes through renderError.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpMethod, HttpRequest, HttpResponse, Logger, Principal, Route } from './types.js';
import { ApiError } from './types.js';
import { Router, RoutingError, envelopeForPath } from './router.js';
import { renderError } from './render-error.js';

/** Decides who the caller is and whether the route's action is allowed; throws ApiError 401/403. */
export type Gate = (req: HttpRequest, route: Route) => Principal | undefined;

/** Options for createDispatcher. */
export interface DispatcherOptions {
  readonly logger: Logger;
  readonly gate?: Gate;
  /** Largest accepted body in bytes (default 8 MiB). */
  readonly maxBodyBytes?: number;
  /** Returns a fresh request id for error envelopes and logs. */
  readonly requestId: () => string;
}

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Builds the listener passed to http.createServer. */
export function createDispatcher(router: Router, opts: DispatcherOptions): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    void handle(router, opts, req, res).catch((err: unknown) => {
      opts.logger.error('failed to write response', { error: err instanceof Error ? err.message : String(err) });
      if (!res.headersSent) { res.statusCode = 500; }
      res.end();
    });
  };
}

async function handle(router: Router, opts: DispatcherOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const requestId = opts.requestId();
  const host = req.headers.host ?? `${req.socket.localAddress ?? '127.0.0.1'}:${req.socket.localPort ?? 0}`;
  const url = new URL(req.url ?? '/', `http://${host}`);
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
  let envelope: Route['envelope'] = envelopeForPath(path);
  let response: HttpResponse;
  try {
    const method = METHODS.find((m) => m === req.method);
    if (method === undefined) throw new RoutingError(405, `Method ${req.method ?? '?'} is not supported.`, envelope);
    const match = router.match(method, path);
    envelope = match.route.envelope;
    const rawBody = await readBody(req, opts.maxBodyBytes ?? 8 * 1024 * 1024);
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
    const base: HttpRequest = {
      method, path, params: match.params, query: url.searchParams, headers,
      body: parseBody(rawBody, headers['content-type']), rawBody, baseUrl: `http://${host}`,
    };
    const principal = opts.gate?.(base, match.route);
    const full: HttpRequest = principal === undefined ? base : { ...base, principal };
    response = await match.route.handler(full);
  } catch (err) {
    response = renderError(err, err instanceof RoutingError ? err.envelope : envelope, { logger: opts.logger, requestId });
  }
  writeResponse(res, response);
}

function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > max) { reject(new ApiError(413, 'payload_too_large', `Request body exceeds ${max} bytes.`)); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  const ct = (contentType ?? '').toLowerCase();
  if (ct !== '' && !ct.includes('json')) return undefined;
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch (err) {
    throw new ApiError(400, 'invalid_json', `The request body is not valid JSON: ${err instanceof Error ? err.message : String(err)}`, '');
  }
}

function writeResponse(res: ServerResponse, r: HttpResponse): void {
  res.statusCode = r.status;
  for (const [k, v] of Object.entries(r.headers ?? {})) res.setHeader(k, v);
  if (r.raw !== undefined) {
    res.end(r.raw);
    return;
  }
  if (r.body === undefined || r.status === 204) {
    res.end();
    return;
  }
  if (!res.hasHeader('content-type')) res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(r.body));
}
