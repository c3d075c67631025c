/**
 * The `confluent_schema` schema and its mapping to Schema Registry request and response bodies
 * (`schema`, `schemaType`, `references`, `metadata`, `ruleSet`).
 */
import { isObjectValue } from '../../lang/index.js';
import type { ObjectValue, Value } from '../../lang/index.js';
import type { NestedBlockSchema, ResourceSchema } from '../../provider/index.js';
import { block, str, stringMap } from './attribute-access.js';
import { jarr, jmap, jnum, jstr } from './json-access.js';
import { T, REPLACE, STATE_ONLY, UPDATE, computed, credentialsBlock, idBlock, notEmpty, oneOf, optional, optionalComputed, required, restEndpoint } from './schema-blocks.js';

const rule: NestedBlockSchema = {
  nesting: 'list',
  block: {
    attributes: {
      name: required(T.string), kind: required(T.string, UPDATE, { validate: oneOf(['CONDITION', 'TRANSFORM']) }),
      mode: required(T.string), type: required(T.string),
      doc: optional(T.string, UPDATE, { default: '' }), expr: optional(T.string, UPDATE, { default: '' }),
      on_success: optional(T.string, UPDATE, { default: 'NONE,NONE' }), on_failure: optional(T.string, UPDATE, { default: 'ERROR,ERROR' }),
      disabled: optional(T.bool, UPDATE, { default: false }), tags: optional(T.set(T.string)), params: optional(T.map(T.string)),
    },
  },
};

/** Resource schema of `confluent_schema`. */
export const schemaSchema: ResourceSchema = {
  importId: 'lsrc-xxxxx/<subject>/latest',
  attributes: {
    subject_name: required(T.string, REPLACE, { validate: notEmpty }),
    format: required(T.string, REPLACE, { validate: oneOf(['AVRO', 'PROTOBUF', 'JSON']) }),
    schema: optionalComputed(T.string),
    rest_endpoint: restEndpoint(REPLACE),
    hard_delete: optional(T.bool, STATE_ONLY, { default: false }),
    recreate_on_update: optional(T.bool, STATE_ONLY, { default: false }),
    skip_validation_during_plan: optional(T.bool, STATE_ONLY, { default: false }),
    schema_identifier: computed(T.number),
    version: computed(T.number),
    id: computed(T.string),
  },
  blocks: {
    schema_registry_cluster: idBlock({ pattern: /^lsrc-/, rule: 'start with lsrc-' }),
    credentials: credentialsBlock(STATE_ONLY),
    schema_reference: {
      nesting: 'set',
      block: { attributes: { name: required(T.string), subject_name: required(T.string), version: required(T.number) } },
    },
    metadata: {
      nesting: 'single', maxItems: 1, computed: true,
      block: {
        attributes: { properties: optionalComputed(T.map(T.string)), sensitive: optionalComputed(T.set(T.string)) },
        blocks: { tags: { nesting: 'set', block: { attributes: { key: required(T.string), value: required(T.list(T.string)) } } } },
      },
    },
    ruleset: { nesting: 'single', maxItems: 1, block: { attributes: {}, blocks: { domain_rules: rule, migration_rules: rule, encoding_rules: rule } } },
  },
};

function list(v: Value | undefined): readonly ObjectValue[] {
  return Array.isArray(v) ? v.filter(isObjectValue) : [];
}

function ruleBody(r: ObjectValue): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) {
    if (v === null) continue;
    const key = k === 'on_success' ? 'onSuccess' : k === 'on_failure' ? 'onFailure' : k;
    out[key] = v;
  }
  return out;
}

/** The register/compatibility/lookup request body for the schema in `attrs`. */
export function schemaBody(attrs: ObjectValue): Record<string, unknown> {
  const body: Record<string, unknown> = { schema: str(attrs, 'schema') ?? '', schemaType: str(attrs, 'format') ?? 'AVRO' };
  const refs = list(attrs.schema_reference).map((r) => ({ name: r.name, subject: r.subject_name, version: r.version }));
  if (refs.length > 0) body.references = refs;
  const md = block(attrs, 'metadata');
  if (md !== undefined) {
    const tags: Record<string, unknown> = {};
    for (const t of list(md.tags)) if (typeof t.key === 'string') tags[t.key] = t.value;
    const m: Record<string, unknown> = { properties: stringMap(md, 'properties') };
    if (Object.keys(tags).length > 0) m.tags = tags;
    if (Array.isArray(md.sensitive)) m.sensitive = md.sensitive;
    body.metadata = m;
  }
  const rs = block(attrs, 'ruleset');
  if (rs !== undefined) {
    body.ruleSet = {
      domainRules: list(rs.domain_rules).map(ruleBody), migrationRules: list(rs.migration_rules).map(ruleBody), encodingRules: list(rs.encoding_rules).map(ruleBody),
    };
  }
  return body;
}

/** True when two schema texts differ only in whitespace (JSON-based formats compared parsed). */
export function sameSchemaText(a: string, b: string, format: string): boolean {
  if (a === b) return true;
  if (format === 'AVRO' || format === 'JSON') {
    try {
      return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
    } catch {
      return false;
    }
  }
  return a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
}

/** State from a subject version body (`subject`, `version`, `id`, `schema`, `schemaType`, `references`). */
export function toSchemaState(base: ObjectValue, body: unknown, clusterId: string, schemaId: number | undefined): ObjectValue {
  const subject = jstr(body, 'subject') ?? str(base, 'subject_name') ?? '';
  const identifier = jnum(body, 'id') ?? schemaId ?? null;
  const live = jstr(body, 'schema');
  const prior = str(base, 'schema');
  const format = str(base, 'format') ?? jstr(body, 'schemaType') ?? 'AVRO';
  const schema = live !== undefined && prior !== undefined && sameSchemaText(prior, live, format) ? prior : live ?? prior ?? null;
  const references = jarr(body, 'references').map((r) => ({ name: jstr(r, 'name') ?? '', subject_name: jstr(r, 'subject') ?? '', version: jnum(r, 'version') ?? 0 }));
  const recreate = base.recreate_on_update === true;
  const out: Record<string, Value> = {
    ...base, subject_name: subject, schema, schema_identifier: identifier, version: jnum(body, 'version') ?? null,
    schema_reference: references,
    id: `${clusterId}/${subject}/${recreate ? String(identifier) : 'latest'}`,
  };
  if (!isObjectValue(base.metadata)) {
    const props = jmap(body, 'metadata.properties');
    out.metadata = Object.keys(props).length > 0 ? { properties: props, sensitive: [], tags: [] } : null;
  }
  return out;
}
