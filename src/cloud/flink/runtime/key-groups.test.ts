import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Worker } from 'node:worker_threads';
import { KEY_GROUPS, keyGroupOf, keyGroupOwner } from './key-groups.js';

/** Keys that the operators treat as one key (their state maps / rowKey), each pair built separately. */
const EQUAL_PAIRS: readonly (readonly [string, () => unknown])[] = [
  ['-0 and 0', () => 0],
  ['integer', () => 42],
  ['negative integer', () => -7],
  ['large integer (beyond int32)', () => 2 ** 40 + 3],
  ['fraction', () => 0.1 + 0.2],
  ['NaN', () => NaN],
  ['string', () => ['us', 'er-', '1'].join('')],
  ['empty string', () => ''],
  ['non-BMP string', () => 'k\u{1F600}'],
  ['bigint', () => 12345678901234567890n],
  ['true', () => true],
  ['false', () => false],
  ['null', () => null],
  ['bytes', () => new Uint8Array([1, 2, 3])],
  ['nested row', () => [1, 'a', [null, 2n]]],
  ['map', () => new Map<unknown, unknown>([['a', 1], ['b', [true, 3n]]])],
];

test('keyGroupOf is the same for equal keys built separately, as a single value and inside a tuple, and in [0, KEY_GROUPS)', () => {
  assert.equal(KEY_GROUPS, 128);
  for (const [what, make] of EQUAL_PAIRS) {
    const a = make();
    const b = what === '-0 and 0' ? -0 : make();
    for (const [ka, kb] of [[a, b], [[a], [b]], [['x', a, 1], ['x', b, 1]]] as const) {
      const g = keyGroupOf(ka);
      assert.equal(keyGroupOf(kb), g, what);
      assert.ok(Number.isInteger(g) && g >= 0 && g < KEY_GROUPS, `${what}: ${g}`);
      assert.equal(keyGroupOf(ka), g, `${what}: deterministic`);
    }
  }
  // undefined is a SQL NULL to the operators (a missing column), as is null.
  assert.equal(keyGroupOf(undefined), keyGroupOf(null));
  assert.equal(keyGroupOf([undefined, 1]), keyGroupOf([null, 1]));
  // A NaN from arithmetic (other payload bits) is still NaN.
  const other = new Float64Array(new BigUint64Array([0x7ff8000000000001n]).buffer)[0] as number;
  assert.ok(Number.isNaN(other));
  assert.equal(keyGroupOf(other), keyGroupOf(NaN));
});

test('a tuple and its single value may fall in different groups: each input keeps one key shape, so it never matters', () => {
  // The operators' key functions return tuples (GROUP BY / PARTITION BY), a join's return one value
  // for a single primitive key column (plan-join.ts keyFn). Both sides of a join use the same shape,
  // and the exchange routes by the same function the key-grouped operator groups by, so a key is
  // never compared across shapes. Documented here so that nobody relies on the two agreeing.
  const differ = Array.from({ length: 200 }, (_, i) => i).filter((i) => keyGroupOf(i) !== keyGroupOf([i]));
  assert.ok(differ.length > 100, `${differ.length} of 200 keys land elsewhere as a 1-tuple`);
  // Order within a tuple matters; a longer tuple is another key.
  assert.notEqual(keyGroupOf([1, 2]), keyGroupOf([2, 1]));
  assert.notEqual(keyGroupOf(['a']), keyGroupOf(['a', null]));
  // Values of different types are different keys (1 ≠ '1' ≠ 1n ≠ true for the operators too).
  const kinds = [1, '1', 1n, true].map((v) => keyGroupOf([v, 'k']));
  assert.ok(new Set(kinds).size >= 3, `${kinds}`);
});

function counts(keys: Iterable<unknown>): number[] {
  const c = new Array<number>(KEY_GROUPS).fill(0);
  for (const k of keys) (c as number[])[keyGroupOf(k)] = (c[keyGroupOf(k)] as number) + 1;
  return c;
}

function* range(n: number, f: (i: number) => unknown): Generator<unknown> { for (let i = 0; i < n; i++) yield f(i); }

