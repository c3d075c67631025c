import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startCloud } from '../../server.js';
import type { RunningCloud } from '../../server.js';
import { call, tempDir } from '../../http/test-client.js';

const tmp = tempDir();
let cloud: RunningCloud;
let env = '';
let pool = '';
let pool2 = '';
let sa = '';
let base = '';
const req = (method: string, path: string, body?: unknown) => call(cloud.url, method, path, body === undefined ? {} : { body });
const create = (name: string, extra: Record<string, unknown> = {}) => req('POST', base, { name, spec: { statement: 'INSERT INTO t SELECT * FROM s', properties: { 'sql.current-catalog': 'dev' }, compute_pool_id: pool, principal: sa, ...extra } });

before(async () => {
  cloud = await startCloud({ dataDir: tmp.dir, port: 0, runStatements: false });
  env = (await req('POST', '/org/v2/environments', { display_name: 'dev' })).at('id');
  const poolSpec = { display_name: 'p', cloud: 'AWS', region: 'us-east-2', max_cfu: 10, environment: { id: env } };
  pool = (await req('POST', '/fcpm/v2/compute-pools', { spec: poolSpec })).at('id');
  pool2 = (await req('POST', '/fcpm/v2/compute-pools', { spec: { ...poolSpec, display_name: 'p2' } })).at('id');
  sa = (await req('POST', '/iam/v2/service-accounts', { display_name: 'runner' })).at('id');
  base = `/sql/v1/organizations/${cloud.organizationId}/environments/${env}/statements`;
});
after(async () => { await cloud.close(); tmp.cleanup(); });

test('create stores a PENDING statement in Confluent shape', async () => {
  const r = await create('orders-copy');
  assert.equal(r.status, 201);
  assert.equal(r.at('kind'), 'Statement');
  assert.equal(r.at('organization_id'), cloud.organizationId);
  assert.equal(r.at('environment_id'), env);
  assert.equal(r.at('status', 'phase'), 'PENDING');
  assert.equal(r.at('status', 'detail'), 'Statement is pending execution.');
  assert.equal(r.at('spec', 'compute_pool_id'), pool);
  assert.equal(r.at('spec', 'stopped'), false);
  assert.equal(r.at('metadata', 'resource_version'), '1');
  assert.match(r.at('metadata', 'uid'), /^[0-9a-f-]{36}$/);
  assert.equal(r.at('metadata', 'self'), `${cloud.url}${base}/orders-copy`);
  assert.equal(cloud.statements.listRunnable().some((s) => s.name === 'orders-copy'), true);
});

test('create: duplicate name is 409; bad names and missing statement name the field', async () => {
  await create('dup');
  const again = await create('dup');
  assert.equal(again.status, 409);
  assert.equal(again.at('errors', 0, 'source', 'pointer'), '/name');
  for (const name of ['Upper', 'a_b', '-x', 'x'.repeat(101)]) assert.equal((await create(name)).at('errors', 0, 'source', 'pointer'), '/name', name);
  const noSql = await req('POST', base, { name: 'nosql', spec: {} });
  assert.equal(noSql.at('errors', 0, 'source', 'pointer'), '/spec/statement');
  assert.equal((await create('badpool', { compute_pool_id: 'lfcp-zzzzz' })).at('errors', 0, 'source', 'pointer'), '/spec/compute_pool_id');
  assert.equal((await create('badsa', { principal: 'sa-zzzzz' })).at('errors', 0, 'source', 'pointer'), '/spec/principal');
  assert.equal((await req('POST', `/sql/v1/organizations/${cloud.organizationId}/environments/env-zzzzz/statements`, { name: 'x', spec: { statement: 'SELECT 1' } })).status, 404);
});

