import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Row } from '../../types.js';
import { assertJoinScript, runJoinScript } from '../join-changelog-script.js';
import { MatchRecognizeOperator } from './match-recognize-operator.js';
import type { DefineCondition, MatchRecognizeSpec, MatchView, PatternNode, SkipStrategy } from './types.js';

const v = (name: string): PatternNode => ({ kind: 'var', name });
const seq = (...items: PatternNode[]): PatternNode => ({ kind: 'concat', items });
const alt = (...options: PatternNode[]): PatternNode => ({ kind: 'alt', options });
const q = (node: PatternNode, min: number, max: number | null, reluctant = false): PatternNode => ({ kind: 'quantified', node, min, max, reluctant });
const PAST: SkipStrategy = { kind: 'past-last-row' };
const NEXT: SkipStrategy = { kind: 'to-next-row' };

/** Rows (id, letter, t): a variable named X maps rows whose letter is x; `*` variables map any row. */
function letters(pattern: PatternNode, skip: SkipStrategy, extra: Partial<MatchRecognizeSpec> = {}): () => MatchRecognizeOperator {
  const is = (c: string): DefineCondition => (ctx) => ctx.row[1] === c;
  return () => new MatchRecognizeOperator({
    partition: () => [], time: (r) => r[2] as number, pattern, skip,
    define: { A: is('a'), B: is('b'), C: is('c') },
    measures: (m: MatchView) => [m.first()?.[0] ?? null, m.last()?.[0] ?? null, m.rows().map((_, i) => m.classifier(i)).join(''), m.matchNumber],
    ...extra,
  });
}

/** A script feeding `word` one letter per row (ids and times 1, 2, …), then END. */
function feed(word: string): string {
  return [...word].map((c, i) => `L +I[${i + 1}, '${c}', ${i + 1}]`).join('\n') + '\nEND';
}

function matches(make: () => MatchRecognizeOperator, word: string): string[] {
  return runJoinScript(make, feed(word), { inputs: 1 }).split('\n').filter((l) => l.startsWith('>')).map((l) => l.slice(2));
}

test('shoe store (historical): three orders rated >4, >4, 0..2 per email, AFTER MATCH SKIP TO NEXT ROW', () => {
  // PARTITION BY email ORDER BY $rowtime MEASURES A.rating, B.rating, C.rating PATTERN (A B C)
  const make = (): MatchRecognizeOperator => new MatchRecognizeOperator({
    partition: (r) => [r[0]], time: (r) => r[2] as number, skip: NEXT,
    pattern: seq(v('A'), v('B'), v('C')),
    define: {
      A: (c) => (c.row[1] as number) > 4,
      B: (c) => (c.row[1] as number) > 4,
      C: (c) => (c.row[1] as number) >= 0 && (c.row[1] as number) <= 2,
    },
    measures: (m) => [m.last('A')?.[1] ?? null, m.last('B')?.[1] ?? null, m.last('C')?.[1] ?? null],
  });
  assertJoinScript(make, `
    L +I['ann', 4.5, 2]
    L +I['ann', 4.8, 1]
    L +I['bo', 5, 1]
    L +I['ann', 1.5, 3]
    WM 2
    L +I['ann', 4.9, 4]
    L +I['ann', 4.9, 5]
    L +I['bo', 4.6, 6]
    L +I['ann', 2, 7]
    L +I['bo', 0.5, 8]
    # late, dropped
    L +I['ann', 5, 1]
    WM 8
    > +I['ann', 4.8, 4.5, 1.5] @3
    > +I['ann', 4.9, 4.9, 2] @7
    > +I['bo', 5, 4.6, 0.5] @8
  `, { inputs: 1, rowtimes: true });
});

