import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bigintType, decimalType, doubleType, intType, printType, smallintType, stringType, tinyintType, dateType, timestampType, dayTimeIntervalType, yearMonthIntervalType, floatType, booleanType } from '../types/index.js';
import { call, typeOf } from './test-support.js';
import { resolveFunction } from './index.js';

test('integer arithmetic keeps the type and wraps like Java', () => {
  assert.equal(call('/', [7, 2]), 3);
  assert.equal(call('/', [-7, 2]), -3);
  assert.equal(call('%', [-7, 3]), -1);
  assert.equal(call('%', [7, -3]), 1);
  assert.equal(call('+', [2147483647, 1]), -2147483648);
  assert.equal(call('*', [65536, 65536]), 0);
  assert.equal(call('+', [[127, tinyintType()], [1, tinyintType()]]), -128);
  assert.equal(printType(typeOf('+', [[1, smallintType()], [1, intType()]])), 'INT NOT NULL'.replace(' NOT NULL', ''));
  assert.equal(call('MOD', [10, 4]), 2);
});

test('BIGINT arithmetic is exact over 64 bits and wraps', () => {
  assert.equal(call('+', [9223372036854775807n, 0n]), 9223372036854775807n);
  assert.equal(call('+', [9223372036854775807n, 1n]), -9223372036854775808n);
  assert.equal(call('*', [3037000500n, 3037000500n]), -9223372036709301616n);
  assert.equal(call('+', [9007199254740993n, 1]), 9007199254740994n);
  assert.equal(call('/', [-7n, 2n]), -3n);
  assert.equal(call('%', [-7n, 3]), -1n);
  assert.equal(printType(typeOf('+', [1n, 1])), 'BIGINT NOT NULL');
  assert.equal(call('-', [9223372036854775807n]), -9223372036854775807n);
});

test('division by zero fails the statement for exact types', () => {
  assert.throws(() => call('/', [1, 0]), /by zero/);
  assert.throws(() => call('%', [1n, 0n]), /by zero/);
  assert.equal(call('/', [1.5, 0]), Infinity);
});

test('DECIMAL arithmetic is exact with Flink result types', () => {
  const d = decimalType(10, 2);
  assert.equal(call('+', [[10n, d], [20n, d]]), 30n); // 0.10 + 0.20 = 0.30 at scale 2
  assert.equal(printType(typeOf('+', [[10n, d], [20n, d]])), 'DECIMAL(11, 2)');
  assert.equal(call('*', [[150n, d], [250n, d]]), 37500n); // 1.50 * 2.50 = 3.7500
  assert.equal(printType(typeOf('*', [[150n, d], [250n, d]])), 'DECIMAL(21, 4)');
  const q = call('/', [[100n, d], [300n, d]]) as bigint; // 1.00 / 3.00
  assert.equal(printType(typeOf('/', [[100n, d], [300n, d]])), 'DECIMAL(23, 13)');
  assert.equal(q, 3333333333333n);
  assert.equal(call('+', [[150n, d], 1]), 250n);
  assert.equal(call('+', [[150n, d], 1.5]), 3);
  assert.equal(call('+', [[99999999999999999999999999999999999999n, decimalType(38, 0)], [1n, decimalType(38, 0)]]), null, 'overflow is NULL');
  assert.throws(() => call('/', [[1n, d], [0n, d]]), /by zero/);
});

test('FLOAT arithmetic rounds to float', () => {
  assert.equal(call('+', [[Math.fround(0.1), floatType()], [Math.fround(0.2), floatType()]]), Math.fround(Math.fround(0.1) + Math.fround(0.2)));
  assert.equal(printType(typeOf('*', [[1, floatType()], 2])), 'FLOAT');
  assert.equal(printType(typeOf('*', [[1, floatType()], [1, doubleType()]])), 'DOUBLE');
});

