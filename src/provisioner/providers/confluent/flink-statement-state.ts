/**
 * The `confluent_flink_statement` schema and the mapping between a `sql/v1` Statement object and
 * its attributes: phase, status detail and latest offsets are exported (the official provider
 * hides them), and the id is rebuilt as `env/pool/name` on every read.
 */
import { isObjectValue } from '../../lang/index.js';
import type { ObjectValue, Value } from '../../lang/index.js';
import type { ResourceSchema } from '../../provider/index.js';
import { str, stringMap, mapValue } from './attribute-access.js';
import { jbool, jmap, jstr } from './json-access.js';
import { T, REPLACE, STATE_ONLY, UPDATE, computed, credentialsBlock, idBlock, notEmpty, optionalComputed, required, restEndpoint } from './schema-blocks.js';

const always = (): boolean => true;

/** Resource schema of `confluent_flink_statement` with streamform's deliberate fixes. */
export const statementSchema: ResourceSchema = {
  importId: '<statement name> (plus the IMPORT_* environment variables)',
  attributes: {
    statement: required(T.string, REPLACE, { validate: notEmpty }),
    statement_name: optionalComputed(T.string, { kind: 'replace-if', when: always, reason: 'a statement cannot be renamed: a new statement is created under the new name (offsets are not carried over)' }, {
      validate: (v) => (typeof v === 'string' && !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(v) ? 'must be lower-case letters, digits, "-" and "." (a DNS-style name)' : undefined),
    }),
    properties: optionalComputed(T.map(T.string), { kind: 'replace-if', when: always, reason: 'statement properties are immutable: the statement is recreated with the new properties (offsets are not carried over; see sql.tables.initial-offset-from)' }),
    properties_sensitive: optionalComputed(T.map(T.string), STATE_ONLY, { sensitive: true }),
    stopped: optionalComputed(T.bool, UPDATE),
    rest_endpoint: restEndpoint(REPLACE),
    id: computed(T.string),
    status_phase: computed(T.string, { description: 'The statement phase: PENDING, RUNNING, COMPLETED, STOPPED, FAILED, ...' }),
    status_detail: computed(T.string),
    latest_offsets: computed(T.map(T.string)),
    latest_offsets_timestamp: computed(T.string),
  },
  blocks: {
    organization: idBlock({ computed: true }),
    environment: idBlock({ computed: true, pattern: /^env-/, rule: 'start with env-' }),
    compute_pool: idBlock({ computed: true, onChange: UPDATE, pattern: /^lfcp-/, rule: 'start with lfcp-' }),
    principal: idBlock({ computed: true, onChange: UPDATE, pattern: /^(sa-|u-|pool-)/, rule: 'start with sa-, u- or pool-' }),
    credentials: credentialsBlock({ kind: 'replace-if', when: always, reason: 'the statement\'s credentials changed: the statement is recreated with the new key (rotate through the provider block to avoid this)' }),
  },
};

/** The generated name for an unnamed statement: `tf-YYYY-MM-DD-HHMMSS-<uuid>`. */
export function generatedStatementName(now: number, uuid: string): string {
  const iso = new Date(now).toISOString(); // 2026-11-24T01:21:35.123Z
  return `tf-${iso.slice(0, 10)}-${iso.slice(11, 19).replace(/:/g, '')}-${uuid}`;
}

/** Properties as the server holds them, minus `sql.secrets*`, limited to the keys we manage. */
function visibleProperties(body: unknown, base: ObjectValue): Record<string, string> {
  const server = jmap(body, 'spec.properties');
  const mine = stringMap(base, 'properties');
  const sensitive = stringMap(base, 'properties_sensitive');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(server)) {
    if (k.startsWith('sql.secrets') || (k in sensitive && !(k in mine))) continue;
    // Keys the server adds on its own are not drift the user can fix; keys we set are compared.
    if (Object.keys(mine).length === 0 || k in mine) out[k] = v;
  }
  return out;
}

/** State attributes from a Statement object, keeping config-only attributes of `base`. */
export function statementState(base: ObjectValue, body: unknown): ObjectValue {
  const name = jstr(body, 'name') ?? str(base, 'statement_name') ?? '';
  const env = jstr(body, 'environment_id') ?? '';
  const pool = jstr(body, 'spec.compute_pool_id') ?? '';
  const principal = jstr(body, 'spec.principal');
  const phase = jstr(body, 'status.phase') ?? null;
  const out: Record<string, Value> = {
    ...base,
    statement_name: name,
    statement: jstr(body, 'spec.statement') ?? str(base, 'statement') ?? null,
    properties: mapValue(visibleProperties(body, base)),
    stopped: jbool(body, 'spec.stopped') ?? phase === 'STOPPED',
    organization: { id: jstr(body, 'organization_id') ?? '' },
    environment: { id: env },
    compute_pool: pool !== '' ? { id: pool } : null,
    principal: principal !== undefined && principal !== '' ? { id: principal } : null,
    id: `${env}/${pool}/${name}`,
    status_phase: phase,
    status_detail: jstr(body, 'status.detail') ?? '',
    latest_offsets: mapValue(jmap(body, 'status.latest_offsets')),
    latest_offsets_timestamp: jstr(body, 'status.latest_offsets_timestamp') ?? '0001-01-01T00:00:00Z',
  };
  if (!isObjectValue(base.properties_sensitive)) out.properties_sensitive = {};
  return out;
}
