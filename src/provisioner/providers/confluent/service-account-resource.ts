/** `confluent_service_account` (resource and data source) over `iam/v2/service-accounts`. */
import { DiagnosticsError, errorDiag } from '../../../shared/index.js';
import type { ObjectValue } from '../../lang/index.js';
import { requireStr, str } from './attribute-access.js';
import { jstr } from './json-access.js';
import { exactlyOneOf, findOneByName } from './lookup.js';
import { T, computed, optionalComputed, required } from './schema-blocks.js';
import { controlPlane, seg } from './targets.js';
import type { ConfluentDataSource, ConfluentResource, ResourceContext } from './types.js';

const PATH = '/iam/v2/service-accounts';

function toState(body: unknown): ObjectValue {
  return {
    id: jstr(body, 'id') ?? null, display_name: jstr(body, 'display_name') ?? null, description: jstr(body, 'description') ?? '',
    api_version: jstr(body, 'api_version') ?? 'iam/v2', kind: jstr(body, 'kind') ?? 'ServiceAccount',
  };
}

async function getAccount(id: string, rc: ResourceContext): Promise<unknown> {
  const r = await rc.http.send(controlPlane(rc), 'GET', `${PATH}/${seg(id)}`, { accept: [404], signal: rc.ctx.signal });
  return r.status === 404 ? null : r.body;
}

/** The `confluent_service_account` resource. */
export const serviceAccountResource: ConfluentResource = {
  schema: {
    importId: 'sa-xxxxx',
    attributes: {
      display_name: required(T.string, { kind: 'update' }, { validate: (v) => (v === '' ? 'must not be empty' : typeof v === 'string' && v.length > 64 ? 'must be at most 64 characters' : undefined) }),
      description: optionalComputed(T.string),
      id: computed(T.string), api_version: computed(T.string), kind: computed(T.string),
    },
  },
  async create(planned, rc) {
    const body: Record<string, unknown> = { display_name: requireStr(planned, 'display_name') };
    const d = str(planned, 'description');
    if (d !== undefined) body.description = d;
    return toState((await rc.http.send(controlPlane(rc), 'POST', PATH, { body, signal: rc.ctx.signal })).body);
  },
  async read(state, rc) {
    const body = await getAccount(requireStr(state, 'id'), rc);
    return body === null ? null : toState(body);
  },
  async update(prior, planned, rc) {
    const body: Record<string, unknown> = { display_name: requireStr(planned, 'display_name'), description: str(planned, 'description') ?? '' };
    return toState((await rc.http.send(controlPlane(rc), 'PATCH', `${PATH}/${seg(requireStr(prior, 'id'))}`, { body, signal: rc.ctx.signal })).body);
  },
  async delete(prior, rc) {
    await rc.http.send(controlPlane(rc), 'DELETE', `${PATH}/${seg(requireStr(prior, 'id'))}`, { accept: [404], signal: rc.ctx.signal });
  },
  async import(id, rc) {
    const body = await getAccount(id, rc);
    return body === null ? null : toState(body);
  },
};

/** The `confluent_service_account` data source: exactly one of id or display_name. */
export const serviceAccountDataSource: ConfluentDataSource = {
  schema: {
    attributes: {
      id: optionalComputed(T.string), display_name: optionalComputed(T.string), description: computed(T.string),
      api_version: computed(T.string), kind: computed(T.string),
    },
  },
  validate: (config) => exactlyOneOf(config, ['id', 'display_name']),
  async read(config, rc) {
    const id = str(config, 'id');
    if (id !== undefined) {
      const body = await getAccount(id, rc);
      if (body === null) throw new DiagnosticsError([errorDiag('confluent-not-found', `Service account ${id} was not found`)]);
      return toState(body);
    }
    return toState(await findOneByName(rc, controlPlane(rc), PATH, {}, requireStr(config, 'display_name'), 'service account'));
  },
};
