import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  arrayType, compileRowKey, dateLiteral, decimalType, doubleType, intervalLiteral, intType, numericLiteral, printType,
  stringLiteral, stringType, timeLiteral, timestampLiteral,
} from './index.js';
import type { TypedLiteral } from './index.js';

function ok(r: TypedLiteral | string): TypedLiteral {
  if (typeof r === 'string') throw new Error(r);
  return r;
}

test('numeric literals get Flink types', () => {
  const cases: [string, string, unknown][] = [
    ['10', 'INT NOT NULL', 10], ['2147483648', 'BIGINT NOT NULL', 2147483648n], ['2.5', 'DECIMAL(2, 1) NOT NULL', 25n],
    ['0.5', 'DECIMAL(1, 1) NOT NULL', 5n], ['1.50', 'DECIMAL(3, 2) NOT NULL', 150n], ['-7', 'INT NOT NULL', -7],
    ['1e3', 'DOUBLE NOT NULL', 1000], ['99999999999999999999', 'DECIMAL(20, 0) NOT NULL', 99999999999999999999n],
  ];
  for (const [text, type, value] of cases) {
    const r = ok(numericLiteral(text));
    assert.equal(printType(r.type), type, text);
    assert.equal(r.value, value, text);
  }
  assert.equal(typeof numericLiteral('1.2.3'), 'string');
});

test('string and datetime literals', () => {
  assert.equal(printType(stringLiteral('abc').type), 'CHAR(3) NOT NULL');
  assert.equal(ok(dateLiteral('2024-01-02')).value, 19724);
  assert.equal(typeof dateLiteral('2024-02-30'), 'string');
  const t = ok(timeLiteral('12:34:56.789'));
  assert.equal(t.value, 45296789);
  assert.equal(printType(t.type), 'TIME(3) NOT NULL');
  const ts = ok(timestampLiteral('2024-01-02 03:04:05.123'));
  assert.equal(ts.value, Date.UTC(2024, 0, 2, 3, 4, 5, 123));
  assert.equal(printType(ts.type), 'TIMESTAMP(3) NOT NULL');
  assert.equal(ok(timestampLiteral('2024-01-02 08:00:00', { ltz: true, timeZone: 'Asia/Shanghai' })).value, Date.UTC(2024, 0, 2));
});

test('interval literals', () => {
  assert.equal(ok(intervalLiteral('1-2', 'YEAR', 'MONTH')).value, 14);
  assert.equal(ok(intervalLiteral('2', 'YEAR')).value, 24);
  assert.equal(ok(intervalLiteral('-3', 'DAY')).value, -3 * 86_400_000);
  assert.equal(ok(intervalLiteral('1 02:03:04.5', 'DAY', 'SECOND')).value, 93_784_500);
  assert.equal(ok(intervalLiteral('90', 'MINUTE')).value, 5_400_000);
  assert.equal(ok(intervalLiteral('10', 'SECOND')).value, 10_000);
  assert.equal(printType(ok(intervalLiteral('1', 'DAY')).type), 'INTERVAL DAY(2) NOT NULL');
  assert.equal(printType(ok(intervalLiteral('1-2', 'YEAR', 'MONTH')).type), 'INTERVAL YEAR(2) TO MONTH NOT NULL');
  assert.equal(typeof intervalLiteral('1:99', 'HOUR', 'MINUTE'), 'string');
});

test('row keys: primitives are their own key, composites encode without collisions', () => {
  const single = compileRowKey([intType()], [0]);
  assert.equal(single([5]), 5);
  const pair = compileRowKey([stringType(), stringType()], [0, 1]);
  assert.notEqual(pair(['a', 'bc']), pair(['ab', 'c']));
  assert.equal(pair(['a', null]), pair(['a', null]));
  assert.notEqual(pair(['a', null]), pair(['a', 'N']));
  const arr = compileRowKey([arrayType(intType())], [0]);
  assert.equal(arr([[1, 2]]), arr([[1, 2]]));
  const dbl = compileRowKey([doubleType()], [0]);
  assert.equal(dbl([-0]), dbl([0]));
  const dec = compileRowKey([decimalType(5, 2)], [0]);
  assert.equal(dec([150n]), 150n);
});
