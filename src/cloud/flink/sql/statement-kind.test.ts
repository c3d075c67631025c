import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseOk } from './parser-test-support.js';
import { sqlKind, statementCategory } from './statement-kind.js';

describe('statement kinds', () => {
  const cases: readonly (readonly [string, string, string])[] = [
    ['SELECT 1', 'SELECT', 'foreground'],
    ['VALUES (1)', 'SELECT', 'foreground'],
    ['INSERT INTO t SELECT 1', 'INSERT_INTO', 'background'],
    ['EXECUTE STATEMENT SET BEGIN INSERT INTO t SELECT 1; END', 'EXECUTE_STATEMENT_SET', 'background'],
    ['CREATE TABLE t (a INT)', 'CREATE_TABLE', 'metadata'],
    ['CREATE TABLE t AS SELECT 1 AS a', 'CREATE_TABLE_AS', 'background'],
    ['ALTER TABLE t DROP WATERMARK', 'ALTER_TABLE', 'metadata'],
    ['SHOW TABLES', 'SHOW_TABLES', 'metadata'],
    ['SHOW CURRENT CATALOG', 'SHOW_CURRENT_CATALOG', 'metadata'],
    ['SHOW CREATE TABLE t', 'SHOW_CREATE_TABLE', 'metadata'],
    ['DESCRIBE EXTENDED t', 'DESCRIBE', 'metadata'],
    ['EXPLAIN SELECT 1', 'EXPLAIN', 'metadata'],
    ["CREATE FUNCTION f AS 'x'", 'CREATE_FUNCTION', 'metadata'],
  ];
  for (const [sql, kind, category] of cases) {
    it(`classifies ${sql}`, () => {
      const s = parseOk(sql);
      assert.equal(sqlKind(s), kind);
      assert.equal(statementCategory(s), category);
    });
  }
});
