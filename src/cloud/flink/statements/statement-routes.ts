/**
 * `sql/v1/organizations/:org/environments/:env/statements`: create, list, read, stop/resume
 * (PUT with resource_version), delete, results pages and exceptions. Execution is not done
 * here: new statements wait in PENDING for a runtime attached to the StatementStore.
 */
import type { Clock, IdSource } from '../../../shared/index.js';
import type { HttpRequest, JsonObject, Route } from '../../http/index.js';
import { ApiError, isObject, optionalBool, optionalChild, optionalString, optionalStringMap, paginate, pageUrl, requireChild, requireObject, requireString } from '../../http/index.js';
import { computePoolCrn, flinkRegionId, serviceAccountCrn, statementCrn, userCrn } from '../../control-plane/index.js';
import type { StatementStore } from './statement-store.js';
import { renderStatement } from './statement-render.js';
import type { StatementEvolution, StatementRecord } from './types.js';
import { EVOLUTION_MODES } from './types.js';

const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** The detail of a statement waiting for the runtime. */
export const PENDING_DETAIL = 'Statement is pending execution.';
const STOPPED_AT_CREATE_DETAIL = 'Statement was created stopped (spec.stopped = true).';

/** A compute pool as the statement routes need it. */
export interface PoolInfo {
  readonly id: string;
  readonly environmentId: string;
  readonly cloud: string;
  readonly region: string;
  readonly defaultPool: boolean;
}

/** What the statement routes need from the rest of the cloud (wired by server.ts). */
export interface StatementRoutesContext {
  readonly store: StatementStore;
  readonly orgId: string;
  readonly clock: Clock;
  readonly ids: IdSource;
  readonly environmentExists: (envId: string) => boolean;
  readonly computePool: (id: string) => PoolInfo | undefined;
  readonly computePools: (envId: string) => readonly PoolInfo[];
  readonly principalExists: (id: string) => boolean;
  /** Throws 403 when the caller may not do `operation` on `crn` (no-op without auth). */
  readonly access: (req: HttpRequest, crn: string, operation: string) => void;
  /** True when the caller may describe `crn`; filters the list (default: everything). */
  readonly visible?: (req: HttpRequest, crn: string) => boolean;
}

function nowIso(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}

function requireStatement(ctx: StatementRoutesContext, req: HttpRequest): StatementRecord {
  const envId = req.params['env'] ?? '';
  const name = req.params['name'] ?? '';
  const s = ctx.store.get(envId, name);
  if (s === undefined) throw new ApiError(404, 'not_found', `Statement '${name}' not found in environment '${envId}'.`);
  return s;
}

function checkScope(ctx: StatementRoutesContext, req: HttpRequest): string {
  const org = req.params['org'] ?? '';
  const env = req.params['env'] ?? '';
  if (org !== ctx.orgId) throw new ApiError(404, 'not_found', `Organization '${org}' not found.`);
  if (!ctx.environmentExists(env)) throw new ApiError(404, 'not_found', `Environment '${env}' not found.`);
  return env;
}

function poolCrnOf(ctx: StatementRoutesContext, pool: PoolInfo): string {
  return computePoolCrn(ctx.orgId, pool.environmentId, flinkRegionId(pool.cloud, pool.region), pool.id);
}

function principalCrn(ctx: StatementRoutesContext, id: string): string {
  return id.startsWith('u-') ? userCrn(ctx.orgId, id) : serviceAccountCrn(ctx.orgId, id);
}

/** Checks pool and principal of a create or resume, including Use on the pool and Assign on the principal. */
function checkRunAs(ctx: StatementRoutesContext, req: HttpRequest, envId: string, poolId: string, principal: string): void {
  if (poolId !== '') {
    const pool = ctx.computePool(poolId);
    if (pool === undefined || pool.environmentId !== envId) throw new ApiError(400, 'invalid_input', `Compute pool '${poolId}' not found in environment '${envId}'.`, '/spec/compute_pool_id');
    ctx.access(req, poolCrnOf(ctx, pool), 'Use');
  }
  if (principal !== '') {
    if (!ctx.principalExists(principal)) throw new ApiError(400, 'invalid_input', `Principal '${principal}' not found.`, '/spec/principal');
    if (req.principal !== undefined && req.principal.id !== principal) ctx.access(req, principalCrn(ctx, principal), 'Assign');
  }
}

