import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  arrayType, bigintType, decimalType, doubleType, intType, stringType, tinyintType, type LogicalType,
} from '../../../types/index.js';
import type { AggregateCall, AggregateFunctionName } from '../types.js';
import { aggregateResultType, compileAggregates, createAccumulator, type Accumulator } from './index.js';

function acc(fn: AggregateFunctionName, argType?: LogicalType, extra: Partial<AggregateCall> = {}): Accumulator {
  const call: AggregateCall = argType === undefined ? { fn, ...extra } : { fn, argType, arg: (r) => r[0], ...extra };
  return createAccumulator(call);
}

/** Adds then retracts values; returns the result after each step, and checks snapshot/restore keeps it. */
function run(a: Accumulator, ops: readonly (readonly ['+' | '-', unknown])[], fresh: () => Accumulator): unknown[] {
  const out: unknown[] = [];
  for (const [op, v] of ops) {
    if (op === '+') a.add(v); else a.retract(v);
    out.push(a.result());
    const b = fresh();
    b.restore(JSON.parse(JSON.stringify(a.snapshot())));
    assert.deepEqual(b.result(), a.result(), 'restored accumulator has the same result');
  }
  return out;
}

test('COUNT(*) counts rows and COUNT(x) skips NULLs, as BIGINT', () => {
  assert.deepEqual(run(acc('COUNT'), [['+', null], ['+', 1], ['-', null]], () => acc('COUNT')), [1n, 2n, 1n]);
  const c = () => acc('COUNT', intType());
  assert.deepEqual(run(c(), [['+', null], ['+', 1], ['-', 1]], c), [0n, 1n, 0n]);
});

test('SUM(INT) is INT with Java wrapping, NULL without non-null input', () => {
  const s = () => acc('SUM', intType());
  assert.deepEqual(run(s(), [['+', null], ['+', 2147483647], ['+', 1], ['-', 2147483647], ['-', 1]], s), [null, 2147483647, -2147483648, 1, null]);
  assert.deepEqual(aggregateResultType({ fn: 'SUM', argType: intType(), arg: (r) => r[0] }), intType());
  const t = () => acc('SUM', tinyintType());
  assert.deepEqual(run(t(), [['+', 127], ['+', 1]], t), [127, -128]);
});

test('SUM over BIGINT is BIGINT and over DECIMAL(p, s) is DECIMAL(38, s)', () => {
  const b = () => acc('SUM', bigintType());
  assert.deepEqual(run(b(), [['+', 5n], ['+', 7n], ['-', 5n]], b), [5n, 12n, 7n]);
  const d = () => acc('SUM', decimalType(5, 2));
  assert.deepEqual(run(d(), [['+', 150n], ['+', 25n]], d), [150n, 175n]);
  assert.deepEqual(aggregateResultType({ fn: 'SUM', argType: decimalType(5, 2), arg: (r) => r[0] }), decimalType(38, 2));
});

test('AVG(INT) is integer division and AVG(DOUBLE) is exact', () => {
  const a = () => acc('AVG', intType());
  assert.deepEqual(run(a(), [['+', 1], ['+', 2], ['+', 4], ['-', 1], ['-', 2], ['-', 4]], a), [1, 1, 2, 3, 4, null]);
  const d = () => acc('AVG', doubleType());
  assert.deepEqual(run(d(), [['+', 1], ['+', 2]], d), [1, 1.5]);
  assert.deepEqual(run(acc('AVG', intType()), [['+', -3], ['+', 0]], a), [-3, -1], 'truncates toward zero like Java');
});

test('AVG(DECIMAL(5, 2)) is DECIMAL(38, 6) rounded half up', () => {
  const a = () => acc('AVG', decimalType(5, 2));
  assert.deepEqual(run(a(), [['+', 100n], ['+', 0n], ['+', 0n]], a), [1_000000n, 500000n, 333333n]);
  assert.deepEqual(aggregateResultType({ fn: 'AVG', argType: decimalType(5, 2), arg: (r) => r[0] }), decimalType(38, 6));
});

