/**
 * `POST /sql/v1/organizations/:org/environments/:env/statements:validate` — a streamform
 * extension, not part of Confluent Cloud's API (real Confluent answers 404, and clients must treat
 * that as "no validation available"). Body:
 * `{ statements: [{ name, statement, properties }], overlay: { tables: [{ name, cluster?, partitions?,
 * key_schema?: { schema_type, schema }, value_schema?: … }] } }`; answers
 * `{ data: [{ name, ok, unchecked?, errors: [{ message, line, column, end_line, end_column }] }] }`
 * (`unchecked`: why only the syntax could be checked, e.g. a planned topic without a schema;
 * `stateful`: for a job statement, why it keeps state — empty when it is stateless).
 * `:org` and `:env` may be `-` when the organization or environment is created by the same plan.
 * Nothing is created: earlier CREATE TABLE / CTAS statements and overlay topics live in a scratch
 * catalog for the duration of the request.
 */
import type { Clock, IdSource } from '../../../shared/index.js';
import type { HttpRequest, JsonObject, Route } from '../../http/index.js';
import { ApiError, optionalChild, optionalInt, optionalString, optionalStringMap, requireObject, requireString } from '../../http/index.js';
import type { SchemaType } from '../../schema-registry/index.js';
import { statementCrn } from '../../control-plane/index.js';
import { validateStatements } from './validate-statements.js';
import type { StatementValidation, ValidationInput, ValidationRequest } from './validate-statements.js';
import type { OverlaySchema, OverlayTable, ValidationCloud } from './validate-scratch-catalog.js';

/** What the validation route needs (wired by server.ts). */
export interface ValidationRoutesContext {
  readonly orgId: string;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly environmentExists: (envId: string) => boolean;
  readonly cloud: ValidationCloud;
}

/** A placeholder `:org` / `:env`: created by the same plan, not known yet. */
const PLANNED = '-';
const SCHEMA_TYPES: readonly SchemaType[] = ['AVRO', 'JSON', 'PROTOBUF'];

function list(obj: JsonObject, pointer: string): readonly unknown[] {
  const v = obj[pointer.slice(pointer.lastIndexOf('/') + 1)];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new ApiError(400, 'invalid_input', `${pointer} must be an array.`, pointer);
  return v;
}

function schemaAt(obj: JsonObject, pointer: string): OverlaySchema | undefined {
  const s = optionalChild(obj, pointer);
  if (s === undefined) return undefined;
  const type = (optionalString(s, `${pointer}/schema_type`) ?? 'AVRO').toUpperCase();
  const schemaType = SCHEMA_TYPES.find((t) => t === type);
  if (schemaType === undefined) throw new ApiError(400, 'invalid_input', `${pointer}/schema_type must be one of ${SCHEMA_TYPES.join(', ')}.`, `${pointer}/schema_type`);
  return { schemaType, schema: requireString(s, `${pointer}/schema`) };
}

function overlayTable(v: unknown, i: number): OverlayTable {
  const p = `/overlay/tables/${i}`;
  const t = requireObject(v, p);
  const cluster = optionalString(t, `${p}/cluster`);
  const partitions = optionalInt(t, `${p}/partitions`, { min: 1 });
  const keySchema = schemaAt(t, `${p}/key_schema`);
  const valueSchema = schemaAt(t, `${p}/value_schema`);
  return {
    name: requireString(t, `${p}/name`),
    ...(cluster === undefined ? {} : { cluster }),
    ...(partitions === undefined ? {} : { partitions }),
    ...(keySchema === undefined ? {} : { keySchema }),
    ...(valueSchema === undefined ? {} : { valueSchema }),
  };
}

/** Reads and checks the request body. */
export function parseValidationRequest(body: unknown): ValidationRequest {
  const root = requireObject(body);
  const statements: ValidationInput[] = list(root, '/statements').map((v, i) => {
    const p = `/statements/${i}`;
    const s = requireObject(v, p);
    return { name: optionalString(s, `${p}/name`) ?? `statement-${i}`, statement: requireString(s, `${p}/statement`), properties: optionalStringMap(s, `${p}/properties`) ?? {} };
  });
  const overlay = optionalChild(root, '/overlay');
  const tables = overlay === undefined ? [] : list(overlay, '/overlay/tables').map(overlayTable);
  return { statements, overlay: { tables } };
}

function render(v: StatementValidation): Record<string, unknown> {
  return {
    name: v.name, ok: v.ok, ...(v.unchecked === undefined ? {} : { unchecked: v.unchecked }), ...(v.stateful === undefined ? {} : { stateful: v.stateful }),
    errors: v.errors.map((e) => ({ message: e.message, line: e.line ?? null, column: e.column ?? null, end_line: e.endLine ?? null, end_column: e.endColumn ?? null })),
  };
}

function checkScope(ctx: ValidationRoutesContext, req: HttpRequest): void {
  const org = req.params['org'] ?? '';
  const env = req.params['env'] ?? '';
  if (org !== ctx.orgId && org !== PLANNED) throw new ApiError(404, 'not_found', `Organization '${org}' not found.`);
  if (env !== PLANNED && !ctx.environmentExists(env)) throw new ApiError(404, 'not_found', `Environment '${env}' not found.`);
}

/** The `statements:validate` route (streamform extension). */
export function statementValidationRoutes(ctx: ValidationRoutesContext): Route[] {
  return [{
    method: 'POST', pattern: '/sql/v1/organizations/:org/environments/:env/statements:validate', envelope: 'confluent',
    authz: { crn: (req) => statementCrn(ctx.orgId, req.params['env'] ?? '', '*'), operation: 'Describe' },
    handler: (req) => {
      checkScope(ctx, req);
      const results = validateStatements(parseValidationRequest(req.body), ctx.cloud, { clock: ctx.clock, ids: ctx.ids });
      return { status: 200, body: { api_version: 'sql/v1', kind: 'StatementValidationList', data: results.map(render) } };
    },
  }];
}
