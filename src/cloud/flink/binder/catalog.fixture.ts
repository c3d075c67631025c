/**
 * Test fixture for binder and planner tests: a real local cloud (temp dir, port 0) with environment
 * `dev` and cluster `cluster_0`, a FlinkCatalog over it on a fixed clock, and the given CREATE TABLE
 * statements applied. Not a test itself (no `.test.ts`), so the runner only loads it through tests.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCloud } from '../../index.js';
import type { RunningCloud } from '../../index.js';
import { fixedClock } from '../../../shared/index.js';
import { parseStatement } from '../sql/index.js';
import { FlinkCatalog, tableSpecFromAst } from '../catalog/index.js';
import type { SessionPath } from '../catalog/index.js';

/** The session every fixture table lives in. */
export const FIXTURE_SESSION: SessionPath = { catalog: 'dev', database: 'cluster_0' };

/** A running cloud with its catalog; `close` stops the cloud and removes its directory. */
export interface CatalogFixture {
  readonly cloud: RunningCloud;
  readonly catalog: FlinkCatalog;
  close(): Promise<void>;
}

async function post(cloud: RunningCloud, path: string, body: unknown): Promise<Record<string, unknown>> {
  const r = await fetch(`${cloud.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await r.json()) as Record<string, unknown>;
}

/** Starts the cloud, creates `dev`/`cluster_0` and the tables of `ddl` (CREATE TABLE statements). */
export async function openCatalogFixture(prefix: string, ddl: readonly string[]): Promise<CatalogFixture> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const cloud = await startCloud({ dataDir: dir, port: 0 });
  const env = String((await post(cloud, '/org/v2/environments', { display_name: 'dev', stream_governance_config: { package: 'ESSENTIALS' } }))['id']);
  await post(cloud, '/cmk/v2/clusters', { spec: { display_name: 'cluster_0', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-1', config: { kind: 'Basic' }, environment: { id: env } } });
  const catalog = new FlinkCatalog({ db: cloud.database, controlPlane: cloud.controlPlane, topics: cloud.topics, schemaRegistry: cloud.schemaRegistry, clock: fixedClock(Date.UTC(2026, 0, 1)) });
  for (const sql of ddl) {
    const parsed = parseStatement(sql);
    assert.ok(parsed.value?.kind === 'CreateTable', `not a CREATE TABLE: ${sql}`);
    const spec = tableSpecFromAst(parsed.value);
    assert.ok(spec.value !== undefined, spec.diagnostics.map((d) => d.summary).join());
    assert.ok(catalog.createTable(spec.value, FIXTURE_SESSION).value?.created, `not created: ${sql}`);
  }
  return { cloud, catalog, close: async () => { await cloud.close(); rmSync(dir, { recursive: true, force: true }); } };
}
