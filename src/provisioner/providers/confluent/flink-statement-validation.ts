/**
 * Plan-time Flink SQL validation of `confluent_flink_statement` creates and replacements through
 * the local cloud's `statements:validate` extension (HTTP only). The request carries an overlay of
 * what this plan creates before the statement: topics and schemas planned earlier, and the text of
 * earlier CREATE TABLE / CTAS statements. Real Confluent Cloud has no such endpoint (404): the
 * plan then goes on without validation, as it does when the endpoint cannot be reached or when
 * STREAMFORM_SQL_VALIDATION=off.
 */
import { errorDiag } from '../../../shared/index.js';
import type { Diagnostic } from '../../../shared/index.js';
import { isObjectValue, isUnknown } from '../../lang/index.js';
import type { ObjectValue } from '../../lang/index.js';
import { blockId, credentialsOf, num, str } from './attribute-access.js';
import { at, jarr, jnum, jstr } from './json-access.js';
import { seg } from './targets.js';
import type { ConfluentSettings, Draft, ResourceContext, Target } from './types.js';

/** What plan-time validation found; `stateful` (why the statement keeps state, [] = stateless) only when it planned. */
export interface PlannedValidation {
  readonly diagnostics: Diagnostic[];
  readonly notes: string[];
  readonly stateful?: readonly string[];
}

/** A statement as submitted for validation. */
interface PlannedStatement {
  readonly endpoint: string;
  readonly name: string;
  readonly statement: string;
  readonly properties: Readonly<Record<string, string>>;
}

interface PlannedTopic {
  readonly name: string;
  readonly cluster?: string;
  readonly partitions?: number;
}

interface PlannedSchema {
  readonly schemaType: string;
  readonly schema: string;
}

/**
 * What this plan creates, in planning order (one per provider instance, i.e. per plan). Topics and
 * statements are keyed by what they are (cluster/name; endpoint, properties and text), so planning
 * the same resource again replaces its entry instead of adding a second one.
 */
interface PlanOverlay {
  readonly topics: Map<string, PlannedTopic>;
  readonly schemas: Map<string, PlannedSchema>;
  readonly tableStatements: Map<string, PlannedStatement>;
}

/** Keyed by the settings object, which a provider instance creates once when configured. */
const overlays = new WeakMap<ConfluentSettings, PlanOverlay>();

function overlayOf(rc: ResourceContext): PlanOverlay {
  let o = overlays.get(rc.settings);
  if (o === undefined) {
    o = { topics: new Map(), schemas: new Map(), tableStatements: new Map() };
    overlays.set(rc.settings, o);
  }
  return o;
}

/** Records a topic this plan creates (call from the topic's plan on create/replace). */
export function recordPlannedTopic(draft: Draft, rc: ResourceContext): void {
  const name = str(draft, 'topic_name');
  if (name === undefined) return;
  const cluster = blockId(draft, 'kafka_cluster') ?? (isUnknown(draft.kafka_cluster) ? undefined : rc.settings.kafka?.id);
  const partitions = num(draft, 'partitions_count');
  const o = overlayOf(rc);
  o.topics.set(`${cluster ?? '?'}/${name}`, { name, ...(cluster === undefined ? {} : { cluster }), ...(partitions === undefined ? {} : { partitions }) });
}

/** Records a schema this plan registers (call from the schema's plan when it changes). */
export function recordPlannedSchema(draft: Draft, rc: ResourceContext): void {
  const subject = str(draft, 'subject_name');
  const schema = draft.schema;
  if (subject === undefined || typeof schema !== 'string') return;
  overlayOf(rc).schemas.set(subject, { schemaType: str(draft, 'format') ?? 'AVRO', schema });
}

/** `STREAMFORM_SQL_VALIDATION=off` turns plan-time validation off (e.g. SQL the local cloud cannot run yet). */
export const SWITCH = 'STREAMFORM_SQL_VALIDATION';

