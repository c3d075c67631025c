import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Router, RoutingError } from './router.js';
import { renderError } from './render-error.js';
import { ApiError } from './types.js';
import type { Logger, Route } from './types.js';

const ok = (): { status: number } => ({ status: 200 });
const routes: Route[] = [
  { method: 'GET', pattern: '/cmk/v2/clusters/:id', envelope: 'confluent', handler: ok },
  { method: 'GET', pattern: '/cmk/v2/clusters/special', envelope: 'confluent', handler: ok },
  { method: 'DELETE', pattern: '/cmk/v2/clusters/:id', envelope: 'confluent', handler: ok },
  { method: 'GET', pattern: '/kafka/v3/clusters/:cluster_id/topics/:topic_name', envelope: 'kafka-rest', handler: ok },
];

test('matches :param segments and decodes them', () => {
  const m = new Router(routes).match('GET', '/kafka/v3/clusters/lkc-1/topics/a%2Eb');
  assert.deepEqual(m.params, { cluster_id: 'lkc-1', topic_name: 'a.b' });
});

test('a literal segment wins over a parameter', () => {
  assert.equal(new Router(routes).match('GET', '/cmk/v2/clusters/special').route.pattern, '/cmk/v2/clusters/special');
});

test('unknown path is a 404 in the envelope of its family', () => {
  const r = new Router(routes);
  assert.throws(() => r.match('GET', '/kafka/v3/nope'), (e: unknown) => e instanceof RoutingError && e.status === 404 && e.envelope === 'kafka-rest');
  assert.throws(() => r.match('GET', '/sr/lsrc-1/nope'), (e: unknown) => e instanceof RoutingError && e.envelope === 'schema-registry');
});

test('known path with another method is a 405 naming the allowed methods', () => {
  assert.throws(() => new Router(routes).match('PUT', '/cmk/v2/clusters/lkc-1'), (e: unknown) => e instanceof RoutingError && e.status === 405 && /DELETE, GET/.test(e.message));
});

const logged: string[] = [];
const logger: Logger = { info: () => undefined, warn: () => undefined, error: (m, f) => { logged.push(`${m} ${JSON.stringify(f)}`); } };

test('renderError: control-plane envelope carries status, code, detail and pointer', () => {
  const r = renderError(new ApiError(400, 'invalid_input', 'bad name', '/spec/display_name'), 'confluent', { logger, requestId: 'r1' });
  assert.equal(r.status, 400);
  assert.deepEqual(r.body, { errors: [{ id: 'r1', status: '400', code: 'invalid_input', title: 'Bad Request', detail: 'bad name', source: { pointer: '/spec/display_name' } }] });
});

test('renderError: Kafka REST and SR envelopes use error_code and message', () => {
  assert.deepEqual(renderError(new ApiError(404, 40403, 'no topic'), 'kafka-rest', { logger, requestId: 'r' }).body, { error_code: 40403, message: 'no topic' });
  assert.deepEqual(renderError(new ApiError(404, 40401, 'no subject'), 'schema-registry', { logger, requestId: 'r' }).body, { error_code: 40401, message: 'no subject' });
});

test('renderError: unexpected exceptions become a logged 500 with the message masked', () => {
  const r = renderError(new Error('secret internals'), 'confluent', { logger, requestId: 'r9' });
  assert.equal(r.status, 500);
  assert.doesNotMatch(JSON.stringify(r.body), /secret internals/);
  assert.ok(logged.some((l) => l.includes('secret internals') && l.includes('r9')));
});