function create(ctx: StatementRoutesContext, req: HttpRequest): StatementRecord {
  const envId = checkScope(ctx, req);
  const body = requireObject(req.body);
  const name = requireString(body, '/name', { maxLength: 100, pattern: NAME });
  const spec = requireChild(body, '/spec');
  const statement = requireString(spec, '/spec/statement');
  const properties = optionalStringMap(spec, '/spec/properties') ?? {};
  const requestedPool = optionalString(spec, '/spec/compute_pool_id', { allowEmpty: true }) ?? '';
  const poolId = requestedPool !== '' ? requestedPool : (ctx.computePools(envId).find((p) => p.defaultPool)?.id ?? '');
  const principal = optionalString(spec, '/spec/principal', { allowEmpty: true }) || (req.principal?.id ?? '');
  const metadata = optionalChild(body, '/metadata');
  const labels = (metadata === undefined ? undefined : optionalStringMap(metadata, '/metadata/labels')) ?? {};
  // `spec.stopped = true` creates the statement STOPPED: it never runs until a resume PUT.
  const stopped = optionalBool(spec, '/spec/stopped') ?? false;
  checkRunAs(ctx, req, envId, poolId, principal);
  const evolution = evolutionOf(spec);
  const now = nowIso(ctx.clock);
  const status: StatementRecord['status'] = stopped
    ? { phase: 'STOPPED', detail: STOPPED_AT_CREATE_DETAIL, scalingState: 'OK', scalingUpdatedAt: now, endTime: now }
    : { phase: 'PENDING', detail: PENDING_DETAIL, scalingState: 'OK', scalingUpdatedAt: now };
  const rec: StatementRecord = {
    organizationId: ctx.orgId, environmentId: envId, name, uid: ctx.ids.uuid(), resourceVersion: 1,
    createdAt: now, updatedAt: now, labels,
    spec: { statement, properties, computePoolId: poolId, principal, stopped, ...(evolution === undefined ? {} : { evolution }) },
    status,
  };
  if (!ctx.store.insert(rec)) throw new ApiError(409, 'conflict', `Statement '${name}' already exists in environment '${envId}'.`, '/name');
  return rec;
}

/** `spec.evolution` of a create (streamform extension): `{ mode, offsets }`. */
function evolutionOf(spec: JsonObject): StatementEvolution | undefined {
  const e = optionalChild(spec, '/spec/evolution');
  if (e === undefined) return undefined;
  const mode = requireString(e, '/spec/evolution/mode');
  if (!(EVOLUTION_MODES as readonly string[]).includes(mode)) throw new ApiError(400, 'invalid_input', `spec.evolution.mode must be one of ${EVOLUTION_MODES.join(', ')}.`, '/spec/evolution/mode');
  const offsets = optionalStringMap(e, '/spec/evolution/offsets') ?? {};
  for (const [topic, text] of Object.entries(offsets)) {
    if (!/^(\s*partition:\d+,\s*offset:\d+\s*)(;\s*partition:\d+,\s*offset:\d+\s*)*$/.test(text) && text !== '') {
      throw new ApiError(400, 'invalid_input', `spec.evolution.offsets['${topic}'] must look like 'partition:0,offset:42;partition:1,offset:300'.`, '/spec/evolution/offsets');
    }
  }
  return { mode: mode as StatementEvolution['mode'], offsets };
}

function sameMap(a: { readonly [k: string]: string }, b: { readonly [k: string]: string }): boolean {
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k]);
}

