/**
 * `confluent_subject_config` (PUT/GET/DELETE `/config/<subject>`) and
 * `confluent_schema_registry_cluster_config` (PUT/GET `/config`; destroy only leaves state, as
 * in the official provider). No fixed 10 s sleeps: the registry is consistent when it answers.
 */
import { DiagnosticsError, errorDiag } from '../../../shared/index.js';
import type { ObjectValue, Value } from '../../lang/index.js';
import type { ResourceSchema } from '../../provider/index.js';
import { bool, requireStr, str } from './attribute-access.js';
import { jbool, jstr } from './json-access.js';
import { T, REPLACE, STATE_ONLY, computed, credentialsBlock, idBlock, notEmpty, oneOf, optionalComputed, required, restEndpoint } from './schema-blocks.js';
import { schemaRegistryTarget, seg } from './targets.js';
import type { ConfluentResource, ResourceContext } from './types.js';

const LEVELS = ['BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE', 'NONE'];

/** Attributes and blocks shared by the three SR config resources. */
export const srCommon = {
  attributes: { rest_endpoint: restEndpoint(REPLACE), id: computed(T.string) },
  blocks: { schema_registry_cluster: idBlock({ pattern: /^lsrc-/, rule: 'start with lsrc-' }), credentials: credentialsBlock(STATE_ONLY) },
} as const;

const configAttrs = {
  compatibility_level: optionalComputed(T.string, { kind: 'update' }, { validate: oneOf(LEVELS) }),
  compatibility_group: optionalComputed(T.string),
  normalize: optionalComputed(T.bool),
};

function configBody(planned: ObjectValue): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  const level = str(planned, 'compatibility_level'), group = str(planned, 'compatibility_group'), norm = bool(planned, 'normalize'), alias = str(planned, 'alias');
  if (level !== undefined) body.compatibility = level;
  if (group !== undefined) body.compatibilityGroup = group;
  if (norm !== undefined) body.normalize = norm;
  if (alias !== undefined) body.alias = alias;
  return body;
}

function fromConfig(base: ObjectValue, body: unknown, withAlias: boolean): ObjectValue {
  const out: Record<string, Value> = {
    ...base,
    compatibility_level: jstr(body, 'compatibilityLevel') ?? jstr(body, 'compatibility') ?? null,
    compatibility_group: jstr(body, 'compatibilityGroup') ?? str(base, 'compatibility_group') ?? '',
    normalize: jbool(body, 'normalize') ?? bool(base, 'normalize') ?? false,
  };
  if (withAlias) out.alias = jstr(body, 'alias') ?? str(base, 'alias') ?? '';
  return out;
}

async function getConfig(attrs: ObjectValue, path: string, rc: ResourceContext): Promise<unknown> {
  const { target } = schemaRegistryTarget(attrs, rc);
  const r = await rc.http.send(target, 'GET', path, { accept: [404], signal: rc.ctx.signal });
  return r.status === 404 ? null : r.body;
}

function subjectConfigPath(attrs: ObjectValue): string {
  return `/config/${seg(requireStr(attrs, 'subject_name'))}`;
}

async function putSubjectConfig(planned: ObjectValue, rc: ResourceContext): Promise<ObjectValue> {
  const { clusterId, target } = schemaRegistryTarget(planned, rc);
  const path = subjectConfigPath(planned);
  await rc.http.send(target, 'PUT', path, { body: configBody(planned), signal: rc.ctx.signal });
  const body = await getConfig(planned, path, rc);
  return { ...fromConfig(planned, body, true), id: `${clusterId}/${requireStr(planned, 'subject_name')}` };
}

/** The `confluent_subject_config` resource. */
export const subjectConfigResource: ConfluentResource = {
  schema: {
    importId: 'lsrc-xxxxx/<subject>',
    attributes: { ...srCommon.attributes, subject_name: required(T.string, REPLACE, { validate: notEmpty }), ...configAttrs, alias: optionalComputed(T.string) },
    blocks: srCommon.blocks,
  } satisfies ResourceSchema,
  create: putSubjectConfig,
  update: (_prior, planned, rc) => putSubjectConfig(planned, rc),
  async read(state, rc) {
    const body = await getConfig(state, subjectConfigPath(state), rc);
    return body === null ? null : fromConfig(state, body, true);
  },
  async delete(prior, rc) {
    const { target } = schemaRegistryTarget(prior, rc);
    await rc.http.send(target, 'DELETE', subjectConfigPath(prior), { accept: [404], signal: rc.ctx.signal });
  },
  async import(id, rc) {
    const base = importBase(id, rc, true);
    const body = await getConfig(base, subjectConfigPath(base), rc);
    return body === null ? null : fromConfig(base, body, true);
  },
};

/** Builds the base state of an SR resource from an import id and the IMPORT_SCHEMA_REGISTRY_* variables. */
export function importBase(id: string, rc: ResourceContext, withSubject: boolean): ObjectValue {
  const m = withSubject ? /^(lsrc-[^/]+)\/(.+)$/.exec(id) : /^(lsrc-[^/]+)$/.exec(id);
  if (m === null) {
    throw new DiagnosticsError([errorDiag('confluent-import-id', `Invalid import id "${id}"`, { detail: withSubject ? 'Expected lsrc-xxxxx/<subject>.' : 'Expected lsrc-xxxxx.' })]);
  }
  const key = rc.env('IMPORT_SCHEMA_REGISTRY_API_KEY'), secret = rc.env('IMPORT_SCHEMA_REGISTRY_API_SECRET');
  const out: Record<string, Value> = {
    id, schema_registry_cluster: { id: m[1] ?? '' }, rest_endpoint: rc.env('IMPORT_SCHEMA_REGISTRY_REST_ENDPOINT') || null,
    credentials: key !== undefined && key !== '' && secret !== undefined ? { key, secret } : null,
  };
  if (withSubject) out.subject_name = m[2] ?? '';
  return out;
}

/** The `confluent_schema_registry_cluster_config` resource. */
export const schemaRegistryClusterConfigResource: ConfluentResource = {
  schema: { importId: 'lsrc-xxxxx', attributes: { ...srCommon.attributes, ...configAttrs }, blocks: srCommon.blocks } satisfies ResourceSchema,
  async create(planned, rc) {
    const { clusterId, target } = schemaRegistryTarget(planned, rc);
    await rc.http.send(target, 'PUT', '/config', { body: configBody(planned), signal: rc.ctx.signal });
    return { ...fromConfig(planned, await getConfig(planned, '/config', rc), false), id: clusterId };
  },
  async update(_prior, planned, rc) {
    const { clusterId, target } = schemaRegistryTarget(planned, rc);
    await rc.http.send(target, 'PUT', '/config', { body: configBody(planned), signal: rc.ctx.signal });
    return { ...fromConfig(planned, await getConfig(planned, '/config', rc), false), id: clusterId };
  },
  async read(state, rc) {
    const body = await getConfig(state, '/config', rc);
    return body === null ? null : fromConfig(state, body, false);
  },
  async import(id, rc) {
    const base = importBase(id, rc, false);
    const body = await getConfig(base, '/config', rc);
    return body === null ? null : fromConfig(base, body, false);
  },
};
