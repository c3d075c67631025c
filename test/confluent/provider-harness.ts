/**
 * Test harness for the confluent provider against the real local cloud: starts the cloud
 * in-process on 127.0.0.1:0 with a temp data dir, configures a provider instance with
 * endpoint = cloud url, and drives plan → apply the way the engine does (a replacement is a
 * delete followed by a create). Config objects are completed with null/[] for unset
 * attributes and blocks, as the engine hands them to providers.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCloud } from '../../src/cloud/index.js';
import { confluentProvider } from '../../src/provisioner/providers/confluent/index.js';
import type { BlockSchema, PlanResponse, Provider, ProviderContext } from '../../src/provisioner/provider/index.js';
import { isObjectValue, isUnknown, valuesEqual } from '../../src/provisioner/lang/index.js';
import type { ObjectValue, Value } from '../../src/provisioner/lang/index.js';
import type { Diagnostic } from '../../src/shared/index.js';
import { rememberCloud } from './stand-in-runtime.js';

export interface Harness {
  readonly url: string;
  readonly orgId: string;
  readonly provider: Provider;
  readonly ctx: ProviderContext;
  readonly progress: string[];
  close(): Promise<void>;
}

/** Starts a local cloud and a configured provider. */
export async function startHarness(env: Record<string, string> = {}, opts: { auth?: boolean; runStatements?: boolean } = {}): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'streamform-confluent-'));
  const cloud = await startCloud({ dataDir, port: 0, auth: opts.auth === true, runStatements: opts.runStatements !== false });
  const progress: string[] = [];
  const ctx: ProviderContext = { address: 'test', signal: new AbortController().signal, progress: (m) => progress.push(m), now: () => Date.now() };
  const provider = confluentProvider({ env: (n) => env[n] });
  const admin = cloud.admin;
  const creds = admin !== undefined ? { cloud_api_key: admin.apiKey, cloud_api_secret: admin.apiSecret } : {};
  const diags = await provider.configure({ endpoint: cloud.url, ...creds }, ctx);
  assert.deepEqual(diags, []);
  const h: Harness = {
    url: cloud.url, orgId: cloud.organizationId, provider, ctx, progress,
    close: async () => { await cloud.close(); rmSync(dataDir, { recursive: true, force: true }); },
  };
  rememberCloud(h, cloud);
  return h;
}

/** Fills every attribute and block the schema declares (null / []), recursively for given blocks. */
export function complete(schema: BlockSchema, partial: ObjectValue): ObjectValue {
  const out: Record<string, Value> = {};
  for (const [name, a] of Object.entries(schema.attributes)) {
    const v = partial[name];
    out[name] = v === undefined || v === null ? (a.default ?? null) : v;
  }
  for (const [name, b] of Object.entries(schema.blocks ?? {})) {
    const v = partial[name];
    if (b.nesting === 'single') out[name] = isObjectValue(v) ? complete(b.block, v) : null;
    else out[name] = Array.isArray(v) ? v.map((x) => (isObjectValue(x) ? complete(b.block, x) : x)) : [];
  }
  return out;
}

function schemaOf(h: Harness, type: string): BlockSchema {
  const s = h.provider.schema().resources[type];
  assert.ok(s, `no schema for ${type}`);
  return s;
}

/** Throws when any diagnostic is an error. */
export function noErrors(diags: readonly Diagnostic[] | undefined, what: string): void {
  const errors = (diags ?? []).filter((d) => d.severity === 'error');
  assert.deepEqual(errors, [], `${what}: ${errors.map((d) => `${d.summary} ${d.detail ?? ''}`).join('; ')}`);
}

/** Plans one change. */
export async function plan(h: Harness, type: string, prior: ObjectValue | null, config: ObjectValue): Promise<PlanResponse> {
  const full = complete(schemaOf(h, type), config);
  const fn = h.provider.planResource;
  assert.ok(fn);
  return fn.call(h.provider, { type, prior, config: full, proposed: full }, h.ctx);
}

/** Plans and applies a create or update (replacement = delete + create); returns the new state. */
export async function converge(h: Harness, type: string, prior: ObjectValue | null, config: ObjectValue): Promise<ObjectValue> {
  const p = await plan(h, type, prior, config);
  noErrors(p.diagnostics, `plan ${type}`);
  let before = prior;
  let planned = p.planned;
  if (prior !== null && (p.requiresReplace?.length ?? 0) > 0) {
    await destroy(h, type, prior);
    before = null;
    planned = (await plan(h, type, null, config)).planned;
  }
  const full = complete(schemaOf(h, type), config);
  const r = await h.provider.applyResource({ type, action: before === null ? 'create' : 'update', prior: before, planned, config: full }, h.ctx);
  noErrors(r.diagnostics, `apply ${type}`);
  assert.ok(r.state);
  assert.ok(consistent(planned, r.state), `${type}: the applied state differs from the plan's known values\nplanned: ${JSON.stringify(planned)}\nstate:   ${JSON.stringify(r.state)}`);
  return r.state;
}

/** The engine's rule: every known planned value must equal the applied one. */
function consistent(planned: Value | undefined, final: Value | undefined): boolean {
  if (planned === undefined || isUnknown(planned)) return true;
  if (final === undefined) return planned === null;
  if (Array.isArray(planned)) return Array.isArray(final) && final.length === planned.length && planned.every((p, i) => consistent(p, final[i]));
  if (isObjectValue(planned)) return isObjectValue(final) && Object.keys(planned).every((k) => consistent(planned[k], final[k]));
  return valuesEqual(planned, final);
}

/** Applies a delete. */
export async function destroy(h: Harness, type: string, prior: ObjectValue): Promise<void> {
  const r = await h.provider.applyResource({ type, action: 'delete', prior, planned: null, config: null }, h.ctx);
  noErrors(r.diagnostics, `delete ${type}`);
}

/** Refreshes one resource. */
export async function refresh(h: Harness, type: string, state: ObjectValue): Promise<ObjectValue | null> {
  const r = await h.provider.readResource(type, state, h.ctx);
  noErrors(r.diagnostics, `read ${type}`);
  return r.state;
}

/** Reads a data source. */
export async function readData(h: Harness, type: string, config: ObjectValue): Promise<ObjectValue> {
  const s = h.provider.schema().dataSources[type];
  assert.ok(s);
  const r = await h.provider.readDataSource(type, complete(s, config), h.ctx);
  noErrors(r.diagnostics, `data ${type}`);
  assert.ok(r.state);
  return r.state;
}

/** Imports one resource by id. */
export async function importById(h: Harness, type: string, id: string): Promise<ObjectValue> {
  const fn = h.provider.importResource;
  assert.ok(fn);
  const r = await fn.call(h.provider, type, id, h.ctx);
  noErrors(r.diagnostics, `import ${type}`);
  assert.ok(r.state);
  return r.state;
}

/** Asserts that planning `config` against `state` changes nothing (no perpetual diff). */
export async function assertNoChange(h: Harness, type: string, state: ObjectValue, config: ObjectValue): Promise<void> {
  const p = await plan(h, type, state, config);
  noErrors(p.diagnostics, `plan ${type}`);
  assert.equal(p.requiresReplace, undefined, `${type}: unexpected replacement`);
  assert.deepEqual(p.planned, state, `${type}: unexpected diff`);
}