function update(ctx: StatementRoutesContext, req: HttpRequest): StatementRecord {
  checkScope(ctx, req);
  const cur = requireStatement(ctx, req);
  const body = requireObject(req.body);
  const name = optionalString(body, '/name');
  if (name !== undefined && name !== cur.name) throw new ApiError(400, 'invalid_input', 'A statement cannot be renamed.', '/name');
  const metadata = requireChild(body, '/metadata');
  const version = metadata['resource_version'];
  if (typeof version !== 'string' && typeof version !== 'number') throw new ApiError(400, 'invalid_input', '/metadata/resource_version is required.', '/metadata/resource_version');
  if (String(version) !== String(cur.resourceVersion)) {
    throw new ApiError(409, 'conflict', `Statement '${cur.name}' was modified (resource_version is ${cur.resourceVersion}, request has ${String(version)}); fetch it again and retry.`, '/metadata/resource_version');
  }
  const spec = requireChild(body, '/spec');
  const text = optionalString(spec, '/spec/statement');
  if (text !== undefined && text !== cur.spec.statement) throw new ApiError(400, 'invalid_input', 'spec.statement cannot be changed; create a new statement.', '/spec/statement');
  const props = optionalStringMap(spec, '/spec/properties');
  if (props !== undefined && !sameMap(props, cur.spec.properties)) throw new ApiError(400, 'invalid_input', 'spec.properties cannot be changed; create a new statement.', '/spec/properties');
  const stopped = optionalBool(spec, '/spec/stopped') ?? cur.spec.stopped;
  const poolId = optionalString(spec, '/spec/compute_pool_id', { allowEmpty: true }) ?? cur.spec.computePoolId;
  const principal = optionalString(spec, '/spec/principal', { allowEmpty: true }) ?? cur.spec.principal;
  const runAsChanged = poolId !== cur.spec.computePoolId || principal !== cur.spec.principal;
  const resume = cur.spec.stopped && !stopped;
  if (runAsChanged && !resume) {
    const pointer = poolId !== cur.spec.computePoolId ? '/spec/compute_pool_id' : '/spec/principal';
    throw new ApiError(400, 'invalid_input', 'spec.principal and spec.compute_pool_id can only change together with a resume (spec.stopped from true to false).', pointer);
  }
  if (resume) {
    checkRunAs(ctx, req, cur.environmentId, poolId, principal);
    return ctx.store.replace({
      ...cur, spec: { ...cur.spec, stopped: false, computePoolId: poolId, principal },
      status: withoutEnd({ ...cur.status, phase: 'PENDING', detail: PENDING_DETAIL }),
    });
  }
  if (!cur.spec.stopped && stopped) {
    const active = !['COMPLETED', 'FAILED', 'STOPPED'].includes(cur.status.phase);
    const viaRuntime = ctx.store.runtimeAttached;
    const phase = !active ? cur.status.phase : viaRuntime ? 'STOPPING' : 'STOPPED';
    const detail = !active ? cur.status.detail : viaRuntime ? 'Statement is stopping.' : 'Statement was stopped by the user.';
    const status = phase === 'STOPPED' && active ? { ...cur.status, phase, detail, endTime: nowIso(ctx.clock) } : { ...cur.status, phase, detail };
    return ctx.store.replace({ ...cur, spec: { ...cur.spec, stopped: true }, status });
  }
  return cur;
}

function withoutEnd(s: StatementRecord['status']): StatementRecord['status'] {
  const { endTime: _drop, ...rest } = s;
  return rest;
}

function results(ctx: StatementRoutesContext, req: HttpRequest): Record<string, unknown> {
  checkScope(ctx, req);
  const s = requireStatement(ctx, req);
  const tokenText = req.query.get('page_token');
  const page = tokenText === null || tokenText === '' ? 0 : Number(tokenText);
  if (!Number.isInteger(page) || page < 0) throw new ApiError(400, 'invalid_input', `Query parameter 'page_token' is not a token this server issued.`);
  ctx.store.noteResultsFetched(s.environmentId, s.name);
  const rows = ctx.store.resultPage(s.environmentId, s.name, page);
  const done = ['COMPLETED', 'FAILED', 'STOPPED'].includes(s.status.phase) && page + 1 >= ctx.store.resultPageCount(s.environmentId, s.name);
  const nextPage = rows === undefined ? page : page + 1;
  const metadata: Record<string, unknown> = { self: pageUrl(req.baseUrl, req.path, req.query, String(page)), created_at: s.createdAt };
  // An empty `next` tells clients the result is complete; a running statement always has one.
  metadata['next'] = done ? '' : pageUrl(req.baseUrl, req.path, req.query, String(nextPage));
  return { api_version: 'sql/v1', kind: 'StatementResult', metadata, results: { data: rows ?? [] } };
}

