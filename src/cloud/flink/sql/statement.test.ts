import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Statement } from './ast.js';
import { parseOk } from './parser-test-support.js';
import { MULTIPLE_STATEMENTS_MESSAGE, parseStatement, parseStatements, splitStatements } from './parse.js';
import { printStatement } from './printer.js';

describe('session and metadata statements', () => {
  const cases: readonly (readonly [string, string])[] = [
    ['SET', 'SET'],
    ["SET 'sql.local-time-zone' = 'Europe/Berlin'", "SET 'sql.local-time-zone' = 'Europe/Berlin'"],
    ["set 'sql.state-ttl'='1 h';", "SET 'sql.state-ttl' = '1 h'"],
    ['RESET', 'RESET'],
    ["RESET 'sql.state-ttl'", "RESET 'sql.state-ttl'"],
    ['USE CATALOG env1', 'USE CATALOG env1'],
    ['USE cluster_0', 'USE cluster_0'],
    ['USE `env-1`.`cluster 0`', 'USE `env-1`.`cluster 0`'],
    ['SHOW CATALOGS', 'SHOW CATALOGS'],
    ['SHOW CURRENT CATALOG', 'SHOW CURRENT CATALOG'],
    ['SHOW DATABASES', 'SHOW DATABASES'],
    ['SHOW CURRENT DATABASE', 'SHOW CURRENT DATABASE'],
    ['SHOW TABLES', 'SHOW TABLES'],
    ["SHOW TABLES FROM env.cluster LIKE 'shoe%'", "SHOW TABLES FROM env.cluster LIKE 'shoe%'"],
    ["SHOW TABLES IN cluster NOT LIKE '%tmp'", "SHOW TABLES IN cluster NOT LIKE '%tmp'"],
    ['SHOW VIEWS', 'SHOW VIEWS'],
    ['SHOW FUNCTIONS', 'SHOW FUNCTIONS'],
    ['SHOW USER FUNCTIONS', 'SHOW USER FUNCTIONS'],
    ["SHOW COLUMNS FROM orders LIKE '%id'", "SHOW COLUMNS FROM orders LIKE '%id'"],
    ['SHOW COLUMNS IN cat.db.orders', 'SHOW COLUMNS IN cat.db.orders'],
    ['SHOW JOBS', 'SHOW JOBS'],
    ['SHOW MODELS', 'SHOW MODELS'],
    ['SHOW CONNECTIONS', 'SHOW CONNECTIONS'],
    ['SHOW CREATE TABLE examples.marketplace.clicks', 'SHOW CREATE TABLE examples.marketplace.clicks'],
    ['SHOW CREATE VIEW v', 'SHOW CREATE VIEW v'],
    ['DESCRIBE orders', 'DESCRIBE orders'],
    ['DESC orders', 'DESCRIBE orders'],
    ['DESCRIBE EXTENDED `examples`.`marketplace`.`orders`', 'DESCRIBE EXTENDED examples.marketplace.orders'],
    ['EXPLAIN SELECT * FROM t', 'EXPLAIN\nSELECT *\nFROM t'],
    ['EXPLAIN PLAN FOR SELECT 1', 'EXPLAIN PLAN FOR\nSELECT 1'],
    ['EXPLAIN CHANGELOG_MODE, ESTIMATED_COST INSERT INTO s SELECT * FROM t', 'EXPLAIN CHANGELOG_MODE, ESTIMATED_COST\nINSERT INTO s\nSELECT *\nFROM t'],
    ['EXPLAIN EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1; END', 'EXPLAIN\nEXECUTE STATEMENT SET\nBEGIN\nINSERT INTO a\nSELECT 1;\nEND'],
  ];
  for (const [sql, printed] of cases) {
    it(`parses ${sql}`, () => {
      assert.equal(printStatement(parseOk(sql)), printed);
    });
  }
});

describe('INSERT and STATEMENT SET', () => {
  it('parses INSERT INTO with a column list, target hints and VALUES', () => {
    const s = parseOk("INSERT INTO cat.db.sink /*+ OPTIONS('sink.parallelism'='2') */ (a, b) VALUES (1, 'x'), (2, 'y')");
    assert.ok(s.kind === 'Insert');
    assert.deepEqual(s.target, ['cat', 'db', 'sink']);
    assert.deepEqual(s.columns, ['a', 'b']);
    assert.equal(s.targetHints[0]?.name, 'OPTIONS');
    assert.equal(s.query.body.kind, 'Values');
  });

  it('parses INSERT OVERWRITE and INSERT INTO ... (SELECT ...)', () => {
    const o = parseOk('INSERT OVERWRITE t SELECT * FROM s');
    assert.ok(o.kind === 'Insert' && o.mode === 'OVERWRITE');
    const p = parseOk('INSERT INTO t (SELECT * FROM s)');
    assert.ok(p.kind === 'Insert' && p.columns === undefined);
    const w = parseOk('INSERT INTO t WITH x AS (SELECT 1 AS a) SELECT a FROM x');
    assert.ok(w.kind === 'Insert' && w.query.with?.length === 1);
  });

  it('parses EXECUTE STATEMENT SET with several inserts', () => {
    const s = parseOk('EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT * FROM x; INSERT INTO b SELECT * FROM y; END;');
    assert.ok(s.kind === 'StatementSet');
    assert.deepEqual(s.inserts.map((i) => i.target), [['a'], ['b']]);
  });
});

