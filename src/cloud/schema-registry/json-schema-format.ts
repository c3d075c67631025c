/** JSON Schemas: compile with ajv (draft-07 by default, 2020-12 when `$schema` says so), references via `$ref` by name. */
import AjvModule from 'ajv';
import type { ErrorObject } from 'ajv';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { SchemaParseError } from './registry-errors.js';
import type { JsonSchemaNode, ParsedJsonSchema, ResolvedReference } from './types.js';
import { isObject, parseJsonText, stableStringify } from './stable-json.js';

// ajv ships CommonJS with `exports.default`; under NodeNext the default import is the module object.
const Ajv = AjvModule.default;
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

const DRAFT_2020 = /json-schema\.org\/draft\/(2020-12|2019-09)\/schema/;

/** Parses and compiles a JSON Schema text; referenced schemas are registered under their reference names. */
export function parseJsonSchema(text: string, references: readonly ResolvedReference[] = []): ParsedJsonSchema {
  const parsed = parseJsonText(text);
  if ('error' in parsed) throw new SchemaParseError(`Invalid JSON schema: ${parsed.error}`);
  const json = parsed.value;
  if (typeof json !== 'boolean' && !isObject(json)) throw new SchemaParseError('Invalid JSON schema: the document must be an object or a boolean');
  const is2020 = isObject(json) && typeof json['$schema'] === 'string' && DRAFT_2020.test(json['$schema']);
  const opts = { strict: false, allErrors: true, validateFormats: true } as const;
  const ajv = is2020 ? new Ajv2020(opts) : new Ajv(opts);
  addFormats(ajv);
  const referenced = new Map<string, JsonSchemaNode>();
  for (const ref of references) {
    if (ref.schemaType !== 'JSON') continue;
    const r = parseJsonText(ref.schema);
    if ('error' in r || (typeof r.value !== 'boolean' && !isObject(r.value))) throw new SchemaParseError(`Invalid referenced JSON schema '${ref.name}'`);
    const node = withoutOldDraft(r.value);
    referenced.set(ref.name, node);
    try {
      if (!ajv.getSchema(ref.name)) ajv.addSchema(node as object, ref.name);
    } catch (e) {
      throw new SchemaParseError(`Invalid referenced JSON schema '${ref.name}': ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const node = withoutOldDraft(json);
  if (!ajv.validateSchema(node as object)) throw new SchemaParseError(`Invalid JSON schema: ${formatErrors(ajv.errors ?? [])}`);
  let validate;
  try {
    validate = ajv.compile(node as object);
  } catch (e) {
    throw new SchemaParseError(`Invalid JSON schema: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { kind: 'JSON', json, validate, referenced, canonical: JSON.stringify(json), normalized: stableStringify(json) };
}

/** ajv 8 does not know drafts 04/06: validate those as draft-07, which accepts the same keywords we check. */
function withoutOldDraft(json: JsonSchemaNode): JsonSchemaNode {
  if (!isObject(json) || typeof json['$schema'] !== 'string' || !/draft-0[346]/.test(json['$schema'])) return json;
  const { $schema: _dropped, ...rest } = json;
  return rest;
}

/** Renders ajv errors as `at '#/properties/a/type': must be …`, one per problem. */
export function formatErrors(errors: readonly ErrorObject[]): string {
  const seen = new Set<string>();
  return errors
    .filter((e) => !seen.has(e.instancePath) && seen.add(e.instancePath) !== undefined)
    .slice(0, 5)
    .map((e) => `at '#${e.instancePath}': ${e.message ?? 'is invalid'}${e.params && 'allowedValues' in e.params ? ` (${JSON.stringify(e.params['allowedValues'])})` : ''}`)
    .join('; ');
}
