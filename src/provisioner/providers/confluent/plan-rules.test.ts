import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { confluentProvider } from './index.js';
import type { PlanRequest, Provider, ProviderContext } from '../../provider/index.js';
import { UNKNOWN, isUnknown } from '../../lang/index.js';
import type { ObjectValue } from '../../lang/index.js';

const ctx: ProviderContext = { address: 'confluent_x.y', signal: new AbortController().signal, progress: () => {}, now: () => Date.UTC(2026, 10, 24, 1, 2, 3) };

async function provider(): Promise<Provider> {
  const p = confluentProvider({ env: () => undefined });
  const diags = await p.configure({ endpoint: 'http://127.0.0.1:9' }, ctx);
  assert.deepEqual(diags, []);
  return p;
}

function plan(p: Provider, type: string, prior: ObjectValue | null, config: ObjectValue): ReturnType<NonNullable<Provider['planResource']>> {
  const req: PlanRequest = { type, prior, config, proposed: config };
  const fn = p.planResource;
  assert.ok(fn);
  return fn.call(p, req, ctx);
}

const stmtPrior: ObjectValue = {
  statement: 'INSERT INTO a SELECT * FROM b;', statement_name: 'enrich-v1', properties: { 'sql.current-catalog': 'env' },
  properties_sensitive: {}, stopped: false, rest_endpoint: 'http://flink', id: 'env-1/lfcp-1/enrich-v1',
  status_phase: 'RUNNING', status_detail: '', latest_offsets: {}, latest_offsets_timestamp: '0001-01-01T00:00:00Z',
  organization: { id: 'org-1' }, environment: { id: 'env-1' }, compute_pool: { id: 'lfcp-1' }, principal: { id: 'sa-1' },
  credentials: { key: 'K1', secret: 'S1' },
};
const stmtConfig = (over: Partial<Record<string, ObjectValue[string]>>): ObjectValue => ({
  statement: stmtPrior.statement ?? null, statement_name: 'enrich-v1', properties: { 'sql.current-catalog': 'env' },
  properties_sensitive: null, stopped: null, rest_endpoint: 'http://flink',
  organization: { id: 'org-1' }, environment: { id: 'env-1' }, compute_pool: { id: 'lfcp-1' }, principal: { id: 'sa-1' },
  credentials: { key: 'K1', secret: 'S1' }, ...over,
});

describe('confluent_flink_statement plan', () => {
  it('plans a properties change as a replacement with the reason', async () => {
    const r = await plan(await provider(), 'confluent_flink_statement', stmtPrior, stmtConfig({ properties: { 'sql.current-catalog': 'other' } }));
    assert.equal(r.diagnostics?.some((d) => d.severity === 'error') ?? false, false);
    const rr = r.requiresReplace?.find((x) => x.path === 'properties');
    assert.ok(rr);
    assert.match(rr.reason ?? '', /immutable/);
  });

  it('plans statement_name and credentials changes as replacements', async () => {
    const p = await provider();
    const a = await plan(p, 'confluent_flink_statement', stmtPrior, stmtConfig({ statement_name: 'enrich-v2' }));
    assert.ok(a.requiresReplace?.some((x) => x.path === 'statement_name' && (x.reason ?? '') !== ''));
    const b = await plan(p, 'confluent_flink_statement', stmtPrior, stmtConfig({ credentials: { key: 'K2', secret: 'S2' } }));
    assert.ok(b.requiresReplace?.some((x) => x.path === 'credentials' && (x.reason ?? '') !== ''));
  });

  it('keeps the name on replacement only when pinned, and generates it otherwise', async () => {
    const r = await plan(await provider(), 'confluent_flink_statement', stmtPrior, stmtConfig({ statement: 'INSERT INTO a SELECT 1;', statement_name: null }));
    assert.ok(r.requiresReplace?.some((x) => x.path === 'statement'));
    assert.ok(isUnknown(r.planned.statement_name));
  });

  it('rejects a compute_pool change without a resume at plan', async () => {
    const r = await plan(await provider(), 'confluent_flink_statement', stmtPrior, stmtConfig({ compute_pool: { id: 'lfcp-2' } }));
    assert.ok(r.diagnostics?.some((d) => d.code === 'confluent-statement-move-without-resume'));
  });

  it('accepts a principal change together with a resume', async () => {
    const prior = { ...stmtPrior, stopped: true, status_phase: 'STOPPED' };
    const r = await plan(await provider(), 'confluent_flink_statement', prior, stmtConfig({ principal: { id: 'sa-2' }, stopped: false }));
    assert.equal(r.diagnostics?.length ?? 0, 0);
    assert.equal(r.requiresReplace, undefined);
    assert.ok(isUnknown(r.planned.status_phase));
  });

  it('plans stop as an in-place update with the phase unknown', async () => {
    const r = await plan(await provider(), 'confluent_flink_statement', stmtPrior, stmtConfig({ stopped: true }));
    assert.equal(r.requiresReplace, undefined);
    assert.equal(r.planned.stopped, true);
    assert.ok(isUnknown(r.planned.latest_offsets));
  });

  it('treats a properties_sensitive change as state-only', async () => {
    const r = await plan(await provider(), 'confluent_flink_statement', stmtPrior, stmtConfig({ properties_sensitive: { 'sql.secrets.x': 'y' } }));
    assert.equal(r.requiresReplace, undefined);
    assert.equal(r.diagnostics, undefined);
  });
});