/** `label_selector`: comma-separated `key=value` (or `key!=value`) terms, all of which must hold. */
function matchesLabels(labels: { readonly [k: string]: string }, selector: string | null): boolean {
  if (selector === null || selector.trim() === '') return true;
  return selector.split(',').every((term) => {
    const neq = term.indexOf('!=');
    if (neq > 0) return labels[term.slice(0, neq).trim()] !== term.slice(neq + 2).trim();
    const eq = term.indexOf('=');
    if (eq <= 0) throw new ApiError(400, 'invalid_input', `label_selector term '${term}' must be key=value or key!=value.`);
    return labels[term.slice(0, eq).trim()] === term.slice(eq + 1).trim();
  });
}

/** The routes of `sql/v1/.../statements`. */
export function statementRoutes(ctx: StatementRoutesContext): Route[] {
  const base = '/sql/v1/organizations/:org/environments/:env/statements';
  const oneCrn = (req: HttpRequest): string => statementCrn(ctx.orgId, req.params['env'] ?? '', req.params['name'] ?? '');
  const createCrn = (req: HttpRequest): string => {
    const name = isObject(req.body) && typeof req.body['name'] === 'string' ? req.body['name'] : '*';
    return statementCrn(ctx.orgId, req.params['env'] ?? '', name);
  };
  const envStatementsCrn = (req: HttpRequest): string => statementCrn(ctx.orgId, req.params['env'] ?? '', '*');
  return [
    {
      method: 'POST', pattern: base, envelope: 'confluent', authz: { crn: createCrn, operation: 'Manage' },
      handler: (req) => ({ status: 201, body: renderStatement(req, create(ctx, req)) }),
    },
    {
      method: 'GET', pattern: base, envelope: 'confluent', authz: { crn: envStatementsCrn, operation: 'Describe' },
      handler: (req) => {
        const envId = checkScope(ctx, req);
        const pool = req.query.get('spec.compute_pool_id');
        const all = ctx.store.list(envId, pool === null || pool === '' ? {} : { computePoolId: pool })
          .filter((s) => matchesLabels(s.labels, req.query.get('label_selector')))
          .filter((s) => ctx.visible === undefined || ctx.visible(req, statementCrn(ctx.orgId, envId, s.name)));
        const page = paginate(all, req.query);
        const metadata: Record<string, unknown> = { self: pageUrl(req.baseUrl, req.path, req.query, undefined), next: page.nextToken === undefined ? '' : pageUrl(req.baseUrl, req.path, req.query, page.nextToken) };
        return { status: 200, body: { api_version: 'sql/v1', kind: 'StatementList', metadata, data: page.items.map((s) => renderStatement(req, s)) } };
      },
    },
    {
      method: 'GET', pattern: `${base}/:name`, envelope: 'confluent', authz: { crn: oneCrn, operation: 'Describe' },
      handler: (req) => { checkScope(ctx, req); return { status: 200, body: renderStatement(req, requireStatement(ctx, req)) }; },
    },
    {
      method: 'PUT', pattern: `${base}/:name`, envelope: 'confluent', authz: { crn: oneCrn, operation: 'Manage' },
      handler: (req) => ({ status: 200, body: renderStatement(req, update(ctx, req)) }),
    },
    {
      method: 'DELETE', pattern: `${base}/:name`, envelope: 'confluent', authz: { crn: oneCrn, operation: 'Manage' },
      handler: (req) => {
        checkScope(ctx, req);
        const s = requireStatement(ctx, req);
        ctx.store.delete(s.environmentId, s.name);
        return { status: 202 };
      },
    },
    {
      method: 'GET', pattern: `${base}/:name/results`, envelope: 'confluent', authz: { crn: oneCrn, operation: 'Describe' },
      handler: (req) => ({ status: 200, body: results(ctx, req) }),
    },
    {
      method: 'GET', pattern: `${base}/:name/exceptions`, envelope: 'confluent', authz: { crn: oneCrn, operation: 'Describe' },
      handler: (req) => {
        checkScope(ctx, req);
        const s = requireStatement(ctx, req);
        const data = ctx.store.exceptions(s.environmentId, s.name).map((e) => ({ kind: 'StatementException', name: e.name, message: e.message, timestamp: e.timestamp }));
        return { status: 200, body: { api_version: 'sql/v1', kind: 'StatementExceptionList', metadata: { self: `${req.baseUrl}${req.path}`, next: '' }, data } };
      },
    },
  ];
}