test('MIN and MAX survive retracting the current minimum and maximum', () => {
  const mn = () => acc('MIN', intType());
  assert.deepEqual(run(mn(), [['+', 3], ['+', 1], ['+', 1], ['+', 5], ['-', 1], ['-', 1], ['-', 3], ['-', 5]], mn), [3, 1, 1, 1, 1, 3, 5, null]);
  const mx = () => acc('MAX', stringType());
  assert.deepEqual(run(mx(), [['+', 'b'], ['+', 'z'], ['+', null], ['-', 'z']], mx), ['b', 'z', 'z', 'b']);
});

test('FIRST_VALUE and LAST_VALUE fall back to the neighbour when their value is retracted', () => {
  const f = () => acc('FIRST_VALUE', intType());
  assert.deepEqual(run(f(), [['+', 1], ['+', 2], ['+', null], ['+', 3], ['-', 1], ['-', 2], ['-', 3]], f), [1, 1, 1, 1, 2, 3, null]);
  const l = () => acc('LAST_VALUE', intType());
  assert.deepEqual(run(l(), [['+', 1], ['+', 2], ['+', 3], ['-', 3], ['+', null]], l), [1, 2, 3, 2, 2]);
});

test('LISTAGG joins with the default comma or a given separator, ignoring NULLs', () => {
  const l = () => acc('LISTAGG', stringType());
  assert.deepEqual(run(l(), [['+', 'a'], ['+', null], ['+', 'b'], ['-', 'a'], ['-', 'b']], l), ['a', 'a', 'a,b', 'b', null]);
  const s = () => acc('LISTAGG', stringType(), { separator: '; ' });
  assert.deepEqual(run(s(), [['+', 'a'], ['+', 'b']], s), ['a', 'a; b']);
});

test('a list retraction arriving before its add cancels that add', () => {
  const l = () => acc('LISTAGG', stringType());
  assert.deepEqual(run(l(), [['-', 'x'], ['+', 'a'], ['+', 'x']], l), [null, 'a', 'a']);
});

test('COLLECT builds a MULTISET value -> count', () => {
  const c = () => acc('COLLECT', stringType());
  assert.deepEqual(run(c(), [['+', 'a'], ['+', 'a'], ['+', 'b'], ['-', 'a'], ['+', null]], c), [
    new Map([['a', 1]]), new Map([['a', 2]]), new Map([['a', 2], ['b', 1]]), new Map([['a', 1], ['b', 1]]), new Map([['a', 1], ['b', 1]]),
  ]);
});

test('ARRAY_AGG keeps NULLs unless IGNORE NULLS', () => {
  const a = () => acc('ARRAY_AGG', intType());
  assert.deepEqual(run(a(), [['+', 1], ['+', null], ['+', 2], ['-', 1]], a), [[1], [1, null], [1, null, 2], [null, 2]]);
  const i = () => acc('ARRAY_AGG', intType(), { ignoreNulls: true });
  assert.deepEqual(run(i(), [['+', null], ['+', 2]], i), [null, [2]]);
});

test('variance family over INT follows integer arithmetic and over DOUBLE retracts with Welford', () => {
  const vp = () => acc('VAR_POP', intType());
  assert.deepEqual(run(vp(), [['+', 1], ['+', 2], ['+', 3], ['+', 4]], vp), [0, 0, 0, 1]);
  const vs = () => acc('VAR_SAMP', doubleType());
  assert.deepEqual(run(vs(), [['+', 1], ['+', 2], ['+', 3], ['+', 100], ['-', 100]], vs).map((x) => (x === null ? null : Math.round((x as number) * 1e9) / 1e9)), [null, 0.5, 1, 2401.666666667, 1]);
  const sd = () => acc('STDDEV_POP', doubleType());
  assert.deepEqual(run(sd(), [['+', 2], ['+', 4], ['+', 4], ['+', 4], ['+', 5], ['+', 5], ['+', 7], ['+', 9]], sd).at(-1), 2);
  const vd = () => acc('VARIANCE', decimalType(5, 1));
  assert.deepEqual(run(vd(), [['+', 10n], ['+', 20n]], vd), [null, 500000n], 'VAR_SAMP(1.0, 2.0) = 0.5 as DECIMAL(38, 6)');
});

