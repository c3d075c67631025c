import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { MatchRecognize, Query, Select, TableRef } from './ast.js';
import { withoutRanges } from './ast-compare.js';
import { parseOk } from './parser-test-support.js';
import { printQuery } from './printer.js';

function query(sql: string): Query {
  const s = parseOk(sql);
  assert.equal(s.kind, 'QueryStatement');
  if (s.kind !== 'QueryStatement') throw new Error('unreachable');
  return s.query;
}

function select(sql: string): Select {
  const q = query(sql);
  assert.equal(q.body.kind, 'Select');
  return q.body as Select;
}

function from(sql: string): TableRef {
  const f = select(sql).from;
  assert.ok(f);
  return f;
}

/** Shape of a FROM clause: joins as `(left TYPE right)`, leaves by kind and name. */
function shape(t: TableRef): string {
  switch (t.kind) {
    case 'Join': return `(${shape(t.left)} ${t.type} ${shape(t.right)})`;
    case 'TableName': return t.name.join('.') + (t.alias ? `:${t.alias.name}` : '');
    case 'MatchRecognize': return `MR[${shape(t.input)}]`;
    default: return t.kind + (t.alias ? `:${t.alias.name}` : '');
  }
}

describe('SELECT', () => {
  const cases = [
    'SELECT 1',
    'SELECT DISTINCT a, b FROM t',
    'SELECT ALL a FROM t',
    'SELECT t.*, u.x AS ux FROM t, u',
    'SELECT a AS `Total Sum`, b c FROM t',
    'SELECT * FROM t WHERE a > 1 GROUP BY a HAVING COUNT(*) > 2',
    'SELECT a, SUM(b) FROM t GROUP BY GROUPING SETS ((a, b), a, ())',
    'SELECT a, b, SUM(c) FROM t GROUP BY ROLLUP (a, b)',
    'SELECT a, b, SUM(c) FROM t GROUP BY CUBE (a, b)',
    "SELECT user_id, COUNT(*) FROM clicks GROUP BY user_id, TUMBLE(ts, INTERVAL '1' HOUR)",
    'SELECT SUM(x) OVER w, MAX(x) OVER w FROM t WINDOW w AS (PARTITION BY k ORDER BY ts ROWS BETWEEN 10 PRECEDING AND CURRENT ROW)',
    'SELECT a FROM t ORDER BY a DESC NULLS LAST, b LIMIT 10',
    'SELECT a FROM t ORDER BY a OFFSET 5 ROWS FETCH FIRST 10 ROWS ONLY',
    'SELECT a FROM t LIMIT 3 OFFSET 2',
    'SELECT a FROM t FETCH NEXT 1 ROW ONLY',
    'WITH a AS (SELECT 1 AS x), b (y) AS (SELECT x FROM a) SELECT * FROM b',
    'VALUES (1, \'a\'), (2, \'b\')',
    'SELECT * FROM (VALUES (1, 2), (3, 4)) AS t (a, b)',
    'SELECT a FROM t WHERE a IN (SELECT b FROM u) AND EXISTS (SELECT 1 FROM v WHERE v.k = t.k)',
    'SELECT (SELECT MAX(b) FROM u) AS m FROM t',
    'SELECT /*+ STATE_TTL(\'o\' = \'6h\', \'c\' = \'2d\') */ * FROM o JOIN c ON o.id = c.id',
    'SELECT /*+ BROADCAST(dim), SHUFFLE_HASH(t) */ * FROM t JOIN dim ON t.k = dim.k',
    "SELECT * FROM orders /*+ OPTIONS('scan.startup.mode'='latest-offset') */ o",
    'SELECT * FROM t1 CROSS JOIN t2',
    'SELECT * FROM t1 LEFT OUTER JOIN t2 USING (k, j)',
    'SELECT * FROM t1 FULL JOIN t2 ON t1.a = t2.a RIGHT JOIN t3 ON t3.b = t2.b',
    'SELECT * FROM t1 JOIN (t2 JOIN t3 ON t2.a = t3.a) ON t1.a = t2.a',
    'SELECT * FROM orders CROSS JOIN UNNEST(tags) AS t (tag)',
    'SELECT * FROM orders CROSS JOIN UNNEST(items) WITH ORDINALITY AS i (item, pos)',
    'SELECT * FROM t, LATERAL TABLE(split(t.s)) AS x (word, len)',
    'SELECT * FROM t LEFT JOIN LATERAL TABLE(split(t.s)) AS x (w) ON TRUE',
    'SELECT * FROM t, LATERAL (SELECT * FROM u WHERE u.k = t.k) AS z',
    "SELECT * FROM TABLE(TUMBLE(DATA => TABLE bid, TIMECOL => DESCRIPTOR(ts), SIZE => INTERVAL '10' MINUTES))",
    "SELECT * FROM TABLE(TUMBLE(TABLE bid, DESCRIPTOR(ts), INTERVAL '10' MINUTES, INTERVAL '1' MINUTES))",
    "SELECT * FROM TABLE(SESSION(TABLE bid PARTITION BY (bidder, auction), DESCRIPTOR(ts), INTERVAL '5' MINUTES))",
    "SELECT * FROM cat.db.orders FOR SYSTEM_TIME AS OF TIMESTAMP '2024-01-01 00:00:00' AS o",
    "SELECT o.id, r.rate FROM orders AS o JOIN rates FOR SYSTEM_TIME AS OF o.`$rowtime` AS r ON o.cur = r.cur",
    'SELECT a FROM t UNION SELECT a FROM u',
    'SELECT a FROM t UNION ALL SELECT a FROM u EXCEPT SELECT a FROM v',
    'SELECT a FROM t INTERSECT ALL SELECT a FROM u',
    '(SELECT a FROM t) UNION (SELECT a FROM u) ORDER BY a',
    'SELECT a FROM t UNION (SELECT a FROM u UNION SELECT a FROM v)',
    'SELECT * FROM ((SELECT 1 AS a) AS x JOIN t ON x.a = t.a)',
    'SELECT * FROM ((SELECT 1 AS a) UNION ALL (SELECT 2 AS a)) AS u',
    'SELECT CAST(`$rowtime` AS STRING) AS ts, `key`, `value` FROM `my topic`',
  ];
  for (const sql of cases) {
    it(`parses ${sql}`, () => {
      query(sql);
    });
  }

  it('makes INTERSECT bind tighter than UNION and EXCEPT', () => {
    const q = query('SELECT 1 UNION SELECT 2 INTERSECT SELECT 3 EXCEPT SELECT 4');
    const b = q.body;
    assert.ok(b.kind === 'SetOperation' && b.op === 'EXCEPT');
    assert.ok(b.left.kind === 'SetOperation' && b.left.op === 'UNION');
    assert.ok(b.left.right.kind === 'SetOperation' && b.left.right.op === 'INTERSECT');
  });

  it('associates joins to the left, comma joins included', () => {
    assert.equal(shape(from('SELECT * FROM a, b JOIN c ON a.x = c.x LEFT JOIN d ON d.y = c.y')), '(((a COMMA b) INNER c) LEFT d)');
    assert.equal(shape(from('SELECT * FROM a x JOIN (b JOIN c ON b.k = c.k) ON x.k = b.k')), '(a:x INNER (b INNER c))');
  });

  it('reads a table alias with column aliases', () => {
    const f = from('SELECT * FROM t AS x (a, b)');
    assert.deepEqual(withoutRanges(f.kind === 'TableName' ? f.alias : undefined), { name: 'x', columns: ['a', 'b'] });
  });

  it('reads window TVF arguments: table, descriptor, named arguments', () => {
    const f = from("SELECT * FROM TABLE(HOP(DATA => TABLE bid, TIMECOL => DESCRIPTOR(`$rowtime`), SLIDE => INTERVAL '1' MINUTE, SIZE => INTERVAL '5' MINUTES))");
    assert.ok(f.kind === 'TableFunction');
    assert.deepEqual(f.call.name, ['HOP']);
    assert.deepEqual(f.call.args.map((a) => (a.kind === 'NamedArgument' ? `${a.name}:${a.value.kind}` : a.kind)),
      ['DATA:TableArgument', 'TIMECOL:Descriptor', 'SLIDE:IntervalLiteral', 'SIZE:IntervalLiteral']);
  });

  it('reads table hints as options', () => {
    const f = from("SELECT * FROM orders /*+ OPTIONS('scan.startup.mode'='latest-offset', 'scan.bounded.mode'='latest-offset') */");
    assert.deepEqual(withoutRanges(f.kind === 'TableName' ? f.hints[0]?.options : undefined), [
      { key: 'scan.startup.mode', value: 'latest-offset' }, { key: 'scan.bounded.mode', value: 'latest-offset' }]);
  });

  it('prints a query canonically', () => {
    assert.equal(printQuery(query('select a,b from t where a>1 order by b desc limit 5')), 'SELECT a, b\nFROM t\nWHERE a > 1\nORDER BY b DESC\nLIMIT 5');
  });
});

