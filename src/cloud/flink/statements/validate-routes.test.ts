import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startCloud } from '../../server.js';
import type { RunningCloud } from '../../server.js';
import { call, tempDir } from '../../http/test-client.js';

const tmp = tempDir();
let cloud: RunningCloud;
let env = '';
let cluster = '';
const session = { 'sql.current-catalog': 'dev', 'sql.current-database': 'k' };
const payments = JSON.stringify({ type: 'record', name: 'Payment', fields: [{ name: 'id', type: 'int' }, { name: 'amount', type: 'double' }] });

interface Verdict { readonly name: string; readonly ok: boolean; readonly unchecked?: string; readonly errors: readonly { readonly message: string; readonly line: number | null; readonly column: number | null }[] }

async function validate(body: unknown, envId = env): Promise<{ status: number; data: Verdict[] }> {
  const r = await call(cloud.url, 'POST', `/sql/v1/organizations/${cloud.organizationId}/environments/${envId}/statements:validate`, { body });
  return { status: r.status, data: r.status === 200 ? (r.at('data') as unknown as Verdict[]) : [] };
}

const stmt = (name: string, statement: string, properties: Record<string, string> = session) => ({ name, statement, properties });

before(async () => {
  cloud = await startCloud({ dataDir: tmp.dir, port: 0, runStatements: false, runConnectors: false });
  env = (await call(cloud.url, 'POST', '/org/v2/environments', { body: { display_name: 'dev', stream_governance: { package: 'ESSENTIALS' } } })).at('id');
  cluster = (await call(cloud.url, 'POST', '/cmk/v2/clusters', { body: { spec: { display_name: 'k', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: env } } } })).at('id');
  cloud.topics.createTopic(cluster, 'payments', { partitionsCount: 1 });
  const sr = cloud.controlPlane.schemaRegistryOf(env);
  assert.ok(sr, 'the environment has a Schema Registry');
  cloud.schemaRegistry.register(sr.id, 'payments-value', { schema: payments, schemaType: 'AVRO', references: [] });
});
after(async () => { await cloud.close(); tmp.cleanup(); });

test('binds against real tables and reports Confluent-worded errors with positions', async () => {
  const r = await validate({ statements: [stmt('ok', 'SELECT id, amount * 2 FROM payments'), stmt('typo', 'SELECT id, amout FROM payments'), stmt('parse', 'SELEC 1')] });
  assert.equal(r.status, 200);
  assert.deepEqual(r.data.map((v) => [v.name, v.ok]), [['ok', true], ['typo', false], ['parse', false]]);
  assert.match(r.data[1]?.errors[0]?.message ?? '', /^SQL validation failed\. Error from line 1, column 12 to line 1, column 16\.\n\nCaused by: Column 'amout' not found/);
  assert.deepEqual([r.data[1]?.errors[0]?.line, r.data[1]?.errors[0]?.column], [1, 12]);
  assert.match(r.data[2]?.errors[0]?.message ?? '', /^SQL parse failed\. Encountered "SELEC" at line 1, column 1\./);
});

test('earlier CREATE TABLE / CTAS statements of the request feed later ones, and nothing is created', async () => {
  const r = await validate({ statements: [
    stmt('ddl', 'CREATE TABLE big (id INT, amount DOUBLE)'),
    stmt('ctas', 'CREATE TABLE doubled AS SELECT id, amount * 2 AS twice FROM payments'),
    stmt('fill', 'INSERT INTO big SELECT id, twice FROM doubled'),
    stmt('wrong', 'INSERT INTO big SELECT id, amount FROM doubled'),
  ] });
  assert.deepEqual(r.data.map((v) => [v.name, v.ok]), [['ddl', true], ['ctas', true], ['fill', true], ['wrong', false]]);
  assert.match(r.data[3]?.errors[0]?.message ?? '', /Column 'amount' not found/);
  assert.deepEqual(cloud.topics.listTopics(cluster).map((t) => t.name), ['payments']);
});

