/**
 * `confluent_environment` (resource and data source) over `org/v2/environments`.
 * stream_governance is sent at create only when set; ESSENTIALS→ADVANCED is in place.
 */
import { DiagnosticsError, errorDiag } from '../../../shared/index.js';
import type { ObjectValue } from '../../lang/index.js';
import type { ResourceSchema } from '../../provider/index.js';
import { block, requireStr, str } from './attribute-access.js';
import { jstr } from './json-access.js';
import { findOneByName, exactlyOneOf } from './lookup.js';
import { T, computed, notEmpty, oneOf, optional, required } from './schema-blocks.js';
import { controlPlane, seg } from './targets.js';
import type { ConfluentDataSource, ConfluentResource, ResourceContext } from './types.js';

const governance = {
  nesting: 'single', maxItems: 1, computed: true,
  block: { attributes: { package: required(T.string, { kind: 'update' }, { validate: oneOf(['ESSENTIALS', 'ADVANCED']) }) } },
} as const;

const schema: ResourceSchema = {
  importId: 'env-xxxxx',
  attributes: {
    display_name: required(T.string, { kind: 'update' }, { validate: notEmpty }),
    id: computed(T.string),
    resource_name: computed(T.string),
  },
  blocks: { stream_governance: governance },
};

const PATH = '/org/v2/environments';

/** State attributes from an Environment object. */
function toState(body: unknown): ObjectValue {
  const pkg = jstr(body, 'stream_governance_config.package');
  return {
    id: jstr(body, 'id') ?? null,
    display_name: jstr(body, 'display_name') ?? null,
    resource_name: jstr(body, 'metadata.resource_name') ?? null,
    stream_governance: pkg !== undefined ? { package: pkg } : null,
  };
}

/** GET an environment; null on 404. */
export async function getEnvironment(id: string, rc: ResourceContext): Promise<unknown> {
  const r = await rc.http.send(controlPlane(rc), 'GET', `${PATH}/${seg(id)}`, { accept: [404], signal: rc.ctx.signal });
  return r.status === 404 ? null : r.body;
}

/** The `confluent_environment` resource. */
export const environmentResource: ConfluentResource = {
  schema,
  async create(planned, rc) {
    const pkg = str(block(planned, 'stream_governance'), 'package');
    const body: Record<string, unknown> = { display_name: requireStr(planned, 'display_name') };
    if (pkg !== undefined) body.stream_governance_config = { package: pkg };
    const r = await rc.http.send(controlPlane(rc), 'POST', PATH, { body, signal: rc.ctx.signal });
    return toState(r.body);
  },
  async read(state, rc) {
    const body = await getEnvironment(requireStr(state, 'id'), rc);
    return body === null ? null : toState(body);
  },
  async update(prior, planned, rc) {
    const body: Record<string, unknown> = { display_name: requireStr(planned, 'display_name') };
    const pkg = str(block(planned, 'stream_governance'), 'package');
    if (pkg !== undefined) body.stream_governance_config = { package: pkg };
    const r = await rc.http.send(controlPlane(rc), 'PATCH', `${PATH}/${seg(requireStr(prior, 'id'))}`, { body, signal: rc.ctx.signal });
    return toState(r.body);
  },
  async delete(prior, rc) {
    await rc.http.send(controlPlane(rc), 'DELETE', `${PATH}/${seg(requireStr(prior, 'id'))}`, { accept: [404], signal: rc.ctx.signal });
  },
  async import(id, rc) {
    const body = await getEnvironment(id, rc);
    return body === null ? null : toState(body);
  },
};

/** The `confluent_environment` data source: exactly one of id or display_name. */
export const environmentDataSource: ConfluentDataSource = {
  schema: {
    attributes: {
      id: optional(T.string, { kind: 'update' }, { computed: true }),
      display_name: optional(T.string, { kind: 'update' }, { computed: true }),
      resource_name: computed(T.string),
    },
    blocks: { stream_governance: { ...governance, block: { attributes: { package: computed(T.string) } } } },
  },
  validate: (config) => exactlyOneOf(config, ['id', 'display_name']),
  async read(config, rc) {
    const id = str(config, 'id');
    if (id !== undefined) {
      const body = await getEnvironment(id, rc);
      if (body === null) throw new DiagnosticsError([errorDiag('confluent-not-found', `Environment ${id} was not found`)]);
      return toState(body);
    }
    return toState(await findOneByName(rc, controlPlane(rc), PATH, {}, requireStr(config, 'display_name'), 'environment'));
  },
};
