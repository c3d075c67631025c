/**
 * `confluent_role_binding` over `iam/v2/role-bindings`. No 90 s sleep: after create the binding
 * is read back until the server answers with it (the local cloud is ready when it answers).
 */
import { DiagnosticsError, errorDiag } from '../../../shared/index.js';
import type { ObjectValue } from '../../lang/index.js';
import { bool, requireStr, str } from './attribute-access.js';
import { pollUntil } from './backoff.js';
import { jstr } from './json-access.js';
import { T, REPLACE, STATE_ONLY, computed, matches, optional, required } from './schema-blocks.js';
import { controlPlane, seg } from './targets.js';
import type { ConfluentResource, ResourceContext } from './types.js';

const PATH = '/iam/v2/role-bindings';

/** CRN patterns compare equal after trimming a trailing slash and lower-casing the scheme. */
export function normalizeCrn(crn: string): string {
  return crn.trim().replace(/\/+$/, '').replace(/^CRN:\/\//i, 'crn://');
}

function toState(body: unknown, base: ObjectValue): ObjectValue {
  const live = jstr(body, 'crn_pattern') ?? '';
  const mine = str(base, 'crn_pattern');
  return {
    id: jstr(body, 'id') ?? null, principal: jstr(body, 'principal') ?? null, role_name: jstr(body, 'role_name') ?? null,
    crn_pattern: mine !== undefined && normalizeCrn(mine) === normalizeCrn(live) ? mine : live,
    disable_wait_for_ready: bool(base, 'disable_wait_for_ready') ?? false,
  };
}

async function getBinding(id: string, rc: ResourceContext): Promise<unknown> {
  const r = await rc.http.send(controlPlane(rc), 'GET', `${PATH}/${seg(id)}`, { accept: [404], signal: rc.ctx.signal });
  return r.status === 404 ? null : r.body;
}

/** The `confluent_role_binding` resource. */
export const roleBindingResource: ConfluentResource = {
  schema: {
    importId: 'rb-xxxxx',
    attributes: {
      principal: required(T.string, REPLACE, { validate: matches(/^User:.+$/, 'match ^User:.+$ (User:sa-..., User:u-..., User:pool-...)') }),
      role_name: required(T.string, REPLACE),
      crn_pattern: required(T.string, { kind: 'replace-if', when: (a, b) => normalizeCrn(String(a)) !== normalizeCrn(String(b)), reason: 'a role binding cannot change its scope' }, { validate: matches(/^crn:\/\/.+$/, 'match ^crn://.+$') }),
      disable_wait_for_ready: optional(T.bool, STATE_ONLY, { default: false }),
      id: computed(T.string),
    },
  },
  plan(draft, req) {
    if (req.prior !== null && typeof draft.crn_pattern === 'string' && typeof req.prior.crn_pattern === 'string'
      && normalizeCrn(draft.crn_pattern) === normalizeCrn(req.prior.crn_pattern)) draft.crn_pattern = req.prior.crn_pattern;
  },
  async create(planned, rc) {
    const body = { principal: requireStr(planned, 'principal'), role_name: requireStr(planned, 'role_name'), crn_pattern: requireStr(planned, 'crn_pattern') };
    const r = await rc.http.send(controlPlane(rc), 'POST', PATH, { body, signal: rc.ctx.signal });
    const id = jstr(r.body, 'id');
    if (id === undefined) throw new DiagnosticsError([errorDiag('confluent-bad-response', 'POST /iam/v2/role-bindings returned no id')]);
    if (bool(planned, 'disable_wait_for_ready') === true) return toState(r.body, planned);
    const live = await pollUntil(rc, async () => {
      const b = await getBinding(id, rc);
      return b === null ? { done: false, status: 'not yet readable' } : { done: true, value: b };
    }, { what: `role binding ${id} to be readable`, timeoutMs: 5 * 60 * 1000 });
    return toState(live, planned);
  },
  async read(state, rc) {
    const body = await getBinding(requireStr(state, 'id'), rc);
    return body === null ? null : toState(body, state);
  },
  async delete(prior, rc) {
    await rc.http.send(controlPlane(rc), 'DELETE', `${PATH}/${seg(requireStr(prior, 'id'))}`, { accept: [404], signal: rc.ctx.signal });
  },
  async import(id, rc) {
    const body = await getBinding(id, rc);
    return body === null ? null : toState(body, {});
  },
};