const topicPrior: ObjectValue = {
  topic_name: 'orders', partitions_count: 6, config: { 'retention.ms': '1000', 'cleanup.policy': 'delete' },
  rest_endpoint: 'http://kafka', id: 'lkc-1/orders', kafka_cluster: { id: 'lkc-1' }, credentials: null,
};
const topicConfig = (over: Partial<Record<string, ObjectValue[string]>>): ObjectValue => ({
  topic_name: 'orders', partitions_count: 6, config: { 'retention.ms': '1000', 'cleanup.policy': 'delete' },
  rest_endpoint: 'http://kafka', kafka_cluster: { id: 'lkc-1' }, credentials: null, ...over,
});

describe('confluent_kafka_topic plan', () => {
  it('replaces the topic when partitions decrease', async () => {
    const r = await plan(await provider(), 'confluent_kafka_topic', topicPrior, topicConfig({ partitions_count: 3 }));
    const rr = r.requiresReplace?.find((x) => x.path === 'partitions_count');
    assert.ok(rr);
    assert.match(rr.reason ?? '', /only grow/);
    assert.ok(isUnknown(r.planned.id));
  });

  it('updates in place when partitions increase', async () => {
    const r = await plan(await provider(), 'confluent_kafka_topic', topicPrior, topicConfig({ partitions_count: 12 }));
    assert.equal(r.requiresReplace, undefined);
    assert.equal(r.planned.id, 'lkc-1/orders');
  });

  it('rejects a non-editable config key at plan and accepts editable ones', async () => {
    const p = await provider();
    const bad = await plan(p, 'confluent_kafka_topic', topicPrior, topicConfig({ config: { 'retention.ms': '1000', 'cleanup.policy': 'delete', 'compression.type': 'zstd' } }));
    const d = bad.diagnostics?.find((x) => x.code === 'confluent-topic-config-not-editable');
    assert.ok(d);
    assert.match(d.summary, /compression\.type \(added\)/);
    const ok = await plan(p, 'confluent_kafka_topic', topicPrior, topicConfig({ config: { 'retention.ms': '2000' } }));
    assert.equal(ok.diagnostics, undefined);
  });

  it('defaults partitions_count to 6 on create', async () => {
    const r = await plan(await provider(), 'confluent_kafka_topic', null, topicConfig({ partitions_count: null, config: null }));
    assert.equal(r.planned.partitions_count, 6);
    assert.ok(isUnknown(r.planned.config));
  });
});

const clusterPrior: ObjectValue = {
  display_name: 'k', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', deletion_protection: false,
  id: 'lkc-1', api_version: 'cmk/v2', kind: 'Cluster', bootstrap_endpoint: 'b', rest_endpoint: 'r', rbac_crn: 'c', endpoints: [],
  environment: { id: 'env-1' }, network: null, byok_key: null, basic: { max_ecku: 1 }, standard: null, enterprise: null, freight: null, dedicated: null,
};
const clusterConfig = (over: Partial<Record<string, ObjectValue[string]>>): ObjectValue => ({
  display_name: 'k', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', deletion_protection: false,
  environment: { id: 'env-1' }, network: null, byok_key: null, basic: {}, standard: null, enterprise: null, freight: null, dedicated: null, ...over,
});

