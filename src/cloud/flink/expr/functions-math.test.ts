import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decimalType, doubleType, floatType, printType } from '../types/index.js';
import { call, testContext, typeOf } from './test-support.js';

test('ROUND is HALF_UP on DECIMAL and DOUBLE', () => {
  const d = decimalType(2, 1);
  assert.equal(call('ROUND', [[25n, d]]), 3n);
  assert.equal(call('ROUND', [[-25n, d]]), -3n);
  assert.equal(printType(typeOf('ROUND', [[25n, d]])), 'DECIMAL(2, 0)');
  assert.equal(call('ROUND', [[12345n, decimalType(6, 3)], 2]), 1235n);
  assert.equal(printType(typeOf('ROUND', [[12345n, decimalType(6, 3)], 2])), 'DECIMAL(6, 2)');
  assert.equal(call('ROUND', [2.5]), 3);
  assert.equal(call('ROUND', [-2.5]), -3);
  assert.equal(call('ROUND', [1.005, 2]), 1.01);
  assert.equal(call('ROUND', [1234.5678, -2]), 1200);
  assert.equal(call('ROUND', [125, -1]), 130);
  assert.equal(call('ROUND', [-125n, -1]), -130n);
  assert.equal(call('TRUNCATE', [1.789, 2]), 1.78);
  assert.equal(call('TRUNCATE', [[-1789n, decimalType(5, 3)], 1]), -17n);
  assert.equal(call('TRUNCATE', [-1.789]), -1);
});

test('numeric function table', () => {
  const cases: [string, unknown[], unknown][] = [
    ['ABS', [-5], 5], ['ABS', [-5n], 5n], ['ABS', [-1.5], 1.5],
    ['CEIL', [1.2], 2], ['FLOOR', [-1.2], -2], ['CEILING', [3], 3],
    ['SIGN', [-3.5], -1], ['SIGN', [0n], 0n],
    ['POWER', [2, 10], 1024], ['SQRT', [16], 4], ['EXP', [0], 1], ['LN', [1], 0], ['LOG10', [1000], 3], ['LOG2', [8], 3],
    ['LOG', [2, 8], 3], ['DEGREES', [Math.PI], 180], ['RADIANS', [180], Math.PI], ['PI', [], Math.PI], ['E', [], Math.E],
    ['HEX', [255], 'FF'], ['HEX', [-1], 'FFFFFFFFFFFFFFFF'], ['HEX', ['abc'], '616263'],
    ['BIN', [12], '1100'], ['BIN', [-1n], '1'.repeat(64)],
    ['ATAN2', [1, 1], Math.PI / 4], ['COT', [1], 1 / Math.tan(1)],
  ];
  for (const [name, args, expected] of cases) assert.deepEqual(call(name, args), expected, `${name}(${args.join(', ')})`);
  assert.equal(call('CEIL', [[1201n, decimalType(5, 3)]]), 2n);
  assert.equal(call('FLOOR', [[-1201n, decimalType(5, 3)]]), -2n);
  assert.deepEqual([...(call('UNHEX', ['616263']) as Uint8Array)], [97, 98, 99]);
  assert.equal(call('UNHEX', ['xyz']), null);
  assert.equal(call('ROUND', [[2.5, floatType()]]), 3);
  assert.equal(printType(typeOf('SQRT', [[null, doubleType()]])), 'DOUBLE');
});

test('RAND with a seed repeats java.util.Random', () => {
  // new java.util.Random(42).nextDouble() == 0.7275636800328681; nextInt(10) from seed 42 == 0
  assert.equal(call('RAND', [42]), 0.7275636800328681);
  assert.equal(call('RAND_INTEGER', [42, 10]), 0);
  const r = call('RAND', []) as number;
  assert.ok(r >= 0 && r < 1);
  const n = call('RAND_INTEGER', [5]) as number;
  assert.ok(Number.isInteger(n) && n >= 0 && n < 5);
  const u = call('UUID', [], { ctx: testContext() }) as string;
  assert.match(u, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});
