/** Confluent's `sql/v1` wire shapes for statements, result pages and exception lists. */
import type { HttpRequest } from '../../http/index.js';
import type { StatementRecord } from './types.js';

/** Path of the statements collection of an environment. */
export function statementsPath(orgId: string, envId: string): string {
  return `/sql/v1/organizations/${orgId}/environments/${envId}/statements`;
}

/** Renders a statement object (`api_version: sql/v1`, `kind: Statement`). */
export function renderStatement(req: HttpRequest, s: StatementRecord): Record<string, unknown> {
  const status: Record<string, unknown> = {
    phase: s.status.phase,
    detail: s.status.detail,
    scaling_status: { scaling_state: s.status.scalingState, last_updated: s.status.scalingUpdatedAt },
    network_kind: 'PUBLIC',
  };
  const t = s.status.traits;
  if (t !== undefined) {
    const traits: Record<string, unknown> = { sql_kind: t.sqlKind, is_bounded: t.isBounded, is_append_only: t.isAppendOnly, schema: { columns: t.columns } };
    if (t.upsertColumns !== undefined) traits['upsert_columns'] = t.upsertColumns;
    status['traits'] = traits;
  }
  if (s.status.latestOffsets !== undefined) status['latest_offsets'] = s.status.latestOffsets;
  if (s.status.latestOffsetsTimestamp !== undefined) status['latest_offsets_timestamp'] = s.status.latestOffsetsTimestamp;
  if (s.status.endTime !== undefined) status['end_time'] = s.status.endTime;
  return {
    api_version: 'sql/v1', kind: 'Statement',
    name: s.name, organization_id: s.organizationId, environment_id: s.environmentId,
    metadata: {
      self: `${req.baseUrl}${statementsPath(s.organizationId, s.environmentId)}/${s.name}`,
      created_at: s.createdAt, updated_at: s.updatedAt, uid: s.uid, resource_version: String(s.resourceVersion), labels: s.labels,
    },
    spec: {
      statement: s.spec.statement, properties: s.spec.properties, compute_pool_id: s.spec.computePoolId,
      principal: s.spec.principal, stopped: s.spec.stopped, execution_mode: 'streaming',
      ...(s.spec.evolution === undefined ? {} : { evolution: s.spec.evolution }),
    },
    status,
  };
}