test('HappyFeet: PATTERN (A+ B) with AVG(A.view_time) < 30, SKIP PAST LAST ROW', () => {
  const avg = (rows: readonly Row[]): number => Math.trunc(rows.reduce((s, r) => s + (r[1] as number), 0) / rows.length);
  const make = (): MatchRecognizeOperator => new MatchRecognizeOperator({
    partition: (r) => [r[0]], time: (r) => r[2] as number, skip: PAST,
    pattern: seq(q(v('A'), 1, null), v('B')),
    define: { A: (c) => avg(c.rows('A')) < 30 },
    measures: (m) => [m.first('A')?.[2] ?? null, m.last('A')?.[2] ?? null, avg(m.rows('A'))],
  });
  assertJoinScript(make, `
    L +I['u1', 10, 1]
    L +I['u1', 20, 2]
    L +I['u2', 50, 2]
    L +I['u1', 40, 3]
    L +I['u1', 100, 4]
    L +I['u2', 10, 3]
    WM 4
    > +I['u1', 1, 3, 23] @4
    L +I['u1', 5, 5]
    L +I['u1', 5, 6]
    # A could still grow (greedy): the shorter match waits
    WM 6
    L +I['u1', 100, 7]
    WM 7
    > +I['u1', 5, 6, 5] @7
  `, { inputs: 1, rowtimes: true });
});

const QUANTIFIERS: readonly (readonly [string, PatternNode, string, readonly string[]])[] = [
  ['A B', seq(v('A'), v('B')), 'aabab', ['2, 3, \'AB\', 1', '4, 5, \'AB\', 2']],
  ['A* B', seq(q(v('A'), 0, null), v('B')), 'baab', ['1, 1, \'B\', 1', '2, 4, \'AAB\', 2']],
  ['A+ B', seq(q(v('A'), 1, null), v('B')), 'baab', ['2, 4, \'AAB\', 1']],
  ['A? B', seq(q(v('A'), 0, 1), v('B')), 'baab', ['1, 1, \'B\', 1', '3, 4, \'AB\', 2']],
  ['A{2} B', seq(q(v('A'), 2, 2), v('B')), 'aaab', ['2, 4, \'AAB\', 1']],
  ['A{2,} B', seq(q(v('A'), 2, null), v('B')), 'abaaab', ['3, 6, \'AAAB\', 1']],
  ['A{1,2} B', seq(q(v('A'), 1, 2), v('B')), 'aaab', ['2, 4, \'AAB\', 1']],
  ['(A B)+ C', seq(q(seq(v('A'), v('B')), 1, null), v('C')), 'abababc', ['1, 7, \'ABABABC\', 1']],
  ['(A B | B A) C', seq(alt(seq(v('A'), v('B')), seq(v('B'), v('A'))), v('C')), 'cbacabc', ['2, 4, \'BAC\', 1', '5, 7, \'ABC\', 2']],
  ['(A | B)+ C', seq(q(alt(v('A'), v('B')), 1, null), v('C')), 'abbac', ['1, 5, \'ABBAC\', 1']],
];

for (const [name, pattern, word, expected] of QUANTIFIERS) {
  test(`PATTERN (${name}) over '${word}'`, () => {
    assert.deepEqual(matches(letters(pattern, PAST), word), expected.map((e) => `+I[${e}]`));
    assertJoinScript(letters(pattern, PAST), `${feed(word)}\n${expected.map((e) => `> +I[${e}]`).join('\n')}`, { inputs: 1 });
  });
}

test('greedy vs reluctant: (X+ B) takes the longest match, (X+? B) the shortest; a preferred running thread is awaited', () => {
  const any = { define: { X: (): boolean => true, B: (c: { readonly row: Row }): boolean => c.row[1] === 'b' } };
  const greedy = letters(seq(q(v('X'), 1, null), v('B')), PAST, any);
  const reluctant = letters(seq(q(v('X'), 1, null, true), v('B')), PAST, any);
  assert.deepEqual(matches(greedy, 'abab'), ["+I[1, 4, 'XXXB', 1]"], 'emitted at end of input, once the greedy thread can no longer grow');
  assert.deepEqual(matches(reluctant, 'abab'), ["+I[1, 2, 'XB', 1]", "+I[3, 4, 'XB', 2]"]);
  const reluctantOpt = letters(seq(v('A'), q(v('B'), 0, 1, true), v('C')), PAST);
  assert.deepEqual(matches(reluctantOpt, 'abc'), ["+I[1, 3, 'ABC', 1]"], 'B?? still maps b when skipping it fails');
  const bounded = letters(seq(q(v('X'), 1, 3, true), v('B')), PAST, any);
  assert.deepEqual(matches(bounded, 'aab'), ["+I[1, 3, 'XXB', 1]"]);
});

