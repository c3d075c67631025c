import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { BinaryOp, Expr, Range } from './ast.js';
import { withoutRanges } from './ast-compare.js';
import { lex } from './lexer.js';
import { parseExpression, parseStatement } from './parse.js';
import { printExpression, printStatement } from './printer.js';

/** A small deterministic generator (xorshift32) so failures reproduce. */
function rng(seed: number): { int(n: number): number; pick<T>(xs: readonly T[]): T } {
  let s = seed >>> 0 || 1;
  const next = (): number => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s; };
  return {
    int: (n) => next() % n,
    pick: <T>(xs: readonly T[]): T => {
      const x = xs[next() % xs.length];
      if (x === undefined) throw new Error('empty choice');
      return x;
    },
  };
}

const R: Range = { start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } };
const OPS: readonly BinaryOp[] = ['OR', 'AND', '=', '<>', '<', '<=', '>', '>=', '+', '-', '*', '/', '%', '||'];

/** Random expression trees in canonical form (what the parser itself would build). */
function genExpr(r: ReturnType<typeof rng>, depth: number): Expr {
  if (depth <= 0 || r.int(4) === 0) {
    switch (r.int(6)) {
      case 0: return { kind: 'NumericLiteral', range: R, text: r.pick(['0', '1', '42', '2.5', '1e3']) };
      case 1: return { kind: 'StringLiteral', range: R, value: r.pick(['', 'a', "it's", 'x y']) };
      case 2: return { kind: 'BooleanLiteral', range: R, value: r.pick(['TRUE', 'FALSE'] as const) };
      case 3: return { kind: 'NullLiteral', range: R };
      case 4: return { kind: 'IntervalLiteral', range: R, value: '5', qualifier: { start: r.pick(['SECOND', 'MINUTE', 'HOUR'] as const) } };
      default: return { kind: 'Identifier', range: R, names: r.pick([['a'], ['t', 'b'], ['$rowtime'], ['Mixed Case']]) };
    }
  }
  const sub = (): Expr => genExpr(r, depth - 1);
  switch (r.int(13)) {
    case 0: case 1: case 2: return { kind: 'Binary', range: R, op: r.pick(OPS), left: sub(), right: sub() };
    case 3: return { kind: 'Unary', range: R, op: r.pick(['-', '+', 'NOT'] as const), operand: sub() };
    case 4: return { kind: 'Is', range: R, expr: sub(), negated: r.int(2) === 0, test: r.pick(['NULL', 'TRUE', 'FALSE', 'UNKNOWN', 'JSON OBJECT'] as const) };
    case 5: return { kind: 'Between', range: R, expr: sub(), low: sub(), high: sub(), negated: r.int(2) === 0, symmetric: r.int(2) === 0 };
    case 6: return { kind: 'InList', range: R, expr: sub(), list: [sub(), sub()], negated: r.int(2) === 0 };
    case 7: return { kind: 'Like', range: R, op: r.pick(['LIKE', 'SIMILAR TO'] as const), expr: sub(), pattern: sub(), negated: r.int(2) === 0 };
    case 8: return { kind: 'Case', range: R, whens: [{ when: sub(), then: sub() }], else: sub() };
    case 9: return { kind: 'FunctionCall', range: R, name: [r.pick(['f', 'my_fn', 'COALESCE'])], args: [sub(), sub()] };
    case 10: return { kind: 'ElementAccess', range: R, target: sub(), index: sub() };
    case 11: return { kind: 'IsDistinctFrom', range: R, left: sub(), right: sub(), negated: r.int(2) === 0 };
    default: return { kind: 'RowConstructor', range: R, fields: [sub(), sub()], explicit: r.int(2) === 0 };
  }
}

const CORPUS = [
  "SELECT a, COUNT(*) AS n FROM t JOIN u ON t.k = u.k WHERE a BETWEEN 1 AND 2 GROUP BY a HAVING COUNT(*) > 1 ORDER BY n DESC LIMIT 5",
  "SELECT window_start, SUM(price) FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(`$rowtime`), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end",
  "CREATE TABLE t (id INT NOT NULL, ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp', WATERMARK FOR ts AS ts - INTERVAL '5' SECOND, PRIMARY KEY (id) NOT ENFORCED) DISTRIBUTED BY HASH(id) INTO 3 BUCKETS WITH ('changelog.mode' = 'upsert')",
  "INSERT INTO s SELECT /*+ STATE_TTL('a'='1h') */ CASE WHEN x > 0 THEN 'p' ELSE 'n' END, CAST(y AS STRING) FROM a LEFT JOIN b ON a.k = b.k",
  "SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY `$rowtime` DESC) AS rn FROM t) WHERE rn = 1 UNION ALL SELECT * FROM u",
  "SELECT * FROM t MATCH_RECOGNIZE (PARTITION BY k ORDER BY ts MEASURES A.x AS ax PATTERN (A+ B?) DEFINE A AS A.x > 1, B AS B.x < 0) AS m",
  "ALTER TABLE t ADD (c INT COMMENT 'x', d AS c + 1)",
];

describe('round trip (property)', () => {
  it('prints random expression trees so that they parse back to the same tree', () => {
    const r = rng(20261124);
    for (let i = 0; i < 1500; i++) {
      const e = genExpr(r, 4);
      const text = printExpression(e);
      const back = parseExpression(text);
      assert.deepEqual(back.diagnostics.map((d) => d.summary), [], text);
      assert.deepEqual(withoutRanges(back.value), withoutRanges(e), text);
    }
  });

  it('never throws on mutated statements, and whatever parses round-trips', () => {
    const r = rng(7);
    let parsed = 0;
    for (const sql of CORPUS) {
      const tokens = lex(sql).tokens.filter((t) => t.kind !== 'eof').map((t) => t.text);
      for (let i = 0; i < 150; i++) {
        const ts = [...tokens];
        const at = r.int(ts.length);
        const mutation = r.int(3);
        if (mutation === 0) ts.splice(at, 1);
        else if (mutation === 1) ts.splice(at, 0, ts[r.int(ts.length)] ?? '');
        else { const j = r.int(ts.length); const x = ts[at] ?? ''; ts[at] = ts[j] ?? ''; ts[j] = x; }
        const text = ts.join(' ');
        const res = parseStatement(text);
        if (!res.value) { assert.equal(res.diagnostics.length, 1, text); continue; }
        parsed++;
        const printed = printStatement(res.value);
        const again = parseStatement(printed);
        assert.deepEqual(withoutRanges(again.value), withoutRanges(res.value), `${text}\n=>\n${printed}`);
      }
    }
    assert.ok(parsed > 50, `only ${parsed} mutants parsed`);
  });
});