describe('confluent_kafka_cluster plan', () => {
  it('suppresses SINGLE_ZONE → LOW', async () => {
    const r = await plan(await provider(), 'confluent_kafka_cluster', clusterPrior, clusterConfig({ availability: 'LOW' }));
    assert.equal(r.requiresReplace, undefined);
    assert.equal(r.planned.availability, 'SINGLE_ZONE');
  });

  it('replaces on SINGLE_ZONE → HIGH', async () => {
    const r = await plan(await provider(), 'confluent_kafka_cluster', clusterPrior, clusterConfig({ availability: 'HIGH' }));
    assert.ok(r.requiresReplace?.some((x) => x.path === 'availability'));
  });

  it('upgrades Basic → Standard in place and rejects Standard → Basic', async () => {
    const p = await provider();
    const up = await plan(p, 'confluent_kafka_cluster', clusterPrior, clusterConfig({ basic: null, standard: {} }));
    assert.equal(up.diagnostics, undefined);
    assert.equal(up.requiresReplace, undefined);
    const down = await plan(p, 'confluent_kafka_cluster', { ...clusterPrior, basic: null, standard: { max_ecku: 1 } }, clusterConfig({}));
    assert.ok(down.diagnostics?.some((d) => d.code === 'confluent-cluster-type-change'));
  });

  it('validates the exactly-one cluster type rule', async () => {
    const p = await provider();
    const v = p.validateResource?.('confluent_kafka_cluster', clusterConfig({ standard: {} })) ?? [];
    assert.ok(v.some((d) => d.code === 'confluent-cluster-type'));
    assert.deepEqual(p.validateResource?.('confluent_kafka_cluster', clusterConfig({})) ?? [], []);
  });

  it('does not fail the cluster type rule on unknown blocks (dynamic blocks at validate)', async () => {
    const p = await provider();
    const codes = (over: Partial<Record<string, ObjectValue[string]>>): readonly string[] => (p.validateResource?.('confluent_kafka_cluster', clusterConfig(over)) ?? []).map((d) => d.code);
    assert.deepEqual(codes({ basic: UNKNOWN, standard: UNKNOWN }), []);
    assert.deepEqual(codes({ basic: null, standard: UNKNOWN }), []);
    assert.deepEqual(codes({ basic: null, standard: {}, dedicated: UNKNOWN }), []);
    assert.deepEqual(codes({ basic: null, standard: null }), ['confluent-cluster-type']);
  });

  it('replaces when the environment changes, also when it is not yet known', async () => {
    const r = await plan(await provider(), 'confluent_kafka_cluster', clusterPrior, clusterConfig({ environment: { id: UNKNOWN } }));
    assert.ok(r.requiresReplace?.some((x) => x.path === 'environment'));
  });
});

describe('confluent_connector plan', () => {
  it('rejects a rename at plan', async () => {
    const prior: ObjectValue = { config_nonsensitive: { name: 'c1', 'connector.class': 'X' }, config_sensitive: {}, status: 'RUNNING', id: 'lcc-1', environment: { id: 'env-1' }, kafka_cluster: { id: 'lkc-1' }, offsets: [] };
    const r = await plan(await provider(), 'confluent_connector', prior, { ...prior, config_nonsensitive: { name: 'c2', 'connector.class': 'X' }, id: null });
    assert.ok(r.diagnostics?.some((d) => d.code === 'confluent-connector-rename'));
  });

  it('validation treats unknown config values as set (validate, for_each each.key/each.value)', async () => {
    const p = await provider();
    const v = (m: ObjectValue[string]): readonly string[] => (p.validateResource?.('confluent_connector', { config_nonsensitive: m }) ?? []).map((d) => d.code);
    assert.deepEqual(v({ name: UNKNOWN, 'connector.class': 'DatagenSource' }), []);
    assert.deepEqual(v({ name: 'c', 'confluent.connector.type': UNKNOWN }), []);
    assert.deepEqual(v({ name: 'c', 'confluent.connector.type': 'CUSTOM', 'confluent.custom.plugin.id': UNKNOWN }), []);
    assert.deepEqual(v({ 'connector.class': 'DatagenSource' }), ['confluent-connector-name']);
    assert.deepEqual(v({ name: 'c' }), ['confluent-connector-class']);
  });
});

describe('oauth', () => {
  it('rejects a new credentials block on data-plane resources at plan, and allows removing one', async () => {
    const p = confluentProvider({ env: () => undefined });
    assert.deepEqual(await p.configure({ endpoint: 'http://127.0.0.1:9', oauth: { oauth_identity_pool_id: 'pool-1', oauth_external_access_token: 't' } }, ctx), []);
    const withCreds = await plan(p, 'confluent_kafka_topic', null, topicConfig({ credentials: { key: 'k', secret: 's' } }));
    assert.ok(withCreds.diagnostics?.some((d) => d.code === 'confluent-oauth-credentials'));
    const removed = await plan(p, 'confluent_kafka_topic', { ...topicPrior, credentials: { key: 'k', secret: 's' } }, topicConfig({}));
    assert.equal(removed.diagnostics, undefined);
  });
});

describe('generated statement names', () => {
  it('follow tf-YYYY-MM-DD-HHMMSS-<uuid> from the injected clock', async () => {
    const { generatedStatementName } = await import('./flink-statement-state.js');
    assert.equal(generatedStatementName(Date.UTC(2026, 10, 24, 1, 2, 3), 'c0ffee00-0000-4000-8000-000000000000'), 'tf-2026-11-24-010203-c0ffee00-0000-4000-8000-000000000000');
  });
});
