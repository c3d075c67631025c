import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Expr } from './ast.js';
import { exprOk } from './parser-test-support.js';
import { printExpression } from './printer.js';
import { parseExpression } from './parse.js';

/** [input, canonical print]: the canonical form shows how the parser grouped the expression. */
const CASES: readonly (readonly [string, string])[] = [
  // literals
  ['42', '42'],
  ['3.14', '3.14'],
  ['1.5e10', '1.5e10'],
  ['.5', '.5'],
  ["'it''s'", "'it''s'"],
  ["U&'\\263A'", "'\u263A'"],
  ["'abc'\n  'def'", "'abcdef'"],
  ["X'0a1B'", "X'0A1B'"],
  ['TRUE', 'TRUE'],
  ['false', 'FALSE'],
  ['NULL', 'NULL'],
  ['UNKNOWN', 'UNKNOWN'],
  ["DATE '2024-01-01'", "DATE '2024-01-01'"],
  ["TIME '12:00:00'", "TIME '12:00:00'"],
  ["TIMESTAMP '2024-01-01 00:00:00.000'", "TIMESTAMP '2024-01-01 00:00:00.000'"],
  ["TIMESTAMP_LTZ '2024-01-01 00:00:00'", "TIMESTAMP_LTZ '2024-01-01 00:00:00'"],
  ["INTERVAL '1' DAY", "INTERVAL '1' DAY"],
  ["INTERVAL '10' MINUTES", "INTERVAL '10' MINUTE"],
  ["INTERVAL '1 02:03' DAY TO MINUTE", "INTERVAL '1 02:03' DAY TO MINUTE"],
  ["INTERVAL '1' HOUR(3)", "INTERVAL '1' HOUR(3)"],
  ["INTERVAL '1.5' SECOND", "INTERVAL '1.5' SECOND"],
  // names
  ['col', 'col'],
  ['Col_Name', 'Col_Name'],
  ['t.col', 't.col'],
  ['cat.db.t.col', 'cat.db.t.col'],
  ['`$rowtime`', '`$rowtime`'],
  ['$rowtime', '`$rowtime`'],
  ['`weird name`', '`weird name`'],
  ['`back``tick`', '`back``tick`'],
  ['`select`', '`select`'],
  ['`user`', '`user`'],
  // arithmetic and precedence
  ['a + b * c', 'a + b * c'],
  ['(a + b) * c', '(a + b) * c'],
  ['a - (b - c)', 'a - (b - c)'],
  ['a - b - c', 'a - b - c'],
  ['a % 2', 'a % 2'],
  ["'a' || b || 'c'", "'a' || b || 'c'"],
  ['-a', '-a'],
  ['- -a', '- -a'],
  ['-(a + b)', '-(a + b)'],
  ['+1', '+1'],
  ['a = 1 AND b = 2 OR c = 3', 'a = 1 AND b = 2 OR c = 3'],
  ['a = 1 AND (b = 2 OR c = 3)', 'a = 1 AND (b = 2 OR c = 3)'],
  ['NOT a = 1', 'NOT a = 1'],
  ['NOT (a AND b)', 'NOT (a AND b)'],
  ['a <> b', 'a <> b'],
  ['a != b', 'a <> b'],
  ['a <= b AND a >= c AND a < d AND a > e', 'a <= b AND a >= c AND a < d AND a > e'],
  // predicates
  ['a IS NULL', 'a IS NULL'],
  ['a IS NOT NULL', 'a IS NOT NULL'],
  ['a IS TRUE OR b IS NOT FALSE OR c IS UNKNOWN', 'a IS TRUE OR b IS NOT FALSE OR c IS UNKNOWN'],
  ['a IS DISTINCT FROM b', 'a IS DISTINCT FROM b'],
  ['a IS NOT DISTINCT FROM b + 1', 'a IS NOT DISTINCT FROM b + 1'],
  ['x BETWEEN 1 AND 10', 'x BETWEEN 1 AND 10'],
  ['x NOT BETWEEN SYMMETRIC 10 AND 1', 'x NOT BETWEEN SYMMETRIC 10 AND 1'],
  ['x BETWEEN ASYMMETRIC 1 AND 2 AND y', 'x BETWEEN 1 AND 2 AND y'],
  ["a IN (1, 2, 3)", 'a IN (1, 2, 3)'],
  ["a NOT IN ('x')", "a NOT IN ('x')"],
  ['a IN (SELECT id FROM t)', 'a IN (SELECT id\nFROM t)'],
  ['EXISTS (SELECT 1 FROM t WHERE t.a = b)', 'EXISTS (SELECT 1\nFROM t\nWHERE t.a = b)'],
  ['(SELECT MAX(x) FROM t)', '(SELECT MAX(x)\nFROM t)'],
  ['((SELECT 1) + 1) * 2', '((SELECT 1) + 1) * 2'],
  ['((SELECT 1) UNION (SELECT 2))', '((SELECT 1)\nUNION\n(SELECT 2))'],
  ["name LIKE 'a%'", "name LIKE 'a%'"],
  ["name NOT LIKE 'a!%' ESCAPE '!'", "name NOT LIKE 'a!%' ESCAPE '!'"],
  ["name SIMILAR TO '[a-z]+'", "name SIMILAR TO '[a-z]+'"],
  ["name NOT SIMILAR TO 'x'", "name NOT SIMILAR TO 'x'"],
  ["s IS JSON", 's IS JSON'],
  ["s IS NOT JSON OBJECT", 's IS NOT JSON OBJECT'],
  ["s IS JSON ARRAY", 's IS JSON ARRAY'],
  // functions
  ['COUNT(*)', 'COUNT(*)'],
  ['count(DISTINCT user_id)', 'count(DISTINCT user_id)'],
  ['SUM(ALL x)', 'SUM(ALL x)'],
  ['COUNT(*) FILTER (WHERE price > 10)', 'COUNT(*) FILTER (WHERE price > 10)'],
  ['ARRAY_AGG(x IGNORE NULLS)', 'ARRAY_AGG(x IGNORE NULLS)'],
  ['LAST_VALUE(x) RESPECT NULLS', 'LAST_VALUE(x RESPECT NULLS)'],
  ['ROW_NUMBER() OVER (PARTITION BY a ORDER BY `$rowtime` DESC)', 'ROW_NUMBER() OVER (PARTITION BY a ORDER BY `$rowtime` DESC)'],
  ['SUM(x) OVER (PARTITION BY k ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)', 'SUM(x) OVER (PARTITION BY k ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)'],
  ["AVG(x) OVER (ORDER BY ts RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW)", "AVG(x) OVER (ORDER BY ts RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW)"],
  ['SUM(x) OVER (ORDER BY ts ROWS UNBOUNDED PRECEDING)', 'SUM(x) OVER (ORDER BY ts ROWS UNBOUNDED PRECEDING)'],
  ['MAX(x) OVER w', 'MAX(x) OVER w'],
  ['RANK() OVER (ORDER BY a ASC NULLS LAST, b DESC NULLS FIRST)', 'RANK() OVER (ORDER BY a ASC NULLS LAST, b DESC NULLS FIRST)'],
  ['PROCTIME()', 'PROCTIME()'],
  ['CURRENT_TIMESTAMP', 'CURRENT_TIMESTAMP'],
  ['CURRENT_DATE + 1', 'CURRENT_DATE + 1'],
  ['LOCALTIMESTAMP', 'LOCALTIMESTAMP'],
  ['CURRENT_WATERMARK(`$rowtime`)', 'CURRENT_WATERMARK(`$rowtime`)'],
  ['SOURCE_WATERMARK()', 'SOURCE_WATERMARK()'],
  ['LEFT(s, 2)', 'LEFT(s, 2)'],
  ['RIGHT(s, 2)', 'RIGHT(s, 2)'],
  ["IF(a > 1, 'x', 'y')", "IF(a > 1, 'x', 'y')"],
  ['cat.db.my_udf(a)', 'cat.db.my_udf(a)'],
  ['`my-udf`(a)', '`my-udf`(a)'],
  // special syntaxes
  ['CAST(x AS BIGINT)', 'CAST(x AS BIGINT)'],
  ['TRY_CAST(s AS INT NOT NULL)', 'TRY_CAST(s AS INT NOT NULL)'],
  ['CAST(ts AS TIMESTAMP(3) WITH LOCAL TIME ZONE)', 'CAST(ts AS TIMESTAMP_LTZ(3))'],
  ['EXTRACT(YEAR FROM d)', 'EXTRACT(YEAR FROM d)'],
  ["POSITION('b' IN s)", "POSITION('b' IN s)"],
  ['TRIM(s)', 'TRIM(BOTH FROM s)'],
  ["TRIM(LEADING 'x' FROM s)", "TRIM(LEADING 'x' FROM s)"],
  ["TRIM(' ' FROM s)", "TRIM(BOTH ' ' FROM s)"],
  ['TRIM(TRAILING FROM s)', 'TRIM(TRAILING FROM s)'],
  ['SUBSTRING(s FROM 2 FOR 3)', 'SUBSTRING(s, 2, 3)'],
  ['SUBSTRING(s, 2)', 'SUBSTRING(s, 2)'],
  ["OVERLAY(s PLACING 'xx' FROM 2 FOR 1)", "OVERLAY(s PLACING 'xx' FROM 2 FOR 1)"],
  ['CEIL(ts TO HOUR)', 'CEIL(ts TO HOUR)'],
  ['FLOOR(x)', 'FLOOR(x)'],
  ['FLOOR(ts TO DAY)', 'FLOOR(ts TO DAY)'],
  ['TIMESTAMPADD(DAY, 1, ts)', 'TIMESTAMPADD(DAY, 1, ts)'],
  ['TIMESTAMPDIFF(SECOND, a, b)', 'TIMESTAMPDIFF(SECOND, a, b)'],
  ["JSON_VALUE(j, '$.a' RETURNING INT DEFAULT 0 ON EMPTY NULL ON ERROR)", "JSON_VALUE(j, '$.a' RETURNING INT DEFAULT 0 ON EMPTY NULL ON ERROR)"],
  ["JSON_QUERY(j, '$.a' WITH CONDITIONAL ARRAY WRAPPER EMPTY ARRAY ON EMPTY)", "JSON_QUERY(j, '$.a' WITH CONDITIONAL ARRAY WRAPPER EMPTY ARRAY ON EMPTY)"],
  ["JSON_EXISTS(j, '$.a' FALSE ON ERROR)", "JSON_EXISTS(j, '$.a' FALSE ON ERROR)"],
  ["JSON_OBJECT(KEY 'a' VALUE 1, 'b' VALUE c ABSENT ON NULL)", "JSON_OBJECT(KEY 'a' VALUE 1, KEY 'b' VALUE c ABSENT ON NULL)"],
  ['JSON_OBJECT()', 'JSON_OBJECT()'],
  ['JSON_ARRAY(1, a NULL ON NULL)', 'JSON_ARRAY(1, a NULL ON NULL)'],
  ["JSON_OBJECTAGG(KEY k VALUE v)", 'JSON_OBJECTAGG(KEY k VALUE v)'],
  ['JSON_ARRAYAGG(x ABSENT ON NULL)', 'JSON_ARRAYAGG(x ABSENT ON NULL)'],
  ["LISTAGG(name, ';')", "LISTAGG(name, ';')"],
  // CASE
  ["CASE WHEN a > 1 THEN 'big' ELSE 'small' END", "CASE WHEN a > 1 THEN 'big' ELSE 'small' END"],
  ["CASE status WHEN 1 THEN 'a' WHEN 2 THEN 'b' END", "CASE status WHEN 1 THEN 'a' WHEN 2 THEN 'b' END"],
  ['SUM(CASE WHEN x > 0 THEN 1 ELSE 0 END)', 'SUM(CASE WHEN x > 0 THEN 1 ELSE 0 END)'],
  // constructors and access
  ['ARRAY[1, 2, 3]', 'ARRAY[1, 2, 3]'],
  ["MAP['a', 1, 'b', 2]", "MAP['a', 1, 'b', 2]"],
  ['ROW(a, b)', 'ROW(a, b)'],
  ['(a, b)', '(a, b)'],
  ['arr[1]', 'arr[1]'],
  ["m['k']", "m['k']"],
  ['arr[1].f', 'arr[1].f'],
  ['r.f.g', 'r.f.g'],
  ['f(x).field', 'f(x).field'],
  ['ARRAY[1, 2][1]', 'ARRAY[1, 2][1]'],
  ['`$rowtime` - INTERVAL \'10\' MINUTE', "`$rowtime` - INTERVAL '10' MINUTE"],
];

