import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bigintType, booleanType, castValue, charType, dateType, decimalType, doubleType, floatType, formatDouble, formatFloat,
  formatValue, intType, SqlRuntimeError, smallintType, stringType, timeType, timestampLtzType, timestampType, tinyintType,
  varcharType, arrayType, mapType, rowType, bytesType, parseTimestamp, formatTimestamp, makeTimestamp,
  dayTimeIntervalType, yearMonthIntervalType,
} from './index.js';

test('DOUBLE and FLOAT print like Java', () => {
  const cases: [number, string][] = [
    [1.5, '1.5'], [1e10, '1.0E10'], [0.001, '0.001'], [1e-4, '1.0E-4'], [100, '100.0'], [1234567, '1234567.0'],
    [12345678, '1.2345678E7'], [-0.5, '-0.5'], [0, '0.0'], [NaN, 'NaN'], [Infinity, 'Infinity'], [1.2345e-7, '1.2345E-7'],
    [123.456, '123.456'],
  ];
  for (const [x, s] of cases) assert.equal(formatDouble(x), s, String(x));
  assert.equal(formatFloat(Math.fround(0.1)), '0.1');
  assert.equal(formatFloat(Math.fround(3.14159)), '3.14159');
  assert.equal(formatFloat(Math.fround(1e10)), '1.0E10');
});

test('string to number casts trim, fail on garbage', () => {
  assert.equal(castValue(' 42 ', stringType(), intType()), 42);
  assert.equal(castValue('1.9', stringType(), intType()), 1);
  assert.equal(castValue('9223372036854775807', stringType(), bigintType()), 9223372036854775807n);
  assert.throws(() => castValue('abc', stringType(), intType()), (e: unknown) => e instanceof SqlRuntimeError && e.message === "Cannot cast 'abc' to INT");
  assert.throws(() => castValue('300', stringType(), tinyintType()), SqlRuntimeError);
  assert.equal(castValue('abc', stringType(), intType(), { tryCast: true }), null);
  assert.equal(castValue(' 1.5e2 ', stringType(), doubleType()), 150);
  assert.equal(castValue('12.345', stringType(), decimalType(5, 2)), 1235n);
  assert.equal(castValue('12345.6', stringType(), decimalType(5, 2)), null, 'decimal overflow is NULL');
  assert.equal(castValue('abc', stringType(), decimalType(5, 2)), null, 'Flink gives NULL for non-numeric text to DECIMAL');
  assert.equal(castValue('1.5e2', stringType(), decimalType(5, 2)), 15000n);
  assert.equal(castValue(null, stringType(), intType()), null);
});

test('numeric narrowing wraps, double to int truncates and saturates', () => {
  assert.equal(castValue(300, intType(), tinyintType()), 44);
  assert.equal(castValue(70000, intType(), smallintType()), 4464);
  assert.equal(castValue(2147483648n, bigintType(), intType()), -2147483648);
  assert.equal(castValue(1e20, doubleType(), intType()), 2147483647);
  assert.equal(castValue(-3.9, doubleType(), intType()), -3);
  assert.equal(castValue(1e30, doubleType(), bigintType()), 9223372036854775807n);
  assert.equal(castValue(1299n, decimalType(5, 2), intType()), 12);
  assert.equal(castValue(2.345, doubleType(), decimalType(5, 2)), 235n);
  assert.equal(castValue(-2.345, doubleType(), decimalType(5, 2)), -235n);
  assert.equal(castValue(0.1, doubleType(), floatType()), Math.fround(0.1));
});

test('boolean casts', () => {
  assert.equal(castValue(true, booleanType(), stringType()), 'TRUE');
  assert.equal(castValue(' Yes ', stringType(), booleanType()), true);
  assert.equal(castValue('0', stringType(), booleanType()), false);
  assert.equal(castValue(5, intType(), booleanType()), true);
  assert.equal(castValue(true, booleanType(), intType()), 1);
  assert.throws(() => castValue('maybe', stringType(), booleanType()), /Cannot cast 'maybe' to BOOLEAN/);
});