test('keys spread over every group: 10,000 keys give each group between 40 and 120 (mean 78)', () => {
  // A uniform hash has a standard deviation near 8.8 per group here: the bounds are over 4 of them
  // away, so a good hash always meets them and a constant, a `% 2` or a low-bits-only hash never does.
  const shapes: [string, (i: number) => unknown][] = [
    ['integers', (i) => i],
    ['integers as 1-tuples', (i) => [i]],
    ['multiples of 128', (i) => i * 128],
    ['large integers', (i) => 1_700_000_000_000 + i * 1000],
    ['fractions', (i) => i / 8],
    ['strings', (i) => `user-${i}`],
    ['bigints', (i) => BigInt(i) * 1_000_003n],
    ['pairs', (i) => [i % 100, `c${Math.floor(i / 100)}`]],
    ['byte arrays', (i) => new Uint8Array([i & 255, i >> 8])],
  ];
  for (const [what, f] of shapes) {
    const c = counts(range(10_000, f));
    const min = Math.min(...c);
    const max = Math.max(...c);
    assert.ok(min >= 40 && max <= 120, `${what}: groups hold between ${min} and ${max} keys`);
  }
  // The check itself rejects a broken hash: everything in group 0, or only even groups.
  const constant = new Array<number>(KEY_GROUPS).fill(0);
  constant[0] = 10_000;
  assert.ok(Math.min(...constant) < 40);
  const even = Array.from({ length: KEY_GROUPS }, (_, g) => (g % 2 === 0 ? 156 : 0));
  assert.ok(Math.min(...even) < 40 && Math.max(...even) > 120);
});

test('keyGroupOwner: subtask i of p owns one contiguous range, every subtask owns at least one group', () => {
  for (let p = 1; p <= KEY_GROUPS; p++) {
    const owners = Array.from({ length: KEY_GROUPS }, (_, g) => keyGroupOwner(g, p));
    assert.equal(owners[0], 0, `p=${p}`);
    assert.equal(owners[KEY_GROUPS - 1], p - 1, `p=${p}`);
    for (let g = 1; g < KEY_GROUPS; g++) {
      const step = (owners[g] as number) - (owners[g - 1] as number);
      assert.ok(step === 0 || step === 1, `p=${p}: group ${g} jumps from subtask ${owners[g - 1]} to ${owners[g]}`);
    }
    const sizes = new Array<number>(p).fill(0);
    for (const o of owners) sizes[o] = (sizes[o] as number) + 1;
    assert.ok(Math.min(...sizes) >= Math.floor(KEY_GROUPS / p) && Math.max(...sizes) <= Math.ceil(KEY_GROUPS / p), `p=${p}: ${sizes}`);
  }
  for (let g = 0; g < KEY_GROUPS; g++) assert.equal(keyGroupOwner(g, 1), 0);
  assert.deepEqual([0, 31, 32, 63, 64, 127].map((g) => keyGroupOwner(g, 4)), [0, 0, 1, 1, 2, 3]);
  assert.deepEqual([0, 42, 43, 85, 86, 127].map((g) => keyGroupOwner(g, 3)), [0, 0, 1, 1, 2, 2]);
});

test('a worker thread computes the same groups (subtasks hash on their own threads)', async () => {
  const keys: unknown[] = [0, -0, 17, 2 ** 40, 0.5, NaN, 'a', 'user-99', 5n, true, null, new Uint8Array([9, 8]), [1, 'x'], [[2n, null]]];
  const here = keys.map((k) => keyGroupOf(k));
  const url = new URL('./key-groups.js', import.meta.url).href;
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     import(workerData.url).then((m) => parentPort.postMessage(workerData.keys.map((k) => m.keyGroupOf(k))));`,
    { eval: true, workerData: { url, keys } },
  );
  try {
    const there = await new Promise<number[]>((resolve, reject) => { worker.once('message', resolve); worker.once('error', reject); });
    assert.deepEqual(there, here);
  } finally {
    await worker.terminate();
  }
});