describe('MATCH_RECOGNIZE', () => {
  function mr(pattern: string, extra = ''): MatchRecognize {
    const f = from(`SELECT * FROM ticker MATCH_RECOGNIZE (
      PARTITION BY symbol ORDER BY \`$rowtime\`
      MEASURES A.price AS a_price, LAST(B.price) AS b_price
      ${extra}
      PATTERN (${pattern})
      DEFINE A AS A.price > 10, B AS B.price < PREV(B.price), C AS C.price > 1
    ) AS T`);
    assert.equal(f.kind, 'MatchRecognize');
    return f as MatchRecognize;
  }
  const patterns: readonly (readonly [string, string])[] = [
    ['A B C', 'A B C'],
    ['A+ B', 'A+ B'],
    ['A* B? C+?', 'A* B? C+?'],
    ['A{2} B{2,} C{1,3}', 'A{2} B{2,} C{1,3}'],
    ['A{,3}', 'A{0,3}'],
    ['A{0,} B{1,} C{0,1}', 'A* B+ C?'],
    ['A B*? C??', 'A B*? C??'],
    ['(A | B) C', '(A | B) C'],
    ['A | B C', 'A | B C'],
    ['(A B)+ C', '(A B)+ C'],
    ['((A))', 'A'],
  ];
  for (const [input, printed] of patterns) {
    it(`parses PATTERN (${input})`, () => {
      const m = mr(input);
      const text = printQuery({ kind: 'Query', range: m.range, body: { kind: 'Select', range: m.range, distinct: false, hints: [], items: [], from: m } });
      assert.match(text, new RegExp(`PATTERN \\(${printed.replace(/[()*+?{}|]/g, '\\$&')}\\)`));
    });
  }

  it('reads rows per match, AFTER MATCH SKIP and WITHIN', () => {
    const skips = ['PAST LAST ROW', 'TO NEXT ROW', 'TO FIRST B', 'TO LAST B', 'TO B'];
    for (const skip of skips) {
      const m = mr('A B', `ALL ROWS PER MATCH AFTER MATCH SKIP ${skip}`);
      assert.equal(m.rowsPerMatch, 'ALL ROWS PER MATCH');
      assert.equal(`${m.afterMatch?.kind}${m.afterMatch?.variable ? ` ${m.afterMatch.variable}` : ''}`, skip);
    }
    const w = from(`SELECT * FROM t MATCH_RECOGNIZE (ORDER BY ts MEASURES A.x AS x ONE ROW PER MATCH
      PATTERN (A B) WITHIN INTERVAL '1' HOUR DEFINE A AS A.x > 0)`);
    assert.ok(w.kind === 'MatchRecognize' && w.within?.kind === 'IntervalLiteral' && w.rowsPerMatch === 'ONE ROW PER MATCH');
  });

  it('keeps quantifier bounds and reluctance', () => {
    const p = mr('A{2,5}? B').pattern;
    assert.ok(p.kind === 'PatternSeq');
    const q = p.items[0];
    assert.ok(q?.kind === 'PatternQuantified' && q.min === 2 && q.max === 5 && q.reluctant);
  });
});