test('JSON_ARRAYAGG and JSON_OBJECTAGG render JSON text', () => {
  const a = () => acc('JSON_ARRAYAGG', stringType());
  assert.deepEqual(run(a(), [['+', 'a'], ['+', null], ['+', 'b"']], a), ['["a"]', '["a"]', '["a","b\\""]']);
  const o = () => acc('JSON_OBJECTAGG', intType());
  assert.deepEqual(run(o(), [['+', ['k2', 2]], ['+', ['k1', null]], ['-', ['k2', 2]]], o), ['{"k2":2}', '{"k1":null,"k2":2}', '{"k1":null}']);
  assert.throws(() => { const x = o(); x.add(['k', 1]); x.add(['k', 2]); }, /already present/);
});

test('DISTINCT forwards only the first add and the last retract of a value', () => {
  const c = () => acc('COUNT', intType(), { distinct: true });
  assert.deepEqual(run(c(), [['+', 1], ['+', 1], ['+', 2], ['-', 1], ['-', 1]], c), [1n, 1n, 2n, 2n, 1n]);
  const s = () => acc('SUM', intType(), { distinct: true });
  assert.deepEqual(run(s(), [['+', 5], ['+', 5], ['+', 6]], s), [5, 5, 11]);
});

test('FILTER (WHERE …) lets only rows where the predicate is true reach the accumulator', () => {
  const aggs = compileAggregates([
    { fn: 'COUNT' },
    { fn: 'COUNT', filter: (r) => (r[1] === null ? null : (r[1] as number) > 10) },
    { fn: 'SUM', arg: (r) => r[1], argType: intType(), filter: (r) => r[0] === 'x' },
  ]);
  const accs = aggs.create();
  for (const r of [['x', 5], ['y', 20], ['x', null], ['x', 30]]) aggs.apply(accs, r, false);
  assert.deepEqual(aggs.results(accs), [4n, 2n, 35]);
  aggs.apply(accs, ['x', 30], true);
  assert.deepEqual(aggs.results(aggs.restore(JSON.parse(JSON.stringify(aggs.snapshot(accs))))), [3n, 1n, 5]);
});

test('MIN/MAX over an insert-only input pick what the retracting ones pick, equal-comparing values included', () => {
  const doubles = [0, -0, 1.5, -2, Number.NaN, null, Number.POSITIVE_INFINITY, -0, 0, -2];
  // Arrays holding -0 and 0 compare equal but have different value keys.
  const arrays = [[0], [-0], [1.5], [0], null, [-0], [-2]];
  let seed = 7;
  const next = (): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; };
  for (const [fn, argType, values] of [['MIN', doubleType(), doubles], ['MAX', doubleType(), doubles], ['MIN', arrayType(doubleType()), arrays], ['MAX', arrayType(doubleType()), arrays]] as const) {
    for (let trial = 0; trial < 50; trial++) {
      const [retracting, append] = [false, true].map((insertOnly) => compileAggregates([{ fn, argType, arg: (r) => r[0] }], insertOnly));
      const a = retracting?.create() ?? [];
      const b = append?.create() ?? [];
      for (let i = 0; i < 12; i++) {
        const row = [values[next() % values.length] ?? null];
        retracting?.apply(a, row, false);
        append?.apply(b, row, false);
        const [x, y] = [retracting?.results(a)[0], append?.results(b)[0]];
        assert.ok(Array.isArray(x) ? x === y : Object.is(x, y), `${fn} after ${i + 1} rows: ${String(x)} vs ${String(y)}`);
      }
      const restored = append?.restore(JSON.parse(JSON.stringify(append.snapshot(b))) as never) ?? [];
      const row = [values[next() % values.length] ?? null];
      for (const [acc, state] of [[append, restored], [append, b], [retracting, a]] as const) acc?.apply(state, row, false);
      assert.deepEqual(append?.results(restored), append?.results(b), 'restored, then one more row');
      assert.deepEqual(append?.results(b), retracting?.results(a), 'one more row');
    }
  }
  const insertOnlyMin = compileAggregates([{ fn: 'MIN', argType: intType(), arg: (r) => r[0] }], true);
  const minState = insertOnlyMin.create();
  assert.throws(() => insertOnlyMin.apply(minState, [1], true), /insert-only/);
});

