/**
 * Statement metrics end to end: pending records, record counts and rates, watermarks, state size
 * and CFUs of real jobs, served as Prometheus text at /metrics and as JSON at /metrics/v1/flink.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { StatementMetrics } from '../../src/cloud/flink/index.js';
import { OpsCloud } from './ops-cloud.js';

let c: OpsCloud;
const metricsOf = (name: string): StatementMetrics | undefined => c.cloud.operations.snapshot().statements.find((s) => s.name === name);

before(async () => {
  c = await OpsCloud.start();
  assert.equal((await c.run('ddl-src', "CREATE TABLE src (v STRING) DISTRIBUTED INTO 1 BUCKETS WITH ('value.format' = 'raw')")).status.phase, 'COMPLETED');
  assert.equal((await c.run('ddl-dst', "CREATE TABLE dst (v STRING) WITH ('value.format' = 'raw')")).status.phase, 'COMPLETED');
  assert.equal((await c.run('copy', 'INSERT INTO dst SELECT v FROM src')).status.phase, 'RUNNING');
});
after(async () => { await c.close(); });

/** One sample line of the text format: `name{labels} value`. */
interface Sample { readonly name: string; readonly labels: Record<string, string>; readonly value: number }

function parsePrometheus(text: string): Sample[] {
  const out: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*)\} (\S+)$/.exec(line);
    assert.ok(m !== null, `not a Prometheus sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const l of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[l[1] ?? ''] = l[2] ?? '';
    const value = Number(m[3]);
    assert.ok(!Number.isNaN(value), `value of ${line}`);
    out.push({ name: m[1] ?? '', labels, value });
  }
  return out;
}

test('pending records count what the job has not read, and drop to 0 once it caught up', async () => {
  const recordTime = Date.now() - 60_000;
  c.produceRaw('src', ['a', 'b', 'c'], recordTime);
  await c.poll(() => metricsOf('copy')?.recordsIn === 3, 'copy to read 3 records');
  c.produceRaw('src', ['d', 'e', 'f', 'g'], recordTime);
  // Read synchronously after the append: the job cannot have run in between.
  assert.equal(metricsOf('copy')?.pendingRecords, 4);
  await c.poll(() => metricsOf('copy')?.recordsIn === 7, 'copy to read 7 records');
  const m = metricsOf('copy');
  assert.ok(m !== undefined);
  assert.deepEqual({ pending: m.pendingRecords, in: m.recordsIn, out: m.recordsOut, cfus: m.cfus, phase: m.phase }, { pending: 0, in: 7, out: 7, cfus: 1, phase: 'RUNNING' });
  assert.ok(m.recordsInPerSecond > 0 && m.recordsOutPerSecond > 0, 'moving rates after records flowed');
  assert.ok(m.inputWatermark !== null && m.inputWatermark <= recordTime, `input watermark ${m.inputWatermark} at most the record time`);
  assert.equal(m.outputWatermark, m.inputWatermark);
  assert.ok(m.watermarkLagMs !== null && m.watermarkLagMs >= 60_000);
});

test('a bounded source ends with 0 pending records and its counts kept after COMPLETED', async () => {
  const s = await c.run('bounded', 'SELECT v FROM src', (x) => x.status.phase === 'COMPLETED' || x.status.phase === 'FAILED', { 'sql.tables.scan.bounded.mode': 'latest-offset' });
  assert.equal(s.status.phase, 'COMPLETED', s.status.detail);
  const m = metricsOf('bounded');
  assert.deepEqual({ pending: m?.pendingRecords, in: m?.recordsIn, out: m?.recordsOut, cfus: m?.cfus }, { pending: 0, in: 7, out: 7, cfus: 0 });
});

test('GET /metrics is Prometheus text with Confluent metric names per statement and pool', async () => {
  const res = await fetch(`${c.cloud.url}/metrics`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
  const samples = parsePrometheus(await res.text());
  const one = (name: string, labels: Record<string, string>): number | undefined =>
    samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
  const copy = { statement: 'copy', compute_pool: c.poolId, environment: c.envId };
  assert.equal(one('confluent_flink_pending_records', copy), 0);
  assert.equal(one('confluent_flink_num_records_in_total', copy), 7);
  assert.equal(one('confluent_flink_num_records_out_total', copy), 7);
  assert.equal(one('confluent_flink_statement_utilization_current_cfus', copy), 1);
  assert.equal(one('confluent_flink_statement_status', { ...copy, phase: 'RUNNING' }), 1);
  assert.ok((one('confluent_flink_current_input_watermark_milliseconds', copy) ?? 0) > 0);
  const pool = { compute_pool: c.poolId, environment: c.envId };
  assert.equal(one('confluent_flink_compute_pool_utilization_current_cfus', pool), 1);
  assert.equal(one('confluent_flink_compute_pool_utilization_cfu_limit', pool), 5);
  assert.ok((one('confluent_flink_compute_pool_utilization_cfu_minutes_consumed', pool) ?? 0) >= 2, 'two runs, at least 1 CFU-minute each');
});

test('a stopped statement reports its savepoint state size and no CFUs; JSON metrics carry the same', async () => {
  await c.setStopped('copy', true);
  await c.until('copy', (s) => s.status.phase === 'STOPPED');
  const m = metricsOf('copy');
  assert.equal(m?.cfus, 0);
  assert.ok((m?.stateSizeBytes ?? 0) > 0, 'the savepoint holds operator state bytes');
  const r = await c.request('GET', `/metrics/v1/flink?compute_pool=${c.poolId}`);
  assert.equal(r.status, 200);
  const copy = (r.body['statements'] as Record<string, unknown>[]).find((s) => s['name'] === 'copy');
  assert.deepEqual({ phase: copy?.['phase'], pending: copy?.['pending_records'], in: copy?.['num_records_in'], cfus: copy?.['current_cfus'] },
    { phase: 'STOPPED', pending: 0, in: 7, cfus: 0 });
  assert.deepEqual((r.body['compute_pools'] as Record<string, unknown>[]).map((p) => [p['id'], p['current_cfu'], p['cfu_limit']]), [[c.poolId, 0, 5]]);
  const other = await c.request('GET', '/metrics/v1/flink?compute_pool=lfcp-none');
  assert.deepEqual(other.body['statements'], []);
});
