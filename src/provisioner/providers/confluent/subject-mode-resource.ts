/** `confluent_subject_mode`: PUT/GET/DELETE `/mode/<subject>` (force=true when asked, for IMPORT). */
import type { ObjectValue } from '../../lang/index.js';
import type { ResourceSchema } from '../../provider/index.js';
import { bool, requireStr, str } from './attribute-access.js';
import { jstr } from './json-access.js';
import { T, REPLACE, STATE_ONLY, notEmpty, oneOf, optional, optionalComputed, required } from './schema-blocks.js';
import { importBase, srCommon } from './subject-config-resource.js';
import { schemaRegistryTarget, seg } from './targets.js';
import type { ConfluentResource, ResourceContext } from './types.js';

function modePath(attrs: ObjectValue): string {
  return `/mode/${seg(requireStr(attrs, 'subject_name'))}`;
}

async function getMode(attrs: ObjectValue, rc: ResourceContext): Promise<string | null> {
  const { target } = schemaRegistryTarget(attrs, rc);
  const r = await rc.http.send(target, 'GET', modePath(attrs), { accept: [404], signal: rc.ctx.signal });
  return r.status === 404 ? null : jstr(r.body, 'mode') ?? null;
}

async function putMode(planned: ObjectValue, rc: ResourceContext): Promise<ObjectValue> {
  const { clusterId, target } = schemaRegistryTarget(planned, rc);
  const mode = str(planned, 'mode');
  if (mode !== undefined) {
    const query: Record<string, string> = bool(planned, 'force') === true ? { force: 'true' } : {};
    await rc.http.send(target, 'PUT', modePath(planned), { body: { mode }, query, signal: rc.ctx.signal });
  }
  return { ...planned, mode: (await getMode(planned, rc)) ?? mode ?? null, id: `${clusterId}/${requireStr(planned, 'subject_name')}` };
}

/** The `confluent_subject_mode` resource. */
export const subjectModeResource: ConfluentResource = {
  schema: {
    importId: 'lsrc-xxxxx/<subject>',
    attributes: {
      ...srCommon.attributes,
      subject_name: required(T.string, REPLACE, { validate: notEmpty }),
      mode: optionalComputed(T.string, { kind: 'update' }, { validate: oneOf(['READWRITE', 'READONLY', 'READONLY_OVERRIDE', 'IMPORT']) }),
      force: optional(T.bool, STATE_ONLY, { default: false }),
    },
    blocks: srCommon.blocks,
  } satisfies ResourceSchema,
  create: putMode,
  update: (_prior, planned, rc) => putMode(planned, rc),
  async read(state, rc) {
    const mode = await getMode(state, rc);
    return mode === null ? null : { ...state, mode };
  },
  async delete(prior, rc) {
    const { target } = schemaRegistryTarget(prior, rc);
    await rc.http.send(target, 'DELETE', modePath(prior), { accept: [404], signal: rc.ctx.signal });
  },
  async import(id, rc) {
    const base = importBase(id, rc, true);
    const mode = await getMode(base, rc);
    return mode === null ? null : { ...base, mode, force: false };
  },
};
