import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  bigintType, decimalType, doubleType, intType, stringType, timestampLtzType, timestampType, tinyintType, varcharType,
} from '../types/index.js';
import type { LogicalType } from '../types/index.js';
import { isInjectiveCast } from './injective-cast.js';

test('casts that keep an upsert key: widening, exact numeric targets, strings long enough', () => {
  const cases: [LogicalType, LogicalType, boolean][] = [
    [intType(), bigintType(), true],
    [bigintType(), intType(), false],
    [intType(), tinyintType(), false],
    [intType(), stringType(), true],
    [intType(), varcharType(3), false],
    [varcharType(10), stringType(), true],
    [stringType(), varcharType(10), false],
    [stringType(), intType(), false],
    [intType(), decimalType(10, 0), true],
    [intType(), decimalType(10, 2), false],
    [decimalType(5, 2), decimalType(10, 3), true],
    [decimalType(5, 2), decimalType(10, 1), false],
    [intType(), doubleType(), true],
    [bigintType(), doubleType(), false],
    [doubleType(), intType(), false],
    [timestampType(3), timestampType(6), true],
    [timestampType(6), timestampType(3), false],
    [timestampType(3), timestampLtzType(3), false],
  ];
  for (const [from, to, expected] of cases) assert.equal(isInjectiveCast(from, to), expected, `${from.kind} → ${to.kind}`);
});
