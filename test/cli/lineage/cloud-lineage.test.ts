/**
 * `streamform lineage --source cloud` against a real local cloud over HTTP: statements created
 * through sql/v1 (their phases shown on the nodes), a Datagen connector through connect/v1, topics
 * listed through Kafka REST.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCloud, type RunningCloud } from '../../../src/cloud/index.js';
import { parseXmlTags, runLineage } from './lineage-harness.js';

interface JsonGraph {
  source: string;
  nodes: { id: string; kind: string; label: string; phase?: string; warning?: string; detail?: string }[];
  edges: { from: string; to: string }[];
  warnings: string[];
}

describe('lineage from the running cloud', () => {
  let dir: string;
  let cloud: RunningCloud;
  let envId: string;

  async function api(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${cloud.url}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return text === '' ? undefined : JSON.parse(text) as unknown;
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'streamform-lineage-cloud-'));
    // Statements and connectors are stored but not run, so their phases are whatever the test sets.
    cloud = await startCloud({ dataDir: join(dir, 'cloud'), port: 0, runStatements: false, runConnectors: false });
    envId = (await api('POST', '/org/v2/environments', { display_name: 'shop' }) as { id: string }).id;
    const clusterId = (await api('POST', '/cmk/v2/clusters', {
      spec: { display_name: 'kc', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: envId } },
    }) as { id: string }).id;
    await api('POST', '/fcpm/v2/compute-pools', { spec: { display_name: 'pool', cloud: 'AWS', region: 'us-east-2', max_cfu: 5, environment: { id: envId } } });
    for (const t of ['orders', 'customers', 'idle']) await api('POST', `/kafka/v3/clusters/${clusterId}/topics`, { topic_name: t });
    await api('POST', `/connect/v1/environments/${envId}/clusters/${clusterId}/connectors`, {
      name: 'dg-orders', config: { 'connector.class': 'DatagenSource', 'kafka.topic': 'orders', quickstart: 'ORDERS', 'output.data.format': 'AVRO', 'kafka.api.key': 'K', 'kafka.api.secret': 'S' },
    });
    const orgId = ((await api('GET', '/org/v2/organizations') as { data: { id: string }[] }).data[0] ?? assert.fail('no organization')).id;
    const statements = `/sql/v1/organizations/${orgId}/environments/${envId}/statements`;
    const props = { 'sql.current-catalog': 'shop', 'sql.current-database': 'kc' };
    await api('POST', statements, { name: 'enrich-orders', spec: { statement: 'INSERT INTO enriched SELECT o.*, c.name FROM orders o JOIN customers c ON o.cid = c.id', properties: props } });
    await api('POST', statements, { name: 'big-orders', spec: { statement: 'INSERT INTO big SELECT * FROM enriched WHERE amount > 100', properties: props, stopped: true } });
    await api('POST', statements, { name: 'typo', spec: { statement: 'INSERT INTO big SELEKT 1', properties: props } });
    cloud.statements.setPhase(envId, 'enrich-orders', 'RUNNING', 'running');
    cloud.statements.setPhase(envId, 'typo', 'FAILED', 'syntax error');
  });
  after(async () => {
    await cloud.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('draws statements with their phases, the connector and every listed topic', async () => {
    const r = await runLineage(dir, ['--source', 'cloud', '--url', cloud.url, '--json']);
    assert.equal(r.code, 0, r.err);
    const g = JSON.parse(r.out) as JsonGraph;
    assert.equal(g.source, 'cloud');
    assert.deepEqual(g.edges, [
      { from: 'connector:dg-orders', to: 'topic:shop.kc.orders' },
      { from: 'statement:big-orders', to: 'topic:shop.kc.big' },
      { from: 'statement:enrich-orders', to: 'topic:shop.kc.enriched' },
      { from: 'topic:shop.kc.customers', to: 'statement:enrich-orders' },
      { from: 'topic:shop.kc.enriched', to: 'statement:big-orders' },
      { from: 'topic:shop.kc.orders', to: 'statement:enrich-orders' },
    ]);
    const phase = (id: string): string | undefined => g.nodes.find((n) => n.id === id)?.phase;
    assert.equal(phase('statement:enrich-orders'), 'RUNNING');
    assert.equal(phase('statement:big-orders'), 'STOPPED');
    assert.equal(phase('statement:typo'), 'FAILED');
    assert.equal(phase('connector:dg-orders'), 'RUNNING');
    assert.ok(g.nodes.some((n) => n.id === 'topic:shop.kc.idle'), 'a topic nobody uses is still shown');
    assert.match(g.nodes.find((n) => n.id === 'statement:typo')?.warning ?? '', /SQL does not parse/);
  });

  it('shows phases in text and colours statements by phase in the SVG', async () => {
    const text = await runLineage(dir, ['--source', 'cloud', '--url', cloud.url, '--environment', 'shop']);
    assert.equal(text.code, 0, text.err);
    assert.match(text.out, /^orders {2}\(shop\.kc\)\n {2}← connector dg-orders \[RUNNING\]\n {2}→ statement enrich-orders \[RUNNING\] → enriched$/m);
    const svg = await runLineage(dir, ['--source', 'cloud', '--url', cloud.url, '--format', 'svg']);
    const classes = new Map(parseXmlTags(svg.out).filter((t) => t.name === 'g' && t.attrs.has('data-id')).map((t) => [t.attrs.get('data-id'), t.attrs.get('class')]));
    assert.equal(classes.get('statement:enrich-orders'), 'node statement running');
    assert.equal(classes.get('statement:big-orders'), 'node statement stopped');
    assert.equal(classes.get('statement:typo'), 'node statement warning');
    assert.equal(classes.size, 9);
  });

  it('defaults to the cloud in a directory without *.tf files, and says when the environment is unknown', async () => {
    const r = await runLineage(dir, ['--url', cloud.url, '--environment', 'nope']);
    assert.equal(r.code, 1);
    assert.match(r.err, /Environment "nope" not found/);
  });
});