const CREATES_TABLE = /^\s*(?:--[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*create\s+(?:or\s+replace\s+)?table\b/i;

function knownStrings(v: ObjectValue[string] | undefined): Record<string, string> | undefined {
  if (v === null || v === undefined) return {};
  if (!isObjectValue(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) {
    if (typeof x !== 'string') return undefined;
    out[k] = x;
  }
  return out;
}

function overlayTables(o: PlanOverlay): Record<string, unknown>[] {
  return [...o.topics.values()].map((t) => {
    const table: Record<string, unknown> = { name: t.name };
    if (t.cluster !== undefined) table.cluster = t.cluster;
    if (t.partitions !== undefined) table.partitions = t.partitions;
    for (const suffix of ['key', 'value'] as const) {
      const s = o.schemas.get(`${t.name}-${suffix}`);
      if (s !== undefined) table[`${suffix}_schema`] = { schema_type: s.schemaType, schema: s.schema };
    }
    return table;
  });
}

/**
 * Validates a statement being created, with everything planned before it. Returns diagnostics for
 * invalid SQL (none when valid or when validation is not available) and notes on partial checks.
 */
export async function validatePlannedStatement(draft: Draft, config: ObjectValue, rc: ResourceContext): Promise<PlannedValidation> {
  const none = { diagnostics: [], notes: [] };
  if (rc.env(SWITCH) === 'off') return none;
  const flink = rc.settings.flink;
  const endpoint = str(draft, 'rest_endpoint') ?? (isUnknown(draft.rest_endpoint) ? undefined : flink?.restEndpoint);
  const text = draft.statement;
  // Properties from config: unset is {}, an unknown map or value means the session is not known yet.
  const visible = knownStrings(config.properties), sensitive = knownStrings(config.properties_sensitive);
  if (endpoint === undefined || typeof text !== 'string' || visible === undefined || sensitive === undefined) return none;
  const properties = { ...visible, ...sensitive };
  const o = overlayOf(rc);
  const self: PlannedStatement = { endpoint, name: str(draft, 'statement_name') ?? 'statement', statement: text, properties };
  const org = blockId(draft, 'organization') ?? flink?.organizationId ?? '-';
  const env = blockId(draft, 'environment') ?? flink?.environmentId ?? '-';
  const credentials = credentialsOf(draft) ?? flink?.credentials;
  const target: Target = credentials === undefined ? { baseUrl: endpoint } : { baseUrl: endpoint, credentials };
  const key = JSON.stringify([endpoint, properties, text]);
  const earlier = [...o.tableStatements].filter(([k, s]) => k !== key && s.endpoint === endpoint).map(([, s]) => s);
  if (CREATES_TABLE.test(text)) o.tableStatements.set(key, self);
  const body = {
    statements: [...earlier, self].map((s) => ({ name: s.name, statement: s.statement, properties: s.properties })),
    overlay: { tables: overlayTables(o) },
  };
  let answer: { status: number; body: unknown };
  try {
    answer = await rc.http.send(target, 'POST', `/sql/v1/organizations/${seg(org)}/environments/${seg(env)}/statements:validate`, {
      body, accept: [400, 401, 403, 404, 405, 501], signal: rc.ctx.signal,
    });
  } catch (e) {
    if (rc.ctx.signal.aborted) throw e;
    return none; // no validation is no reason to fail a plan
  }
  if (answer.status !== 200) return none;
  const mine = jarr(answer.body, 'data').at(-1);
  const unchecked = jstr(mine, 'unchecked');
  const stateful = at(mine, 'stateful');
  return {
    diagnostics: jarr(mine, 'errors').map((e) => invalidSql(e, text)), notes: unchecked === undefined ? [] : [`Flink SQL not fully validated at plan: ${unchecked}`],
    ...(Array.isArray(stateful) ? { stateful: stateful.filter((x): x is string => typeof x === 'string') } : {}),
  };
}

function invalidSql(e: unknown, text: string): Diagnostic {
  const message = jstr(e, 'message') ?? 'The statement is not valid.';
  const line = jnum(e, 'line');
  const column = jnum(e, 'column');
  const parts = [message];
  if (line !== undefined && column !== undefined) {
    const src = text.split(/\r?\n/)[line - 1];
    parts.push(`SQL line ${line}, column ${column}:`);
    if (src !== undefined) parts.push(`  ${src}\n  ${' '.repeat(Math.max(0, column - 1))}^`);
  }
  return errorDiag('confluent-statement-invalid-sql', 'Invalid Flink SQL in confluent_flink_statement', { detail: parts.join('\n\n'), attribute: 'statement' });
}