test('list filters by compute pool and pages', async () => {
  await create('on-p2', { compute_pool_id: pool2 });
  const filtered = await req('GET', `${base}?spec.compute_pool_id=${pool2}`);
  assert.deepEqual((filtered.at('data') as unknown as { name: string }[]).map((s) => s.name), ['on-p2']);
  const page = await req('GET', `${base}?page_size=1`);
  assert.equal(page.at('data').length, 1);
  assert.notEqual(page.at('metadata', 'next'), '');
  const next = new URL(page.at('metadata', 'next'));
  assert.equal((await req('GET', `${next.pathname}${next.search}`)).at('data').length, 1);
});

test('list filters by label_selector', async () => {
  await req('POST', base, { name: 'hidden-one', metadata: { labels: { 'user.confluent.io/hidden': 'true' } }, spec: { statement: 'SELECT 1' } });
  const hidden = await req('GET', `${base}?label_selector=user.confluent.io/hidden=true`);
  assert.deepEqual((hidden.at('data') as unknown as { name: string }[]).map((s) => s.name), ['hidden-one']);
  const visible = await req('GET', `${base}?label_selector=user.confluent.io/hidden!=true&page_size=100`);
  assert.ok(!(visible.at('data') as unknown as { name: string }[]).some((s) => s.name === 'hidden-one'));
  assert.equal((await req('GET', `${base}?label_selector=nonsense`)).status, 400);
});

test('stop, then resume on another pool; stale resource_version is 409', async () => {
  const s = await create('lifecycle');
  const body = (stopped: boolean, version: string, extra: Record<string, unknown> = {}) => ({ name: 'lifecycle', metadata: { resource_version: version }, spec: { statement: 'INSERT INTO t SELECT * FROM s', compute_pool_id: pool, principal: sa, stopped, ...extra } });
  const stopped = await req('PUT', `${base}/lifecycle`, body(true, s.at('metadata', 'resource_version')));
  assert.equal(stopped.status, 200);
  assert.equal(stopped.at('status', 'phase'), 'STOPPED');
  assert.equal(stopped.at('spec', 'stopped'), true);
  const stale = await req('PUT', `${base}/lifecycle`, body(false, s.at('metadata', 'resource_version')));
  assert.equal(stale.status, 409);
  const moveWithoutResume = await req('PUT', `${base}/lifecycle`, body(true, stopped.at('metadata', 'resource_version'), { compute_pool_id: pool2 }));
  assert.equal(moveWithoutResume.at('errors', 0, 'source', 'pointer'), '/spec/compute_pool_id');
  const resumed = await req('PUT', `${base}/lifecycle`, body(false, stopped.at('metadata', 'resource_version'), { compute_pool_id: pool2 }));
  assert.equal(resumed.at('status', 'phase'), 'PENDING');
  assert.equal(resumed.at('spec', 'compute_pool_id'), pool2);
  const changeSql = await req('PUT', `${base}/lifecycle`, { ...body(false, resumed.at('metadata', 'resource_version')), spec: { statement: 'SELECT 2', stopped: false } });
  assert.equal(changeSql.at('errors', 0, 'source', 'pointer'), '/spec/statement');
});

test('create with spec.stopped = true stores it STOPPED; a resume makes it runnable', async () => {
  const s = await create('born-stopped', { stopped: true });
  assert.equal(s.status, 201);
  assert.equal(s.at('status', 'phase'), 'STOPPED');
  assert.equal(s.at('spec', 'stopped'), true);
  assert.equal(cloud.statements.listRunnable().some((r) => r.name === 'born-stopped'), false);
  assert.equal((await req('GET', `${base}/born-stopped`)).at('status', 'phase'), 'STOPPED');
  const resumed = await req('PUT', `${base}/born-stopped`, { name: 'born-stopped', metadata: { resource_version: s.at('metadata', 'resource_version') }, spec: { stopped: false } });
  assert.equal(resumed.at('status', 'phase'), 'PENDING');
  assert.equal(resumed.at('status', 'end_time'), undefined);
  assert.equal(cloud.statements.listRunnable().some((r) => r.name === 'born-stopped'), true);
});

