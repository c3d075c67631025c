/**
 * `confluent_flink_statement` over the regional `sql/v1` API, with streamform's fixes:
 * properties / statement_name / credentials changes plan as replacements (never an update that
 * fails at apply), `stopped = true` at create creates the statement stopped, phase and status
 * detail are exported, and principal / compute_pool may change only together with a resume
 * (rejected at plan otherwise). Stop and resume are PUTs carrying the current resource_version.
 * Creates and replacements have their SQL validated at plan (flink-statement-validation.ts); a
 * replaced running statement evolves per flink-statement-evolution.ts (carry-over, cut-over, …).
 */
import { DiagnosticsError, errorDiag, warningDiag } from '../../../shared/index.js';
import type { Diagnostic } from '../../../shared/index.js';
import { UNKNOWN, isUnknown } from '../../lang/index.js';
import type { ObjectValue } from '../../lang/index.js';
import { bool, blockId, requireStr, str, stringMap } from './attribute-access.js';
import { deleteStatement, getStatement, putStopped, statementsPath, waitForPhase } from './flink-statement-api.js';
import { abandonEvolution, awaitCutOver, keepsOldStatement, planEvolution, prepareEvolution, stopForEvolution } from './flink-statement-evolution.js';
import { generatedStatementName, statementSchema, statementState } from './flink-statement-state.js';
import { validatePlannedStatement } from './flink-statement-validation.js';
import { jstr } from './json-access.js';
import { PartialApplyError } from './partial-apply-error.js';
import { flinkTarget } from './targets.js';
import type { ConfluentResource, Draft, ResourceContext } from './types.js';

function stateWith(planned: ObjectValue, body: unknown): ObjectValue {
  return statementState(planned, body);
}

/** The `confluent_flink_statement` resource. */
/**
 * Single-pool mode (provider-level flink_* settings): the provider's organization, environment
 * and pool fill unset blocks, and its principal wins over the resource's block — as in the
 * official provider, but said out loud with a warning instead of silently.
 */
function applySinglePool(draft: Draft, rc: ResourceContext): Diagnostic[] {
  const f = rc.settings.flink;
  if (f === undefined) return [];
  const fill = (name: string, id: string): void => { if (isUnknown(draft[name]) || draft[name] === null) draft[name] = { id }; };
  fill('organization', f.organizationId);
  fill('environment', f.environmentId);
  fill('compute_pool', f.computePoolId);
  const configured = blockId(draft, 'principal');
  const out: Diagnostic[] = [];
  if (configured !== undefined && configured !== f.principalId) {
    out.push(warningDiag('confluent-statement-principal-overridden', `The provider's flink_principal_id (${f.principalId}) overrides principal ${configured}`, {
      detail: 'With provider-level Flink settings the statement runs as flink_principal_id. Use rest_endpoint/credentials on the resource (or an aliased provider) to run statements as different principals.',
    }));
  }
  draft.principal = { id: f.principalId };
  return out;
}

