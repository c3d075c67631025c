/**
 * The HTTP contract inside the local cloud: every API family (control plane, Kafka REST,
 * Schema Registry, Flink statements) contributes Routes; server.ts composes them. Errors are
 * thrown as ApiError and rendered in the family's own envelope by one function (render-error.ts).
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The authenticated caller (absent when auth is off). */
export interface Principal {
  /** `sa-xxxxx` or `u-xxxxx`. */
  readonly id: string;
  /** The API key used, when any. */
  readonly apiKey?: string;
}

export interface HttpRequest {
  readonly method: HttpMethod;
  /** Path without the query string, e.g. `/kafka/v3/clusters/lkc-abc12/topics`. */
  readonly path: string;
  /** Named path parameters from the route pattern (`:cluster_id`). */
  readonly params: { readonly [name: string]: string };
  readonly query: URLSearchParams;
  readonly headers: { readonly [name: string]: string | undefined };
  /** Parsed JSON body (undefined when there is none). */
  readonly body: unknown;
  readonly rawBody: Buffer;
  readonly principal?: Principal;
  /** Base URL the client used (scheme://host:port), for building `self`/`next` links. */
  readonly baseUrl: string;
}

export interface HttpResponse {
  readonly status: number;
  /** Serialised as JSON unless `raw` is set. */
  readonly body?: unknown;
  readonly raw?: Buffer | string;
  readonly headers?: { readonly [name: string]: string };
}

export type Handler = (req: HttpRequest) => Promise<HttpResponse> | HttpResponse;

/** Which error envelope an API family uses. */
export type ErrorEnvelope =
  /** Confluent Cloud control plane / sql/v1: `{"errors":[{"id","status","code","title","detail","source":{"pointer"}}]}` */
  | 'confluent'
  /** Kafka REST v3: `{"error_code": 40403, "message": "..."}` */
  | 'kafka-rest'
  /** Schema Registry: `{"error_code": 40401, "message": "Subject 'x' not found."}` */
  | 'schema-registry';

/** What a route needs the caller to be allowed to do (checked when auth is on). */
export interface Authorization {
  /** The CRN the action applies to, e.g. `crn://confluent.cloud/organization=…/environment=env-x/cloud-cluster=lkc-y/kafka=lkc-y/topic=orders`. */
  readonly crn: (req: HttpRequest) => string;
  /** The operation, e.g. 'Read', 'Write', 'Manage', 'Admin', 'Describe'. */
  readonly operation: string;
}

export interface Route {
  readonly method: HttpMethod;
  /** Pattern with `:name` segments, matched exactly: `/kafka/v3/clusters/:cluster_id/topics/:topic_name`. */
  readonly pattern: string;
  readonly envelope: ErrorEnvelope;
  readonly handler: Handler;
  readonly authz?: Authorization;
  /** Served without authentication even when auth is on (`/health`, `/version`). */
  readonly public?: boolean;
}

/** A request-level failure, rendered in the route family's envelope. */
export class ApiError extends Error {
  readonly status: number;
  /** Family-specific numeric or string code (SR: 40401; Kafka REST: 40403; control plane: 'invalid_input'). */
  readonly code: number | string;
  /** JSON pointer to the offending request field (`/spec/display_name`), when there is one. */
  readonly pointer?: string;
  constructor(status: number, code: number | string, message: string, pointer?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    if (pointer !== undefined) this.pointer = pointer;
  }
}

/** Structured logger passed into cloud components (house rule 15: no console in library code). */
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}
