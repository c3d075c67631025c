/**
 * `confluent_schema` over the Schema Registry REST API. A schema change registers a new version
 * under the same resource; at plan time the new schema is checked against the registry
 * (`POST /compatibility/subjects/<s>/versions/latest?verbose=true`) unless
 * skip_validation_during_plan, and an incompatible change fails the plan with the registry's
 * messages (which name the field and the rule). Destroy soft-deletes the recorded version, and
 * hard-deletes it too with hard_delete.
 */
import { DiagnosticsError, errorDiag } from '../../../shared/index.js';
import { isObjectValue, isUnknown, UNKNOWN, valuesEqual } from '../../lang/index.js';
import type { ObjectValue, Value } from '../../lang/index.js';
import { bool, num, requireStr, str } from './attribute-access.js';
import { jarr, jnum, jstr } from './json-access.js';
import { schemaBody, schemaSchema, sameSchemaText, toSchemaState } from './schema-shape.js';
import { schemaRegistryTarget, seg } from './targets.js';
import { recordPlannedSchema } from './flink-statement-validation.js';
import type { ConfluentResource, ResourceContext, Target } from './types.js';

function subjectPath(subject: string): string {
  return `/subjects/${seg(subject)}`;
}

/** A version of a subject (`latest` or a number), or null on 404. */
async function getVersion(target: Target, subject: string, version: string, rc: ResourceContext): Promise<unknown> {
  const r = await rc.http.send(target, 'GET', `${subjectPath(subject)}/versions/${seg(version)}`, { accept: [404], signal: rc.ctx.signal });
  return r.status === 404 ? null : r.body;
}

async function register(attrs: ObjectValue, rc: ResourceContext): Promise<ObjectValue> {
  const { clusterId, target } = schemaRegistryTarget(attrs, rc);
  const subject = requireStr(attrs, 'subject_name');
  const body = schemaBody(attrs);
  const r = await rc.http.send(target, 'POST', `${subjectPath(subject)}/versions`, { body, signal: rc.ctx.signal });
  const schemaId = jnum(r.body, 'id');
  // Find the version this schema id has under the subject (the register answer only carries the id).
  const found = await rc.http.send(target, 'POST', subjectPath(subject), { body, accept: [404], signal: rc.ctx.signal });
  const version = found.status === 404 ? undefined : jnum(found.body, 'version');
  const latest = version !== undefined ? await getVersion(target, subject, String(version), rc) : await getVersion(target, subject, 'latest', rc);
  if (latest === null) throw new DiagnosticsError([errorDiag('confluent-not-found', `Schema for ${subject} was registered but cannot be read back`)]);
  return toSchemaState(attrs, latest, clusterId, schemaId);
}

async function checkCompatibility(attrs: ObjectValue, rc: ResourceContext): Promise<{ ok: boolean; messages: string[] }> {
  const { target } = schemaRegistryTarget(attrs, rc);
  const subject = requireStr(attrs, 'subject_name');
  const r = await rc.http.send(target, 'POST', `/compatibility${subjectPath(subject)}/versions/latest`, {
    query: { verbose: 'true' }, body: schemaBody(attrs), accept: [404], signal: rc.ctx.signal,
  });
  if (r.status === 404) return { ok: true, messages: [] };
  const ok = r.body !== null && typeof r.body === 'object' && (r.body as Record<string, unknown>).is_compatible === true;
  return { ok, messages: jarr(r.body, 'messages').map((m) => (typeof m === 'string' ? m : JSON.stringify(m))) };
}