export const flinkStatementResource: ConfluentResource = {
  schema: statementSchema,
  async plan(draft, req, rc, replacing) {
    const diagnostics = applySinglePool(draft, rc);
    const prior = req.prior;
    if (prior === null || replacing) {
      const checked = await validatePlannedStatement(draft, req.config, rc);
      const out = { diagnostics: [...diagnostics, ...checked.diagnostics], notes: checked.notes };
      if (prior === null || checked.diagnostics.some((d) => d.severity === 'error')) return out;
      const evo = planEvolution(prior, draft, req.annotations, checked.stateful);
      return { ...out, diagnostics: [...out.diagnostics, ...evo.diagnostics], ...(evo.strategy === undefined ? {} : { replaceStrategy: evo.strategy }) };
    }
    const poolChanged = !isUnknown(draft.compute_pool) && blockId(prior, 'compute_pool') !== blockId(draft, 'compute_pool');
    const principalChanged = !isUnknown(draft.principal) && blockId(prior, 'principal') !== blockId(draft, 'principal');
    const resume = bool(prior, 'stopped') === true && bool(draft, 'stopped') === false;
    const stoppedChanged = bool(prior, 'stopped') !== bool(draft, 'stopped');
    if ((poolChanged || principalChanged) && !resume) {
      const what = [principalChanged ? 'principal' : '', poolChanged ? 'compute_pool' : ''].filter((s) => s !== '').join(' and ');
      return {
        diagnostics: [...diagnostics, errorDiag('confluent-statement-move-without-resume', `Cannot change ${what} of a statement without resuming it`, {
          detail: 'principal and compute_pool can change only together with a resume: set stopped = true and apply first, then change them together with stopped = false.',
        })],
      };
    }
    if (stoppedChanged || poolChanged || principalChanged) {
      for (const k of ['status_phase', 'status_detail', 'latest_offsets', 'latest_offsets_timestamp', 'id']) draft[k] = UNKNOWN;
    }
    return { diagnostics };
  },
  async create(planned, rc, replacing) {
    const t = flinkTarget(planned, rc);
    const name = str(planned, 'statement_name') ?? generatedStatementName(rc.ctx.now(), rc.ids.uuid());
    const properties = { ...stringMap(planned, 'properties'), ...stringMap(planned, 'properties_sensitive') };
    const stopped = bool(planned, 'stopped') === true;
    const spec: Record<string, unknown> = { statement: requireStr(planned, 'statement'), properties, compute_pool_id: t.computePoolId, stopped };
    if (t.principalId !== undefined) spec.principal = t.principalId;
    const evolution = replacing === undefined ? undefined : await prepareEvolution(t, name, replacing, rc);
    if (evolution?.spec !== undefined) spec.evolution = evolution.spec;
    const base = { ...planned, statement_name: name };
    try {
      // Inside the try: a refused POST after a pinned name was freed must still report the offsets.
      await rc.http.send(t.target, 'POST', statementsPath(t), {
        body: { name, organization_id: t.organizationId, environment_id: t.environmentId, spec }, signal: rc.ctx.signal,
      });
      rc.ctx.progress(`created statement ${name}`);
      let body: unknown;
      if (stopped) {
        const now = await getStatement(t, name, rc);
        if (jstr(now, 'status.phase') !== 'STOPPED') await putStopped(t, name, true, rc);
        body = await waitForPhase(t, name, new Set(['STOPPED', 'COMPLETED', 'FAILED']), rc);
      } else {
        const want = new Set(['RUNNING', 'COMPLETED']);
        if (properties['sql.tables.initial-offset-from'] !== undefined) want.add('PENDING');
        body = await waitForPhase(t, name, want, rc);
        if (evolution?.spec?.mode === 'cut-over') body = await awaitCutOver(t, name, rc);
      }
      // The new statement holds the old one's offsets (in its spec): the stopped original can go.
      const old = evolution?.deleteAfter;
      if (old !== undefined) {
        rc.ctx.progress(`deleting statement ${old.name}: ${name} continues its work`);
        await deleteStatement(old.target, old.name, rc);
      }
      return stateWith(base, body);
    } catch (e) {
      const more = evolution !== undefined && replacing !== undefined ? await abandonEvolution(t, name, evolution, replacing, e, rc) : [];
      if (e instanceof PartialApplyError) throw new PartialApplyError(stateWith(base, await getStatement(t, name, rc) ?? {}), [...e.diagnostics, ...more]);
      if (more.length > 0 && e instanceof DiagnosticsError) throw new DiagnosticsError([...e.diagnostics, ...more]);
      throw e;
    }
  },
  async read(state, rc) {
    const t = flinkTarget(state, rc);
    const body = await getStatement(t, requireStr(state, 'statement_name'), rc);
    return body === null ? null : statementState(state, body);
  },
  async update(prior, planned, rc) {
    const t = flinkTarget(prior, rc);
    const name = requireStr(prior, 'statement_name');
    const wasStopped = bool(prior, 'stopped') === true, stop = bool(planned, 'stopped') === true;
    if (!wasStopped && stop) {
      await putStopped(t, name, true, rc);
      return stateWith(planned, await waitForPhase(t, name, new Set(['STOPPED', 'COMPLETED', 'FAILED']), rc));
    }
    if (wasStopped && !stop) {
      const change: { principal?: string; pool?: string } = {};
      const principal = blockId(planned, 'principal'), pool = blockId(planned, 'compute_pool');
      if (principal !== undefined && principal !== blockId(prior, 'principal') && rc.settings.flink === undefined) change.principal = principal;
      if (pool !== undefined && pool !== blockId(prior, 'compute_pool')) change.pool = pool;
      await putStopped(t, name, false, rc, change);
      const want = new Set(['RUNNING', 'COMPLETED']);
      if (stringMap(planned, 'properties')['sql.tables.initial-offset-from'] !== undefined) want.add('PENDING');
      const movedTarget = change.pool !== undefined ? { ...t, computePoolId: change.pool } : t;
      return stateWith(planned, await waitForPhase(movedTarget, name, want, rc));
    }
    // Only state-only attributes changed (properties_sensitive, ...): refresh computed values.
    const body = await getStatement(t, name, rc);
    if (body === null) throw new DiagnosticsError([errorDiag('confluent-not-found', `Statement ${name} does not exist`)]);
    return stateWith(planned, body);
  },
  async delete(prior, rc, replaceStrategy) {
    const t = flinkTarget(prior, rc);
    const name = requireStr(prior, 'statement_name');
    // Carry-over and cut-over: the replacement reads the stopped statement's offsets, then deletes it.
    if (keepsOldStatement(replaceStrategy) && (await getStatement(t, name, rc)) !== null) {
      await stopForEvolution(t, name, rc);
      const body = await getStatement(t, name, rc);
      return body === null ? undefined : statementState(prior, body);
    }
    await deleteStatement(t, name, rc);
  },
  async import(id, rc) {
    const env = (n: string): string | undefined => { const v = rc.env(n); return v === undefined || v === '' ? undefined : v; };
    const base: Record<string, ObjectValue[string]> = { statement_name: id, properties_sensitive: {} };
    const org = env('IMPORT_CONFLUENT_ORGANIZATION_ID'), envId = env('IMPORT_CONFLUENT_ENVIRONMENT_ID'), pool = env('IMPORT_FLINK_COMPUTE_POOL_ID');
    const principal = env('IMPORT_FLINK_PRINCIPAL_ID'), endpoint = env('IMPORT_FLINK_REST_ENDPOINT');
    const key = env('IMPORT_FLINK_API_KEY'), secret = env('IMPORT_FLINK_API_SECRET');
    if (rc.settings.flink === undefined && (org === undefined || envId === undefined || endpoint === undefined)) {
      throw new DiagnosticsError([errorDiag('confluent-import-env', 'Importing a statement needs IMPORT_CONFLUENT_ORGANIZATION_ID, IMPORT_CONFLUENT_ENVIRONMENT_ID, IMPORT_FLINK_COMPUTE_POOL_ID, IMPORT_FLINK_PRINCIPAL_ID, IMPORT_FLINK_REST_ENDPOINT, IMPORT_FLINK_API_KEY and IMPORT_FLINK_API_SECRET (or the provider-level flink_* settings)')]);
    }
    if (org !== undefined) base.organization = { id: org };
    if (envId !== undefined) base.environment = { id: envId };
    if (pool !== undefined) base.compute_pool = { id: pool };
    if (principal !== undefined) base.principal = { id: principal };
    base.rest_endpoint = endpoint ?? null;
    base.credentials = key !== undefined && secret !== undefined ? { key, secret } : null;
    const t = flinkTarget(base, rc);
    const body = await getStatement(t, id, rc);
    return body === null ? null : statementState(base, body);
  },
};