test('COUNT slots count like CountAccumulator, through FILTER, retraction and a restore from either layout', () => {
  const calls = [
    { fn: 'COUNT' as const },
    { fn: 'COUNT' as const, arg: (r: unknown[]) => r[0], argType: intType() },
    { fn: 'COUNT' as const, filter: (r: unknown[]) => (r[0] === null ? null : (r[0] as number) > 2) },
    { fn: 'COUNT' as const, arg: (r: unknown[]) => r[0], argType: intType(), distinct: true },
  ];
  const aggs = compileAggregates(calls);
  const plain = calls.map((c) => createAccumulator(c));
  const state = aggs.create();
  const rows: [unknown[], boolean][] = [[[1], false], [[null], false], [[3], false], [[3], false], [[5], false], [[null], true], [[3], true]];
  for (const [row, retract] of rows) {
    aggs.apply(state, row, retract);
    calls.forEach((c, i) => {
      if (c.filter !== undefined && c.filter(row) !== true) return;
      const v = c.arg === undefined ? null : c.arg(row);
      if (retract) plain[i]?.retract(v); else plain[i]?.add(v);
    });
    assert.deepEqual(aggs.results(state), plain.map((a) => a.result()));
  }
  assert.deepEqual(aggs.results(state), [3n, 3n, 2n, 3n]);
  const out = ['k', 0, 0, 0, 0];
  aggs.resultsInto(state, out, 1);
  assert.deepEqual(out, ['k', 3n, 3n, 2n, 3n]);
  // The snapshot is the per-call accumulators' own JSON, so both layouts restore alike.
  assert.deepEqual(aggs.snapshot(state), plain.map((a) => a.snapshot()));
  const restored = aggs.restore(JSON.parse(JSON.stringify(plain.map((a) => a.snapshot()))) as never);
  aggs.apply(restored, [4], false);
  assert.deepEqual(aggs.results(restored), [4n, 4n, 3n, 4n]);
});

test('SUM(BIGINT) and AVG stay exact across the double-safe range and wrap like Java past 64 bits', () => {
  const near = [1n, -1n, 2n ** 52n, -(2n ** 52n), 2n ** 53n - 1n, 2n ** 53n + 1n, 2n ** 62n, -(2n ** 63n), 2n ** 63n - 1n, 12345n];
  let seed = 11;
  const next = (): number => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed; };
  for (let trial = 0; trial < 200; trial++) {
    const sum = acc('SUM', bigintType());
    const avg = acc('AVG', bigintType());
    let wrapped = 0n;
    let exact = 0n;
    let count = 0n;
    for (let i = 0; i < 10; i++) {
      const v = near[next() % near.length] ?? 0n;
      const retract = count > 0n && next() % 4 === 0;
      if (retract) { sum.retract(v); avg.retract(v); } else { sum.add(v); avg.add(v); }
      wrapped = BigInt.asIntN(64, retract ? wrapped - v : wrapped + v);
      exact = retract ? exact - v : exact + v;
      count += retract ? -1n : 1n;
      assert.equal(sum.result(), count === 0n ? null : wrapped, `SUM after step ${i}`);
      assert.equal(avg.result(), count === 0n ? null : exact / count, `AVG after step ${i}`);
      const back = acc('SUM', bigintType());
      back.restore(JSON.parse(JSON.stringify(sum.snapshot())));
      back.add(1n);
      assert.equal(back.result(), BigInt.asIntN(64, wrapped + 1n), 'restored SUM keeps counting');
    }
  }
});