test('CREATE VIEW is bound like a query and later statements of the request can read the view', async () => {
  const r = await validate({ statements: [
    stmt('view', 'CREATE VIEW big_payments AS SELECT id, amount FROM payments WHERE amount > 10'),
    stmt('read', 'SELECT id FROM big_payments'),
    stmt('typo', 'SELECT amout FROM big_payments'),
    stmt('broken', 'CREATE VIEW broken AS SELECT nope FROM payments'),
  ] });
  assert.deepEqual(r.data.map((v) => [v.name, v.ok]), [['view', true], ['read', true], ['typo', false], ['broken', false]]);
  assert.match(r.data[2]?.errors[0]?.message ?? '', /Column 'amout' not found/);
  assert.match(r.data[3]?.errors[0]?.message ?? '', /^SQL validation failed\. Error from line 1, column 30 to line 1, column 33\.\n\nCaused by: Column 'nope' not found/);
  assert.equal(cloud.catalog.resolveView(['big_payments'], { catalog: 'dev', database: 'k' }), undefined, 'nothing is created');
});

test('CREATE TABLE of a table that exists fails unless IF NOT EXISTS', async () => {
  const r = await validate({ statements: [stmt('again', 'CREATE TABLE payments (id INT)'), stmt('maybe', 'CREATE TABLE IF NOT EXISTS payments (id INT)')] });
  assert.deepEqual(r.data.map((v) => [v.name, v.ok]), [['again', false], ['maybe', true]]);
  assert.match(r.data[0]?.errors[0]?.message ?? '', /already exists/);
});

test('overlay topics of a planned environment and cluster (`-`) carry their planned schema', async () => {
  const planned = { 'sql.current-catalog': 'next', 'sql.current-database': 'next-k' };
  const orders = JSON.stringify({ type: 'record', name: 'Order', fields: [{ name: 'oid', type: 'long' }] });
  const r = await validate({
    statements: [stmt('read', 'SELECT oid FROM orders', planned), stmt('missing', 'SELECT nope FROM orders', planned), stmt('absent', 'SELECT * FROM other', planned)],
    overlay: { tables: [{ name: 'orders', value_schema: { schema_type: 'AVRO', schema: orders } }] },
  }, '-');
  assert.deepEqual(r.data.map((v) => [v.name, v.ok]), [['read', true], ['missing', false], ['absent', false]]);
  assert.match(r.data[2]?.errors[0]?.message ?? '', /Cannot find table '`next`\.`next-k`\.`other`'/);
});

test('a planned topic without any schema (registered at apply, e.g. by a connector) only gets its syntax checked', async () => {
  const planned = { 'sql.current-catalog': 'next', 'sql.current-database': 'next-k' };
  const r = await validate({
    statements: [
      stmt('read', 'SELECT id, name FROM generated', planned),
      stmt('copy', 'CREATE TABLE copy AS SELECT id FROM generated', planned),
      stmt('later', 'SELECT whatever FROM copy', planned),
      stmt('typo', 'SELEC id FROM generated', planned),
    ],
    overlay: { tables: [{ name: 'generated' }] },
  }, '-');
  assert.deepEqual(r.data.map((v) => [v.name, v.ok]), [['read', true], ['copy', true], ['later', true], ['typo', false]]);
  assert.match(r.data[0]?.unchecked ?? '', /schema is not known before apply/);
});

test('a planned topic in an existing cluster picks up the subject already registered for it', async () => {
  const body = { statements: [stmt('read', 'SELECT amount FROM payments2'), stmt('wrong', 'SELECT nope FROM payments2')], overlay: { tables: [{ name: 'payments2', cluster }] } };
  const r = await validate(body);
  assert.deepEqual(r.data.map((v) => [v.ok, v.unchecked !== undefined]), [[true, true], [true, true]], 'no payments2-value subject yet: columns unknown');
  const sr = cloud.controlPlane.schemaRegistryOf(env);
  assert.ok(sr);
  cloud.schemaRegistry.register(sr.id, 'payments2-value', { schema: payments, schemaType: 'AVRO', references: [] });
  const again = await validate(body);
  assert.deepEqual(again.data.map((v) => [v.ok, v.unchecked !== undefined]), [[true, false], [false, false]], JSON.stringify(again.data));
  assert.match(again.data[1]?.errors[0]?.message ?? '', /Column 'nope' not found/);
});

test('unknown environments are 404 and malformed bodies 400', async () => {
  assert.equal((await validate({ statements: [] }, 'env-zzzzz')).status, 404);
  assert.equal((await validate({ statements: [{ name: 'x' }] })).status, 400);
  assert.equal((await validate({ statements: [], overlay: { tables: [{ name: 't', value_schema: { schema_type: 'XML', schema: '' } }] } })).status, 400);
});
