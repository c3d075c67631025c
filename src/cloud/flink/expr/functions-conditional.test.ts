import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bigintType, decimalType, intType, printType, stringType, arrayType } from '../types/index.js';
import { call, typeOf } from './test-support.js';
import { resolveFunction, bindCast } from './index.js';

test('COALESCE, IFNULL, NULLIF, IF convert to the common type', () => {
  assert.equal(call('COALESCE', [[null, intType()], [null, intType()], 3]), 3);
  assert.equal(call('COALESCE', [[null, intType()], 5n]), 5n);
  assert.equal(printType(typeOf('COALESCE', [[null, intType()], 5n])), 'BIGINT NOT NULL');
  assert.equal(printType(typeOf('COALESCE', [[null, intType()], [null, bigintType()]])), 'BIGINT');
  assert.equal(call('IFNULL', [[null, stringType()], 'x']), 'x');
  assert.equal(call('NULLIF', [5, 5]), null);
  assert.equal(call('NULLIF', [5, 6]), 5);
  assert.equal(call('IF', [true, 1, 2n]), 1n);
  assert.equal(call('IF', [[null, { kind: 'BOOLEAN', nullable: true }], 1, 2]), 2);
  assert.equal(resolveFunction('COALESCE', [intType(), stringType()]).diagnostics[0]?.code, 'function-invalid-call');
});

test('GREATEST and LEAST return NULL when any argument is NULL', () => {
  assert.equal(call('GREATEST', [1, 5, 3]), 5);
  assert.equal(call('LEAST', [1, 5, 3]), 1);
  assert.equal(call('GREATEST', [1, [null, intType()], 3]), null);
  assert.equal(call('GREATEST', [1, [250n, decimalType(3, 2)]]), 250n);
  assert.equal(call('LEAST', ['b', 'a', 'c']), 'a');
});

test('IS_ALPHA, IS_DIGIT, IS_DECIMAL are never NULL', () => {
  assert.equal(call('IS_ALPHA', ['abc']), true);
  assert.equal(call('IS_ALPHA', ['ab1']), false);
  assert.equal(call('IS_DIGIT', ['123']), true);
  assert.equal(call('IS_DIGIT', ['12.3']), false);
  assert.equal(call('IS_DECIMAL', ['12.3']), true);
  assert.equal(call('IS_DECIMAL', ['-1e5']), true);
  assert.equal(call('IS_DECIMAL', ['abc']), false);
  assert.equal(call('IS_ALPHA', [[null, stringType()]]), false);
});

test('TYPEOF prints the argument type', () => {
  assert.equal(call('TYPEOF', [1]), 'INT NOT NULL');
  assert.equal(call('TYPEOF', [[null, stringType()]]), 'STRING');
  assert.equal(call('TYPEOF', [[null, stringType()], true]), 'VARCHAR(2147483647)');
  assert.equal(call('TYPEOF', [[[1], arrayType(intType())]]), 'ARRAY<INT>');
});

test('CAST and TRY_CAST binding', () => {
  const ok = bindCast(stringType(), intType());
  assert.equal(ok.value?.fn('12'), 12);
  assert.throws(() => ok.value?.fn('abc'), /Cannot cast 'abc' to INT/);
  const tryCast = bindCast(stringType({ nullable: false }), intType({ nullable: false }), { tryCast: true });
  assert.equal(tryCast.value?.fn('abc'), null);
  assert.equal(tryCast.value?.type.nullable, true);
  const bad = bindCast(intType(), { kind: 'DATE', nullable: true });
  assert.equal(bad.diagnostics[0]?.code, 'cast-not-supported');
});