test('to string casts', () => {
  assert.equal(castValue(150n, decimalType(5, 2), stringType()), '1.50');
  assert.equal(castValue(-5n, decimalType(5, 2), stringType()), '-0.05');
  assert.equal(castValue(1e10, doubleType(), stringType()), '1.0E10');
  assert.equal(castValue('abcdef', stringType(), varcharType(3)), 'abc');
  assert.equal(castValue('ab', stringType(), charType(4)), 'ab  ');
  assert.equal(castValue([1, null, 3], arrayType(intType()), stringType()), '[1, NULL, 3]');
  assert.equal(castValue(new Map([['a', 1]]), mapType(stringType(), intType()), stringType()), '{a=1}');
  assert.equal(castValue([1, 'x'], rowType([['a', intType()], ['b', stringType()]]), stringType()), '(1, x)');
});

test('temporal casts both ways', () => {
  const d = castValue('2024-01-02', stringType(), dateType()) as number;
  assert.equal(d, 19724);
  assert.equal(castValue(d, dateType(), stringType()), '2024-01-02');
  assert.equal(castValue('12:34:56', stringType(), timeType()), 45296000);
  assert.equal(castValue(45296000, timeType(), stringType()), '12:34:56');
  const ts = castValue('2024-01-02 12:34:56.789', stringType(), timestampType(3)) as number;
  assert.equal(ts, Date.UTC(2024, 0, 2, 12, 34, 56, 789));
  assert.equal(castValue(ts, timestampType(3), stringType()), '2024-01-02 12:34:56.789');
  assert.equal(castValue(Date.UTC(2024, 0, 2), timestampType(3), stringType()), '2024-01-02 00:00:00.000');
  assert.equal(castValue('2024-01-02T01:02:03', stringType(), timestampType(0)), Date.UTC(2024, 0, 2, 1, 2, 3));
  assert.throws(() => castValue('2024-13-01', stringType(), dateType()), /Cannot cast '2024-13-01' to DATE/);
  assert.equal(castValue(ts, timestampType(3), dateType()), 19724);
  const micro = parseTimestamp('2024-01-02 12:34:56.123456') as number;
  assert.equal(formatTimestamp(micro, 6), '2024-01-02 12:34:56.123456');
  assert.equal(micro, makeTimestamp(Date.UTC(2024, 0, 2, 12, 34, 56, 123), 456_000));
  assert.equal(castValue(micro, timestampType(6), timestampType(3)), Date.UTC(2024, 0, 2, 12, 34, 56, 123));
});

test('TIMESTAMP <-> TIMESTAMP_LTZ uses the session time zone', () => {
  const local = Date.UTC(2024, 6, 1, 12, 0, 0);
  const inst = castValue(local, timestampType(3), timestampLtzType(3), { timeZone: 'Europe/Berlin' });
  assert.equal(inst, Date.UTC(2024, 6, 1, 10, 0, 0));
  assert.equal(castValue(inst, timestampLtzType(3), timestampType(3), { timeZone: 'Europe/Berlin' }), local);
  assert.equal(castValue(inst, timestampLtzType(3), stringType(), { timeZone: 'Asia/Shanghai' }), '2024-07-01 18:00:00.000');
  assert.equal(castValue(inst, timestampLtzType(3), stringType(), { timeZone: 'UTC+08:00' }), '2024-07-01 18:00:00.000');
  assert.equal(castValue(1700000000n, bigintType(), timestampLtzType(3)), 1700000000000);
  assert.equal(castValue(1700000000500, timestampLtzType(3), bigintType()), 1700000000n);
});

test('formatValue renders results API cells', () => {
  assert.equal(formatValue(null, intType()), null);
  assert.equal(formatValue(101n, bigintType()), '101');
  assert.equal(formatValue(true, booleanType()), 'TRUE');
  assert.deepEqual(formatValue([1, null], arrayType(intType())), ['1', null]);
  assert.deepEqual(formatValue(new Map([['k', 2n]]), mapType(stringType(), bigintType())), [['k', '2']]);
  assert.deepEqual(formatValue([1, [2]], rowType([['a', intType()], ['r', rowType([['b', intType()]])]])), ['1', ['2']]);
  assert.equal(formatValue(new Uint8Array([10, 27]), bytesType()), "x'0a1b'");
  assert.equal(formatValue(90061001, dayTimeIntervalType()), '+1 01:01:01.001');
  assert.equal(formatValue(14, yearMonthIntervalType()), '+1-02');
});
