import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseStatement } from './parse.js';
import { parseError } from './parser-test-support.js';

/** [sql, line, column, encountered, expected tokens (all of them, in order)]. */
const CASES: readonly (readonly [string, number, number, string, readonly string[]])[] = [
  ['SELECT a FROM t GROUP a', 1, 23, 'a', ['"BY"']],
  ['SELECT a,\nFROM t', 2, 1, 'FROM', ['<IDENTIFIER>', '<LITERAL>', '"("', '"CASE"', '"CAST"', '"NOT"']],
  ['SELECT a FROM t WHERE', 1, 22, '<EOF>', ['<IDENTIFIER>', '<LITERAL>', '"("', '"CASE"', '"CAST"', '"NOT"']],
  ['SELEC a FROM t', 1, 1, 'SELEC', ['"SELECT"', '"INSERT"', '"CREATE"', '"ALTER"', '"DROP"', '"SET"', '"SHOW"', '"DESCRIBE"', '"EXPLAIN"', '"USE"', '"EXECUTE"']],
  ['CREATE TABLE t (a INT,)', 1, 23, ')', ['<IDENTIFIER>']],
  ["CREATE TABLE t (a INT) WITH ('k' 'v')", 1, 34, "'v'", ['"="']],
  ['CREATE TABLE t (a INT)\nDISTRIBUTED INTO BUCKETS', 2, 18, 'BUCKETS', ['<UNSIGNED_INTEGER_LITERAL>']],
  ['SELECT a FROM t JOIN u', 1, 23, '<EOF>', ['"AS"', '<IDENTIFIER>', '"USING"', '"ON"']],
  ['INSERT t SELECT 1', 1, 8, 't', ['"OVERWRITE"', '"INTO"']],
  ['EXECUTE STATEMENT SET BEGIN SELECT 1; END', 1, 29, 'SELECT', ['"END"', '"INSERT"']],
  ['SELECT a FROM t WHERE a IN 1', 1, 28, '1', ['"("']],
  ['SELECT CASE END', 1, 13, 'END', ['"WHEN"', '<IDENTIFIER>', '<LITERAL>', '"("', '"CASE"', '"CAST"', '"NOT"']],
  ['SELECT (1, 2', 1, 13, '<EOF>', ['","', '")"']],
  ['SELECT a FROM t ORDER a', 1, 23, 'a', ['"BY"']],
  ['CREATE TABLE t (\n  id INT,\n  value INT,\n  timestamp TIMESTAMP(3)\n)', 4, 3, 'timestamp', ['<IDENTIFIER>']],
  ["SELECT * FROM t MATCH_RECOGNIZE (PATTERN (A) DEFINE)", 1, 52, ')', ['<IDENTIFIER>']],
  ["SELECT /*+ OPTIONS('a' 'b') */ 1", 1, 24, "'b'", ['"="', '","', '")"']],
  ["ALTER TABLE t MODIFY WATERMARK FOR ts ts", 1, 39, 'ts', ['"AS"']],
  ['SELECT * FROM TABLE(TUMBLE(TABLE t, DESCRIPTOR(), INTERVAL \'1\' MINUTE))', 1, 48, ')', ['<IDENTIFIER>']],
  ["SELECT INTERVAL '1' FORTNIGHT", 1, 21, 'FORTNIGHT', ['"YEAR"', '"MONTH"', '"DAY"', '"HOUR"', '"MINUTE"', '"SECOND"']],
];

describe('syntax errors', () => {
  for (const [sql, line, column, token, expected] of CASES) {
    it(`reports ${JSON.stringify(sql)} at ${line}:${column}`, () => {
      const r = parseStatement(sql, { file: 'query.sql' });
      assert.equal(r.value, undefined);
      const d = r.diagnostics[0];
      assert.equal(d?.code, 'sql-parse');
      assert.equal(d?.severity, 'error');
      assert.deepEqual(d?.range?.start, { line, column });
      assert.equal(d?.range?.file, 'query.sql');
      const head = `SQL parse failed. Encountered "${token}" at line ${line}, column ${column}.`;
      const body = expected.length === 1
        ? `\nWas expecting:\n    ${expected[0]} ...`
        : `\nWas expecting one of:\n${expected.map((e) => (e === '<EOF>' ? `    ${e}` : `    ${e} ...`)).join('\n')}`;
      assert.equal(d?.summary, head + body);
    });
  }

  it('lists the clause keywords that may follow a select list', () => {
    const msg = parseError('SELECT * FORM t');
    assert.ok(msg.endsWith('\n    ";" ...\n    <EOF>'), msg);
    assert.match(msg, /^SQL parse failed\. Encountered "FORM" at line 1, column 10\.\nWas expecting one of:\n/);
    for (const kw of ['FROM', 'WHERE', 'GROUP', 'UNION', 'ORDER', 'LIMIT']) assert.ok(msg.includes(`"${kw}" ...`), kw);
  });

  it('reports lexical errors with their position', () => {
    assert.equal(parseError("SELECT 'abc"), 'SQL parse failed. Lexical error at line 1, column 8. Encountered: <EOF> inside a string literal');
    assert.match(parseError('SELECT "a" FROM t'), /^SQL parse failed\. Lexical error at line 1, column 8\. .*backquotes/);
    assert.match(parseError('SELECT 1 /* open'), /Lexical error at line 1, column 10/);
    assert.match(parseError("SELECT X'ABC'"), /Lexical error at line 1, column 8.*even number/);
    assert.match(parseError('SELECT\n  #'), /Lexical error at line 2, column 3/);
  });

  it('rejects a string literal continued on the same line', () => {
    assert.equal(parseError("SELECT 'a' 'b'"), 'SQL parse failed. String literal continued on same line (at line 1, column 12).');
  });

  it('turns absurd nesting into a syntax error instead of a stack overflow', () => {
    for (const sql of [`SELECT ${'('.repeat(5000)}1${')'.repeat(5000)}`, `SELECT ${'-'.repeat(1)}${' -'.repeat(5000)} 1`,
      `SELECT ${'NOT '.repeat(5000)}TRUE`, `SELECT CAST(x AS ${'ARRAY<'.repeat(3000)}INT${'>'.repeat(3000)})`,
      `SELECT * FROM ${'('.repeat(3000)}t${')'.repeat(3000)}`, `${'SELECT * FROM ('.repeat(2000)}SELECT 1${')'.repeat(2000)}`]) {
      assert.match(parseError(sql), /nested too deeply/);
    }
    assert.equal(parseStatement(`SELECT ${'('.repeat(50)}1${')'.repeat(50)}`).diagnostics.length, 0);
  });

  it('reports an empty statement', () => {
    assert.match(parseError(''), /^SQL parse failed\. Encountered "<EOF>" at line 1, column 1\./);
  });

  it('never throws on arbitrary prefixes of valid statements', () => {
    const sql = `SELECT /*+ STATE_TTL('o'='1h') */ o.id, CAST(o.price AS DECIMAL(10, 2)), COUNT(*) FILTER (WHERE x > 1)
      FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(\`$rowtime\`), INTERVAL '1' MINUTE)) o
      JOIN c FOR SYSTEM_TIME AS OF o.\`$rowtime\` ON o.k = c.k
      WHERE o.a BETWEEN 1 AND 2 AND o.s LIKE 'x%' GROUP BY o.id, window_start ORDER BY 1 LIMIT 3`;
    for (let n = 0; n <= sql.length; n++) {
      const r = parseStatement(sql.slice(0, n));
      assert.ok(r.value !== undefined || r.diagnostics.length === 1, `prefix ${n}`);
    }
  });
});