test('AFTER MATCH SKIP strategies over PATTERN (A B C D) with every row matching', () => {
  const all = { define: {} };
  const p = seq(v('A'), v('B'), v('C'), v('D'));
  const ids = (skip: SkipStrategy): string[] => matches(letters(p, skip, all), 'xxxxxxx').map((l) => l.split(',').slice(0, 2).join(','));
  assert.deepEqual(ids(PAST), ['+I[1, 4']);
  assert.deepEqual(ids(NEXT), ['+I[1, 4', '+I[2, 5', '+I[3, 6', '+I[4, 7']);
  assert.deepEqual(ids({ kind: 'to-last', variable: 'C' }), ['+I[1, 4', '+I[3, 6']);
  assert.deepEqual(ids({ kind: 'to-first', variable: 'B' }), ['+I[1, 4', '+I[2, 5', '+I[3, 6', '+I[4, 7']);
  assert.deepEqual(ids({ kind: 'to-first', variable: 'A' }), ['+I[1, 4', '+I[2, 5', '+I[3, 6', '+I[4, 7'], 'a target that does not move forward falls back to the next row');
});

test('WITHIN drops partial matches that would span the interval; the watermark settles a waiting match', () => {
  const make = letters(seq(v('A'), q(v('B'), 1, null)), PAST, { withinMs: 10 });
  assertJoinScript(make, `
    L +I[1, 'a', 1]
    L +I[2, 'b', 5]
    WM 5
    WM 10
    > +I[1, 2, 'AB', 1]
    L +I[3, 'a', 20]
    L +I[4, 'b', 30]
    WM 40
    END
  `, { inputs: 1 });
});

test('PREV reaches the previous row of the partition, also before the match start; CLASSIFIER and MATCH_NUMBER', () => {
  // PATTERN (A B+) DEFINE A AS A.price > PREV(A.price), B AS B.price < PREV(B.price)
  const make = (): MatchRecognizeOperator => new MatchRecognizeOperator({
    partition: () => [], time: (r) => r[2] as number, skip: PAST,
    pattern: seq(v('A'), q(v('B'), 1, null)),
    define: {
      A: (c) => { const p = c.prev(); return p === null ? null : (c.row[1] as number) > (p[1] as number); },
      B: (c) => { const p = c.prev(1, 'B'); return p === null ? null : (c.row[1] as number) < (p[1] as number); },
    },
    measures: (m) => [m.first('A')?.[1] ?? null, m.last('B')?.[1] ?? null, m.count('B'), m.classifier(), m.matchNumber],
  });
  assertJoinScript(make, `
    L +I[1, 10, 1]
    L +I[2, 12, 2]
    L +I[3, 11, 3]
    L +I[4, 9, 4]
    L +I[5, 15, 5]
    L +I[6, 20, 6]
    L +I[7, 1, 7]
    WM 7
    > +I[12, 9, 2, 'B', 1] @4
    L +I[8, 0, 8]
    END
    > +I[20, 0, 2, 'B', 2] @8
  `, { inputs: 1, rowtimes: true });
});

test('MATCH_RECOGNIZE forgets rows and threads it no longer needs', () => {
  const op = letters(seq(v('A'), v('B')), PAST)();
  const script = `${[...'ababab'].map((c, i) => `L +I[${i}, '${c}', ${i}]`).join('\n')}\nWM 100`;
  const out = runJoinScript(() => op, script, { inputs: 1 });
  assert.equal(out.split('\n').filter((l) => l.startsWith('>')).length, 3);
  assert.deepEqual(op.stateSize, { pending: 0, threads: 0, rows: 1 }, 'only the row PREV may need');
});