/** The `confluent_schema` resource. */
export const schemaResource: ConfluentResource = {
  schema: schemaSchema,
  validate(config) {
    for (const b of ['metadata', 'ruleset']) {
      const v = config[b];
      if (isObjectValue(v) && Object.values(v).every((x) => x === null || (Array.isArray(x) && x.length === 0))) {
        return [errorDiag('confluent-schema-empty-block', `Do not write an empty ${b} block`, { detail: 'Leave the block out instead.' })];
      }
    }
    return [];
  },
  async plan(draft, req, rc, replacing) {
    const prior = req.prior;
    const schemaChanged = prior === null || replacing || !valuesEqual(prior.schema ?? null, draft.schema ?? null);
    if (schemaChanged) recordPlannedSchema(draft, rc);
    if (prior !== null && !replacing && schemaChanged && typeof prior.schema === 'string' && typeof draft.schema === 'string'
      && sameSchemaText(prior.schema, draft.schema, str(draft, 'format') ?? 'AVRO')) {
      draft.schema = prior.schema; // whitespace/normalisation-only change: suppressed
      return;
    }
    const versionInputs = ['schema', 'schema_reference', 'metadata', 'ruleset'];
    const newVersion = prior !== null && !replacing && versionInputs.some((k) => !valuesEqual(prior[k] ?? null, draft[k] ?? null) && !isUnknown(draft[k]));
    if (newVersion) {
      if (bool(draft, 'recreate_on_update') === true) {
        return { diagnostics: [errorDiag('confluent-schema-recreate-on-update', 'Cannot register a new version of a schema with recreate_on_update = true', { detail: 'Set recreate_on_update = false to evolve the schema in place, or create a new resource.' })] };
      }
      draft.version = UNKNOWN;
      draft.schema_identifier = UNKNOWN;
    }
    if (!schemaChanged || bool(draft, 'skip_validation_during_plan') === true || typeof draft.schema !== 'string') return;
    if (!knownTarget(draft)) return;
    let result: { ok: boolean; messages: string[] };
    try {
      result = await checkCompatibility(draft as ObjectValue, rc);
    } catch (e) {
      if (prior === null) return { notes: ['schema compatibility not checked at plan: the Schema Registry did not answer'] };
      throw e;
    }
    if (result.ok) return { notes: ['schema compatibility checked against the Schema Registry'] };
    const why = explainIncompatibility(result.messages);
    return {
      diagnostics: [errorDiag('confluent-schema-incompatible', `The new schema for subject ${str(draft, 'subject_name') ?? ''} is not ${why.level ?? ''}${why.level !== undefined ? ' ' : ''}compatible with the latest registered version${why.first !== undefined ? `: ${why.first}` : ''}`, {
        detail: result.messages.length > 0 ? result.messages.join('\n') : 'The Schema Registry reported the schema as incompatible.',
      })],
    };
  },
  create: (planned, rc) => register(planned, rc),
  async read(state, rc) {
    const { clusterId, target } = schemaRegistryTarget(state, rc);
    const subject = requireStr(state, 'subject_name');
    const version = bool(state, 'recreate_on_update') === true ? String(num(state, 'version') ?? 'latest') : 'latest';
    const body = await getVersion(target, subject, version, rc);
    return body === null ? null : toSchemaState(state, body, clusterId, undefined);
  },
  async update(prior, planned, rc) {
    if (isUnknown(planned.version)) return register(planned, rc);
    return { ...prior, ...planned, version: prior.version ?? null, schema_identifier: prior.schema_identifier ?? null };
  },
  async delete(prior, rc) {
    const { target } = schemaRegistryTarget(prior, rc);
    const subject = requireStr(prior, 'subject_name');
    const path = `${subjectPath(subject)}/versions/${String(num(prior, 'version') ?? 'latest')}`;
    await rc.http.send(target, 'DELETE', path, { accept: [404], signal: rc.ctx.signal });
    if (bool(prior, 'hard_delete') === true) {
      await rc.http.send(target, 'DELETE', path, { query: { permanent: 'true' }, accept: [404], signal: rc.ctx.signal });
    }
  },
  async import(id, rc) {
    const m = /^(lsrc-[^/]+)\/(.+)\/([^/]+)$/.exec(id);
    if (m === null) throw new DiagnosticsError([errorDiag('confluent-import-id', `Invalid import id "${id}"`, { detail: 'Expected lsrc-xxxxx/<subject>/latest or lsrc-xxxxx/<subject>/<schema id>.' })]);
    const clusterId = m[1] ?? '', subject = m[2] ?? '', tail = m[3] ?? '';
    const base: Record<string, Value> = {
      schema_registry_cluster: { id: clusterId }, subject_name: subject, rest_endpoint: rc.env('IMPORT_SCHEMA_REGISTRY_REST_ENDPOINT') || null,
      credentials: null, hard_delete: false, skip_validation_during_plan: false, recreate_on_update: tail !== 'latest',
    };
    const key = rc.env('IMPORT_SCHEMA_REGISTRY_API_KEY'), secret = rc.env('IMPORT_SCHEMA_REGISTRY_API_SECRET');
    if (key !== undefined && key !== '' && secret !== undefined) base.credentials = { key, secret };
    const { target } = schemaRegistryTarget(base, rc);
    let body: unknown = await getVersion(target, subject, 'latest', rc);
    if (tail !== 'latest' && body !== null && jnum(body, 'id') !== Number(tail)) {
      const versions = await rc.http.send(target, 'GET', `${subjectPath(subject)}/versions`, { signal: rc.ctx.signal });
      body = null;
      for (const v of Array.isArray(versions.body) ? versions.body as unknown[] : []) {
        const b = await getVersion(target, subject, String(v), rc);
        if (jnum(b, 'id') === Number(tail)) { body = b; break; }
      }
    }
    if (body === null) return null;
    const state = toSchemaState(base, body, clusterId, undefined);
    return { ...state, format: jstr(body, 'schemaType') ?? 'AVRO' };
  },
};

/**
 * The first broken rule and the compatibility level, from Schema Registry's verbose messages
 * (`{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'price' ...', ...}`,
 * `{compatibility: 'BACKWARD'}`).
 */
export function explainIncompatibility(messages: readonly string[]): { first?: string; level?: string } {
  const out: { first?: string; level?: string } = {};
  for (const m of messages) {
    const level = /compatibility:\s*'([A-Z_]+)'/.exec(m);
    if (level !== null && out.level === undefined && level[1] !== undefined) out.level = level[1];
    const rule = /errorType:'([A-Z_]+)'/.exec(m), description = /description:'(.*?)'(?:,\s*additionalInfo|\})/.exec(m);
    if (out.first === undefined && description?.[1] !== undefined) out.first = `${description[1]}${rule?.[1] !== undefined ? ` (${rule[1]})` : ''}`;
  }
  return out;
}

function knownTarget(draft: ObjectValue): boolean {
  return !isUnknown(draft.rest_endpoint) && !isUnknown(draft.credentials) && !isUnknown(draft.schema_registry_cluster) && !isUnknown(draft.subject_name);
}