describe('expressions', () => {
  for (const [sql, canonical] of CASES) {
    it(`parses ${sql.replace(/\n/g, ' ')}`, () => {
      const e = exprOk(sql);
      assert.equal(printExpression(e), canonical);
    });
  }

  it('groups a mixed predicate chain the way Calcite does', () => {
    const e = exprOk('a = 1 OR b IS NULL AND NOT c BETWEEN 1 AND 2');
    assert.equal(e.kind, 'Binary');
    if (e.kind !== 'Binary') return;
    assert.equal(e.op, 'OR');
    assert.equal(e.right.kind, 'Binary');
    if (e.right.kind === 'Binary') {
      assert.equal(e.right.op, 'AND');
      assert.equal(e.right.right.kind, 'Unary');
    }
  });

  it('keeps identifier case and strips backquotes', () => {
    const e = exprOk('`Order`.`Price` + PRICE');
    assert.deepEqual(e.kind === 'Binary' && e.left.kind === 'Identifier' ? e.left.names : [], ['Order', 'Price']);
    assert.deepEqual(e.kind === 'Binary' && e.right.kind === 'Identifier' ? e.right.names : [], ['PRICE']);
  });

  it('gives nodes ranges with line, column and offset', () => {
    const e = exprOk('a +\n  foo(b)');
    assert.equal(e.kind, 'Binary');
    const right = (e as Expr & { right: Expr }).right;
    assert.deepEqual(right.range.start, { line: 2, column: 3, offset: 6 });
    assert.deepEqual(right.range.end, { line: 2, column: 9, offset: 12 });
    assert.deepEqual(e.range.start, { line: 1, column: 1, offset: 0 });
  });

  it('names a time unit argument explicitly', () => {
    const e = exprOk('TIMESTAMPADD(WEEK, 2, d)');
    assert.equal(e.kind === 'FunctionCall' ? e.args[0]?.kind : '', 'TimeUnitArg');
  });

  it('rejects trailing garbage in a lone expression', () => {
    const r = parseExpression('a b');
    assert.equal(r.value, undefined);
    assert.match(r.diagnostics[0]?.summary ?? '', /Encountered "b" at line 1, column 3/);
  });
});
