/** Request parsing and response shaping shared by the Schema Registry route groups. */
import { ApiError } from '../http/index.js';
import type { Handler, HttpMethod, HttpRequest, HttpResponse, Route } from '../http/index.js';
import { SchemaRegistryError, srErrors } from './registry-errors.js';
import { toSchemaType } from './parse-schema.js';
import type { SchemaInput, SchemaReference, StoredSchema, SubjectVersion } from './types.js';
import type { VersionSpec } from './schema-registry-store.js';
import { isObject } from './stable-json.js';

/** Content type of Schema Registry responses. */
export const SR_CONTENT_TYPE = 'application/vnd.schemaregistry.v1+json';

/** Options of the route factory. */
export interface SchemaRegistryRouteOptions {
  /** Whether an SR cluster id (`lsrc-…`) exists in the control plane. */
  readonly registryExists: (srId: string) => boolean;
}

/** A handler that gets the SR cluster id checked and registry errors translated. */
export type SrHandler = (req: HttpRequest, srId: string) => HttpResponse;

/** Builds a route under `/sr/:sr_id`. */
export function srRoute(method: HttpMethod, path: string, opts: SchemaRegistryRouteOptions, handler: SrHandler): Route {
  const wrapped: Handler = (req) => {
    const srId = req.params['sr_id'] ?? '';
    try {
      if (!opts.registryExists(srId)) throw srErrors.registryNotFound(srId);
      return handler(req, srId);
    } catch (e) {
      if (e instanceof SchemaRegistryError) throw new ApiError(e.status, e.code, e.message);
      // the store's outside world is SQLite: report its failures as Confluent's backend-store error
      if (e instanceof Error && e.name === 'SqliteError') throw new ApiError(500, 50001, `Error in the backend data store - ${e.message}`);
      throw e;
    }
  };
  return { method, pattern: `/sr/:sr_id${path}`, envelope: 'schema-registry', handler: wrapped };
}

/** A JSON response in the registry's content type. */
export function json(body: unknown, status = 200): HttpResponse {
  return { status, body, headers: { 'Content-Type': SR_CONTENT_TYPE } };
}

/** A raw text response (the `/schema` endpoints return the schema document itself). */
export function rawText(text: string): HttpResponse {
  return { status: 200, raw: text, headers: { 'Content-Type': SR_CONTENT_TYPE } };
}

/** A path parameter (the server decodes percent-escapes). */
export function param(req: HttpRequest, name: string): string {
  return req.params[name] ?? '';
}

/** True when a query flag is `true`. */
export function flag(req: HttpRequest, name: string): boolean {
  return req.query.get(name)?.toLowerCase() === 'true';
}

/** Parses a version segment: `latest`, `-1` or 1..2^31-1 (42202 otherwise). */
export function versionParam(text: string): VersionSpec {
  if (text === 'latest' || text === '-1') return 'latest';
  if (!/^\d+$/.test(text)) throw srErrors.invalidVersion(text);
  const n = Number(text);
  if (n < 1 || n > 2147483647) throw srErrors.invalidVersion(text);
  return n;
}

/** Parses a schema id segment (40403 when not a positive integer). */
export function idParam(text: string): number {
  if (!/^\d+$/.test(text)) throw srErrors.schemaNotFound(`Schema ${text} not found`);
  return Number(text);
}

/** The JSON body (parsed by the server, or from the raw bytes for the registry's content type). */
export function body(req: HttpRequest): unknown {
  if (req.body !== undefined) return req.body;
  if (req.rawBody.length === 0) return undefined;
  try {
    return JSON.parse(req.rawBody.toString('utf8')) as unknown;
  } catch {
    throw new SchemaRegistryError(400, 'Malformed JSON in the request body');
  }
}

/** Reads `{schema, schemaType?, references?, metadata?, ruleSet?}` (42201 for a bad shape). */
export function schemaInput(req: HttpRequest): SchemaInput {
  const b = body(req);
  if (!isObject(b)) throw srErrors.invalidSchema('Invalid schema: the request body must be a JSON object with a "schema" field');
  const schema = b['schema'];
  if (typeof schema !== 'string' || schema.trim() === '') throw srErrors.invalidSchema('Empty schema');
  const schemaType = toSchemaType(b['schemaType']);
  if (schemaType === undefined) throw srErrors.invalidSchema(`Invalid schema type ${JSON.stringify(b['schemaType'])}; expected AVRO, JSON or PROTOBUF`);
  const refs = b['references'] ?? [];
  if (!Array.isArray(refs)) throw srErrors.invalidSchema('"references" must be an array');
  const references: SchemaReference[] = refs.map((r, i) => {
    if (!isObject(r) || typeof r['name'] !== 'string' || typeof r['subject'] !== 'string' || typeof r['version'] !== 'number' || !Number.isInteger(r['version'])) {
      throw srErrors.invalidSchema(`Invalid schema reference at references[${i}]: expected {name, subject, version}`);
    }
    return { name: r['name'], subject: r['subject'], version: r['version'] };
  });
  const out: { -readonly [K in keyof SchemaInput]: SchemaInput[K] } = { schema, schemaType, references };
  if (b['metadata'] !== undefined && b['metadata'] !== null) out.metadata = b['metadata'];
  if (b['ruleSet'] !== undefined && b['ruleSet'] !== null) out.ruleSet = b['ruleSet'];
  return out;
}

/** The response shape of a schema: `schemaType` omitted for AVRO, `references` omitted when empty. */
export function schemaBody(s: StoredSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (s.schemaType !== 'AVRO') out['schemaType'] = s.schemaType;
  out['schema'] = s.schema;
  if (s.references.length > 0) out['references'] = s.references;
  if (s.metadata !== undefined) out['metadata'] = s.metadata;
  if (s.ruleSet !== undefined) out['ruleSet'] = s.ruleSet;
  return out;
}

/** The response shape of a subject version. */
export function versionBody(v: SubjectVersion): Record<string, unknown> {
  return { subject: v.subject, version: v.version, id: v.id, ...schemaBody(v) };
}
