/**
 * THE one translation point from failures to HTTP error bodies (house rule 6): ApiErrors become
 * the family's envelope; anything else is a bug or an outside-world failure, logged in full and
 * rendered as a masked 500.
 */
import type { ErrorEnvelope, HttpResponse, Logger } from './types.js';
import { ApiError } from './types.js';

const TITLES: { readonly [status: number]: string } = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  409: 'Conflict', 415: 'Unsupported Media Type', 422: 'Unprocessable Entity', 429: 'Too Many Requests',
  500: 'Internal Server Error', 503: 'Service Unavailable',
};

/** Options for renderError. */
export interface RenderErrorOptions {
  readonly logger: Logger;
  /** Correlation id placed in the control-plane envelope's `id` and in the log line. */
  readonly requestId: string;
}

/** Renders `err` in the given family's envelope. */
export function renderError(err: unknown, envelope: ErrorEnvelope, opts: RenderErrorOptions): HttpResponse {
  const apiErr = err instanceof ApiError ? err : undefined;
  if (apiErr === undefined) {
    opts.logger.error('unexpected error while handling request', {
      requestId: opts.requestId,
      error: err instanceof Error ? (err.stack ?? err.message) : String(err),
    });
  }
  const status = apiErr?.status ?? 500;
  const message = apiErr?.message ?? `Oops, something went wrong (request ${opts.requestId}).`;
  switch (envelope) {
    case 'confluent': {
      const entry: Record<string, unknown> = {
        id: opts.requestId,
        status: String(status),
        code: typeof apiErr?.code === 'string' ? apiErr.code : defaultCode(status),
        title: TITLES[status] ?? 'Error',
        detail: message,
      };
      if (apiErr?.pointer !== undefined) entry['source'] = { pointer: apiErr.pointer };
      return { status, body: { errors: [entry] } };
    }
    case 'kafka-rest':
    case 'schema-registry': {
      const code = typeof apiErr?.code === 'number' ? apiErr.code : status;
      return { status, body: { error_code: code, message } };
    }
  }
}

function defaultCode(status: number): string {
  switch (status) {
    case 400: return 'invalid_input';
    case 401: return 'unauthorized';
    case 403: return 'forbidden';
    case 404: return 'not_found';
    case 409: return 'conflict';
    case 500: return 'internal_error';
    default: return `http_${status}`;
  }
}
