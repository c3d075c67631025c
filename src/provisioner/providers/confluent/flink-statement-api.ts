/**
 * The `sql/v1` statement calls the `confluent_flink_statement` resource and its evolution share:
 * GET, phase polling, stop/resume PUTs (with the current resource_version) and delete-and-wait.
 */
import { DiagnosticsError, errorDiag } from '../../../shared/index.js';
import { pollUntil } from './backoff.js';
import { statementState } from './flink-statement-state.js';
import { at, jstr } from './json-access.js';
import { PartialApplyError } from './partial-apply-error.js';
import { seg } from './targets.js';
import type { FlinkTarget } from './targets.js';
import type { ResourceContext } from './types.js';

const FAILED = new Set(['FAILED', 'FAILING']);

export function statementsPath(t: FlinkTarget): string {
  return `/sql/v1/organizations/${seg(t.organizationId)}/environments/${seg(t.environmentId)}/statements`;
}

export async function getStatement(t: FlinkTarget, name: string, rc: ResourceContext): Promise<unknown> {
  const r = await rc.http.send(t.target, 'GET', `${statementsPath(t)}/${seg(name)}`, { accept: [404], signal: rc.ctx.signal });
  return r.status === 404 ? null : r.body;
}

/** Polls until the phase is one of `want`; FAILED/FAILING (unless wanted) is an error with the server's detail. */
export async function waitForPhase(t: FlinkTarget, name: string, want: ReadonlySet<string>, rc: ResourceContext): Promise<unknown> {
  return pollUntil(rc, async () => {
    const body = await getStatement(t, name, rc);
    if (body === null) throw new DiagnosticsError([errorDiag('confluent-not-found', `Statement ${name} disappeared`)]);
    const phase = jstr(body, 'status.phase') ?? 'PENDING';
    if (want.has(phase)) return { done: true, value: body };
    if (FAILED.has(phase)) {
      throw new PartialApplyError(statementState({}, body), [errorDiag('confluent-statement-failed', `Statement ${name} is ${phase}`, { detail: jstr(body, 'status.detail') ?? 'The server gave no status detail.' })]);
    }
    return { done: false, status: phase };
  }, { what: `statement ${name} to be ${[...want].join(' or ')}` });
}

/** PUT the fetched statement with `stopped` (and optionally a new principal/pool); retries a stale resource_version. */
export async function putStopped(t: FlinkTarget, name: string, stopped: boolean, rc: ResourceContext, change: { principal?: string; pool?: string } = {}): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const current = await getStatement(t, name, rc);
    if (current === null) throw new DiagnosticsError([errorDiag('confluent-not-found', `Statement ${name} does not exist`)]);
    const phase = jstr(current, 'status.phase') ?? '';
    if (stopped && (phase === 'STOPPED' || phase === 'COMPLETED' || phase === 'FAILED')) return; // nothing to stop
    const spec: Record<string, unknown> = { ...((at(current, 'spec') ?? {}) as Record<string, unknown>), stopped };
    if (change.principal !== undefined) spec.principal = change.principal;
    if (change.pool !== undefined) spec.compute_pool_id = change.pool;
    const body = {
      name, organization_id: t.organizationId, environment_id: t.environmentId,
      metadata: { resource_version: jstr(current, 'metadata.resource_version') ?? '' }, spec,
    };
    const r = await rc.http.send(t.target, 'PUT', `${statementsPath(t)}/${seg(name)}`, { body, accept: attempt < 3 ? [409] : [], signal: rc.ctx.signal });
    if (r.status !== 409) return;
  }
}

/** DELETE a statement and wait until it is gone (404). */
export async function deleteStatement(t: FlinkTarget, name: string, rc: ResourceContext): Promise<void> {
  await rc.http.send(t.target, 'DELETE', `${statementsPath(t)}/${seg(name)}`, { accept: [404], signal: rc.ctx.signal });
  await pollUntil(rc, async () => ((await getStatement(t, name, rc)) === null ? { done: true, value: undefined } : { done: false, status: 'DELETING' }), { what: `statement ${name} to be deleted` });
}