describe('unsupported statements', () => {
  const cases: readonly (readonly [string, string, string])[] = [
    ["CREATE FUNCTION f AS 'com.example.F' USING JAR 'confluent-artifact://cfa-123'", 'CREATE FUNCTION', 'not-supported-yet'],
    ["CREATE MODEL m INPUT (t STRING) OUTPUT (label STRING) WITH ('provider' = 'openai')", 'CREATE MODEL', 'not-supported-yet'],
    ["CREATE CONNECTION c WITH ('type' = 'openai')", 'CREATE CONNECTION', 'not-supported-yet'],
    ['DROP FUNCTION f', 'DROP FUNCTION', 'not-supported-yet'],
    ['DROP MODEL m', 'DROP MODEL', 'not-supported-yet'],
    ['ALTER MODEL m SET (\'a\' = \'b\')', 'ALTER MODEL', 'not-supported-yet'],
    ['CREATE TEMPORARY TABLE t (a INT)', 'CREATE TEMPORARY', 'not-supported'],
    ['CREATE DATABASE d', 'CREATE DATABASE', 'not-supported'],
    ['ANALYZE TABLE t COMPUTE STATISTICS', 'ANALYZE', 'not-supported'],
    ['DELETE FROM t WHERE a = 1', 'DELETE', 'not-supported'],
    ['UPDATE t SET a = 1', 'UPDATE', 'not-supported'],
    ['TRUNCATE TABLE t', 'TRUNCATE', 'not-supported'],
    ["CALL sys.proc('x')", 'CALL', 'not-supported'],
  ];
  for (const [sql, what, support] of cases) {
    it(`marks ${what} as ${support}`, () => {
      const s = parseOk(sql);
      assert.ok(s.kind === 'Unsupported');
      assert.equal(s.what, what);
      assert.equal(s.support, support);
      assert.equal(s.text, sql);
      assert.deepEqual(s.range.start, { line: 1, column: 1, offset: 0 });
      if (support === 'not-supported') assert.equal(s.message, 'The requested operation is not supported.');
    });
  }

  it('marks EXPLAIN of a statement that has no plan as not supported', () => {
    const s = parseOk('EXPLAIN SHOW TABLES');
    assert.ok(s.kind === 'Unsupported' && s.what === 'EXPLAIN SHOW TABLES' && s.support === 'not-supported');
  });

  it('keeps a script going past an unsupported statement', () => {
    const r = parseStatements("CREATE FUNCTION f AS 'x';\nSELECT 1;");
    assert.deepEqual(r.value?.map((s) => s.kind), ['Unsupported', 'QueryStatement']);
  });
});

describe('statement boundaries', () => {
  it('accepts one trailing semicolon, comments and blank space', () => {
    for (const sql of ['SELECT 1;', 'SELECT 1 ;  ', '-- leading\nSELECT 1; -- trailing', '/* a */ SELECT /* b */ 1 /* c */;']) {
      assert.equal(parseStatement(sql).value?.kind, 'QueryStatement', sql);
    }
  });

  it("rejects two statements with Confluent's message", () => {
    const r = parseStatement('INSERT INTO a SELECT 1;\nINSERT INTO b SELECT 2;');
    assert.equal(r.value, undefined);
    assert.equal(r.diagnostics[0]?.code, 'sql-multiple-statements');
    assert.equal(r.diagnostics[0]?.summary, MULTIPLE_STATEMENTS_MESSAGE);
    assert.deepEqual(r.diagnostics[0]?.range?.start, { line: 2, column: 1 });
  });

  it('splits a script on semicolons outside strings, comments and BEGIN ... END', () => {
    const script = [
      "SET 'sql.local-time-zone' = 'UTC';",
      "SELECT ';' AS semi, 'a -- b' FROM t; -- a comment; with semicolons",
      'EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1; INSERT INTO b SELECT 2; END;',
      '/* ; */ SHOW TABLES',
    ].join('\n');
    const r = splitStatements(script);
    assert.deepEqual(r.value?.map((s) => s.text), [
      "SET 'sql.local-time-zone' = 'UTC'",
      "SELECT ';' AS semi, 'a -- b' FROM t",
      'EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT 1; INSERT INTO b SELECT 2; END',
      'SHOW TABLES',
    ]);
    const kinds: Statement['kind'][] = (parseStatements(script).value ?? []).map((s) => s.kind);
    assert.deepEqual(kinds, ['Set', 'QueryStatement', 'StatementSet', 'Show']);
  });

  it('gives statement ranges that point into the script', () => {
    const r = parseStatements('SELECT 1;\n  SHOW TABLES;');
    const show = r.value?.[1];
    assert.deepEqual(show?.range.start, { line: 2, column: 3, offset: 12 });
    assert.deepEqual(show?.range.end, { line: 2, column: 14, offset: 23 });
  });

  it('reports every broken statement of a script, each at its own position', () => {
    const r = parseStatements('SELECT 1;\nSELEC 2;\nSHOW TABLES;\nSELECT FROM t;');
    assert.equal(r.value, undefined);
    assert.deepEqual(r.diagnostics.map((d) => d.range?.start), [{ line: 2, column: 1 }, { line: 4, column: 8 }]);
    const unterminated = parseStatements('SELECT a FROM t WHERE;\nSELECT 1 +');
    assert.deepEqual(unterminated.diagnostics.map((d) => d.summary.split('\n')[0]), [
      'SQL parse failed. Encountered ";" at line 1, column 22.', 'SQL parse failed. Encountered "<EOF>" at line 2, column 11.']);
  });

  it('keeps CASE ... END inside a statement set together', () => {
    const r = splitStatements("EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT CASE WHEN x THEN 1 END FROM t; INSERT INTO b SELECT 2; END; SELECT 3");
    assert.equal(r.value?.length, 2);
    assert.deepEqual(parseStatements("EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT CASE WHEN x THEN 1 END FROM t; END; SELECT 3").value?.map((s) => s.kind), ['StatementSet', 'QueryStatement']);
  });

  it('parses an empty script to no statements', () => {
    assert.deepEqual(parseStatements(' -- nothing\n;;').value, []);
  });
});