test('with a runtime attached, a stop waits in STOPPING for the runtime', async () => {
  const detach = cloud.statements.attachRuntime();
  try {
    const s = await create('runtime-stop');
    const r = await req('PUT', `${base}/runtime-stop`, { name: 'runtime-stop', metadata: { resource_version: s.at('metadata', 'resource_version') }, spec: { stopped: true } });
    assert.equal(r.at('status', 'phase'), 'STOPPING');
    cloud.statements.setLatestOffsets(env, 'runtime-stop', { orders: 'partition:0,offset:42' });
    cloud.statements.setPhase(env, 'runtime-stop', 'STOPPED', 'Statement was stopped.');
    const done = await req('GET', `${base}/runtime-stop`);
    assert.equal(done.at('status', 'phase'), 'STOPPED');
    assert.deepEqual(done.at('status', 'latest_offsets'), { orders: 'partition:0,offset:42' });
    assert.equal(typeof done.at('status', 'latest_offsets_timestamp'), 'string');
  } finally {
    detach();
  }
});

test('delete answers 202 and the statement is gone', async () => {
  await create('doomed');
  assert.equal((await req('DELETE', `${base}/doomed`)).status, 202);
  assert.equal((await req('GET', `${base}/doomed`)).status, 404);
  assert.equal((await req('DELETE', `${base}/doomed`)).status, 404);
});

test('results pages and exceptions written by a runtime through the store', async () => {
  await create('query');
  const empty = await req('GET', `${base}/query/results`);
  assert.equal(empty.at('kind'), 'StatementResult');
  assert.deepEqual(empty.at('results', 'data'), []);
  assert.notEqual(empty.at('metadata', 'next'), '');
  cloud.statements.setPhase(env, 'query', 'RUNNING', 'Statement is running');
  cloud.statements.setTraits(env, 'query', { sqlKind: 'SELECT', isBounded: true, isAppendOnly: true, columns: [{ name: 'n', type: { type: 'INTEGER', nullable: false } }] });
  cloud.statements.appendResults(env, 'query', [{ op: 0, row: ['1'] }, { op: 0, row: ['2'] }]);
  cloud.statements.setPhase(env, 'query', 'COMPLETED', 'SQL statement is completed');
  const page = await req('GET', `${base}/query/results`);
  assert.deepEqual(page.at('results', 'data'), [{ op: 0, row: ['1'] }, { op: 0, row: ['2'] }]);
  assert.equal(page.at('metadata', 'next'), '');
  const s = await req('GET', `${base}/query`);
  assert.equal(s.at('status', 'traits', 'sql_kind'), 'SELECT');
  assert.equal(s.at('status', 'phase'), 'COMPLETED');
  cloud.statements.appendException(env, 'query', { name: 'java.lang.RuntimeException', message: 'first' });
  cloud.statements.appendException(env, 'query', { name: 'java.lang.RuntimeException', message: 'second' });
  const ex = await req('GET', `${base}/query/exceptions`);
  assert.equal(ex.at('kind'), 'StatementExceptionList');
  assert.deepEqual((ex.at('data') as unknown as { message: string }[]).map((e) => e.message), ['second', 'first']);
});

test('deleting a compute pool stops its statements', async () => {
  const p = (await req('POST', '/fcpm/v2/compute-pools', { spec: { display_name: 'p3', cloud: 'AWS', region: 'us-east-2', max_cfu: 5, environment: { id: env } } })).at('id');
  await create('on-p3', { compute_pool_id: p });
  await req('DELETE', `/fcpm/v2/compute-pools/${p}?environment=${env}`);
  const s = await req('GET', `${base}/on-p3`);
  assert.equal(s.at('status', 'phase'), 'STOPPED');
  assert.equal(s.at('spec', 'stopped'), true);
});

test('statements survive a restart', async () => {
  await cloud.close();
  cloud = await startCloud({ dataDir: tmp.dir, port: 0, runStatements: false });
  assert.equal((await req('GET', `${base}/orders-copy`)).at('status', 'phase'), 'PENDING');
  assert.deepEqual((await req('GET', `${base}/query/results`)).at('results', 'data'), [{ op: 0, row: ['1'] }, { op: 0, row: ['2'] }]);
});