test('datetime and interval arithmetic', () => {
  const ts = Date.UTC(2024, 0, 31, 10, 0, 0);
  assert.equal(call('+', [[ts, timestampType(3)], [3_600_000, dayTimeIntervalType()]]), ts + 3_600_000);
  assert.equal(call('+', [[ts, timestampType(3)], [1, yearMonthIntervalType('MONTH')]]), Date.UTC(2024, 1, 29, 10, 0, 0));
  assert.equal(call('-', [[19724, dateType()], [86_400_000, dayTimeIntervalType('DAY')]]), 19723);
  assert.equal(call('+', [[86_400_000, dayTimeIntervalType('DAY')], [19724, dateType()]]), 19725);
});

test('comparisons use three-valued logic and compare numerics across types', () => {
  assert.equal(call('=', [1, 1n]), true);
  assert.equal(call('<', [[150n, decimalType(5, 2)], 2]), true);
  assert.equal(call('=', [[150n, decimalType(5, 2)], 1.5]), true);
  assert.equal(call('=', [null, 1]), null);
  assert.equal(call('<>', ['a', 'b']), true);
  assert.equal(call('<', ['B', 'a']), true);
  assert.equal(call('IS DISTINCT FROM', [null, null]), false);
  assert.equal(call('IS NOT DISTINCT FROM', [null, 1]), false);
  assert.equal(call('BETWEEN', [5, 1, 10]), true);
  assert.equal(call('BETWEEN', [5, null, 1]), false);
  assert.equal(call('BETWEEN', [5, null, 10]), null);
  assert.equal(call('BETWEEN SYMMETRIC', [5, 10, 1]), true);
  assert.equal(call('NOT BETWEEN', [5, 1, 10]), false);
  assert.equal(call('IN', [2, 1, 2, 3]), true);
  assert.equal(call('IN', [4, 1, null]), null);
  assert.equal(call('NOT IN', [4, 1, 2]), true);
  assert.equal(call('IN', [4, 1, 2], { literals: false }), false);
  assert.equal(call('IS NULL', [null]), true);
  const r = resolveFunction('=', [intType(), stringType()]);
  assert.equal(r.diagnostics[0]?.code, 'function-invalid-call');
});

test('logical operators follow three-valued logic', () => {
  const b = booleanType();
  const cases: [unknown, unknown, unknown, unknown][] = [
    [true, null, null, true], [false, null, false, null], [null, null, null, null], [true, false, false, true],
  ];
  for (const [x, y, and, or] of cases) {
    assert.equal(call('AND', [[x, b], [y, b]]), and, `${x} AND ${y}`);
    assert.equal(call('OR', [[x, b], [y, b]]), or, `${x} OR ${y}`);
  }
  assert.equal(call('NOT', [[null, b]]), null);
  assert.equal(call('IS NOT TRUE', [[null, b]]), true);
  assert.equal(call('IS UNKNOWN', [[null, b]]), true);
  assert.equal(call('AND', [[true, b], [true, b], [null, b]]), null);
});

test('unknown functions and bad calls give Confluent/Flink wording', () => {
  const r = resolveFunction('SUBSTRIN', [stringType()], { catalog: 'env', database: 'cluster' });
  assert.equal(r.diagnostics[0]?.code, 'function-not-found');
  assert.match(r.diagnostics[0]?.summary ?? '', /^Function 'SUBSTRIN' does not exist or you do not have permission to access it\.\nUsing current catalog 'env' and current database 'cluster'\.$/);
  assert.equal(r.diagnostics[0]?.detail, "Did you mean 'SUBSTRING'?");
  const bad = resolveFunction('repeat', [intType(), stringType()]);
  assert.match(bad.diagnostics[0]?.summary ?? '', /^Invalid function call:\nREPEAT\(INT, STRING\)\n\nSupported signatures are:\nREPEAT\(<STRING>, <INTEGER>\)$/);
  assert.equal(printType(typeOf('+', [[1n, bigintType()], [1, intType()]])), 'BIGINT');
});
