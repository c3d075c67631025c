/**
 * Differential property for the pattern matcher: with DEFINE conditions that only look at the
 * current row's letter, MATCH_RECOGNIZE over a string of rows must find exactly the matches a
 * backtracking regex engine (JavaScript's RegExp, whose preference order is the SQL one) finds:
 * leftmost start first, preferred path at that start; SKIP PAST LAST ROW resumes after the match,
 * SKIP TO NEXT ROW at the next start. Random non-empty patterns, random strings, random batches and
 * watermarks, with snapshot → restore between steps.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNever } from '../../../../../shared/index.js';
import { runJoinScript } from '../join-changelog-script.js';
import { MatchRecognizeOperator } from './match-recognize-operator.js';
import type { PatternNode, SkipStrategy } from './types.js';

function prng(seed: number): (n: number) => number {
  let s = seed >>> 0 || 1;
  return (n) => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s % n; };
}

const VARS = ['A', 'B', 'C'];

/** A random pattern; quantifiers never nest directly (keeps the thread count small). */
function randomPattern(rand: (n: number) => number, depth: number, quantifiable = true): PatternNode {
  const r = rand(depth <= 0 ? 1 : 4);
  if (r === 0) {
    const v: PatternNode = { kind: 'var', name: VARS[rand(3)] ?? 'A' };
    return quantifiable && rand(2) === 0 ? quantify(rand, v) : v;
  }
  if (r === 1 || r === 3) {
    const items = Array.from({ length: 2 + rand(2) }, () => randomPattern(rand, depth - 1));
    const n: PatternNode = { kind: 'concat', items };
    return quantifiable && r === 3 ? quantify(rand, n) : n;
  }
  const options = Array.from({ length: 2 + rand(2) }, () => randomPattern(rand, depth - 1, false));
  const n: PatternNode = { kind: 'alt', options };
  return quantifiable && rand(2) === 0 ? quantify(rand, n) : n;
}

/**
 * Quantifies `node` unless it can match no rows: ECMAScript rejects an empty iteration of a
 * quantified group and backtracks, a rule SQL row patterns do not have, so the oracle would differ.
 */
function quantify(rand: (n: number) => number, node: PatternNode): PatternNode {
  if (nullable(node)) return node;
  const forms: readonly [number, number | null][] = [[0, null], [1, null], [0, 1], [2, 2], [1, 3], [2, null], [0, 2]];
  const [min, max] = forms[rand(forms.length)] ?? [1, null];
  return { kind: 'quantified', node, min, max, reluctant: rand(3) === 0 };
}

function nullable(p: PatternNode): boolean {
  switch (p.kind) {
    case 'var': return false;
    case 'concat': return p.items.every(nullable);
    case 'alt': return p.options.some(nullable);
    case 'quantified': return p.min === 0 || nullable(p.node);
    default: return assertNever(p, 'pattern');
  }
}

function toRegex(p: PatternNode): string {
  switch (p.kind) {
    case 'var': return p.name.toLowerCase();
    case 'concat': return p.items.map(toRegex).join('');
    case 'alt': return `(?:${p.options.map(toRegex).join('|')})`;
    case 'quantified': return `(?:${toRegex(p.node)}){${p.min},${p.max ?? ''}}${p.reluctant ? '?' : ''}`;
    default: return assertNever(p, 'pattern');
  }
}

/** Matches as `start-end` (1-based, inclusive) by the regex oracle. */
function oracle(pattern: PatternNode, word: string, skip: SkipStrategy): string[] {
  const re = new RegExp(toRegex(pattern), 'y');
  const out: string[] = [];
  let from = 0;
  for (let s = 0; s < word.length; s++) {
    if (s < from) continue;
    re.lastIndex = s;
    const m = re.exec(word);
    if (m === null || m[0].length === 0) continue;
    const end = s + m[0].length;
    out.push(`${s + 1}-${end}`);
    from = skip.kind === 'past-last-row' ? end : s + 1;
  }
  return out;
}

function streamed(pattern: PatternNode, word: string, skip: SkipStrategy, rand: (n: number) => number): string[] {
  const make = (): MatchRecognizeOperator => new MatchRecognizeOperator({
    partition: () => [], time: (r) => r[0] as number, pattern, skip,
    define: { A: (c) => c.row[1] === 'a', B: (c) => c.row[1] === 'b', C: (c) => c.row[1] === 'c' },
    measures: (m) => [`${m.first()?.[0] as number}-${m.last()?.[0] as number}`],
  });
  const lines: string[] = [];
  let wm = 0;
  [...word].forEach((c, i) => {
    lines.push(`L +I[${i + 1}, '${c}']`);
    if (rand(3) === 0) { wm = i + 1 - rand(2); lines.push(wm > 0 ? `WM ${wm}` : '---'); }
  });
  lines.push('END');
  const out = runJoinScript(make, lines.join('\n'), { inputs: 1, recover: rand(2) === 0 });
  return out.split('\n').filter((l) => l.startsWith('>')).map((l) => (/'(\d+-\d+)'/.exec(l) ?? [])[1] ?? l);
}

for (const skip of [{ kind: 'past-last-row' }, { kind: 'to-next-row' }] as const) {
  test(`MATCH_RECOGNIZE finds what a backtracking regex finds (AFTER MATCH SKIP ${skip.kind})`, () => {
    for (let seed = 1; seed <= 500; seed++) {
      const rand = prng(seed * 104729);
      // A mandatory last variable keeps every match non-empty (as in Flink, no greedy quantifier last).
      const pattern: PatternNode = { kind: 'concat', items: [randomPattern(rand, 3), { kind: 'var', name: VARS[rand(3)] ?? 'A' }] };
      const word = Array.from({ length: 4 + rand(10) }, () => 'abc'[rand(3)] ?? 'a').join('');
      assert.deepEqual(streamed(pattern, word, skip, rand), oracle(pattern, word, skip), `seed ${seed}: /${toRegex(pattern)}/ over '${word}'`);
    }
  });
}
