import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SqlSession } from './sql-session.js';
import { splitStatements } from './statement-splitter.js';
import { ResultTable } from './result-table.js';

test('SET, RESET and USE are handled client-side and become statement properties', () => {
  const s = new SqlSession();
  assert.equal(s.handle('SELECT 1').kind, 'not-local');
  assert.equal(s.handle("SET 'sql.local-time-zone' = 'Europe/Berlin';").kind, 'table');
  assert.equal(s.handle('USE db1').kind, 'error');
  s.handle('USE CATALOG `my env`');
  s.handle('USE cluster_0');
  assert.deepEqual(s.properties(), { 'sql.local-time-zone': 'Europe/Berlin', 'sql.current-catalog': 'my env', 'sql.current-database': 'cluster_0' });
  s.handle("SET 'client.statement-name' = 'x'");
  assert.equal(s.properties()['client.statement-name'], undefined, 'client.* keys stay local');
  s.handle("RESET 'sql.local-time-zone'");
  assert.equal(s.properties()['sql.local-time-zone'], undefined);
  s.handle('USE `c2`.`d2`');
  assert.equal(s.catalog, 'c2');
  assert.equal(s.database, 'd2');
});

test('scripts split on semicolons outside quotes, comments and statement sets', () => {
  const parts = splitStatements(`-- lead comment\nSELECT ';' AS a; /* ; */ SELECT 2;\nEXECUTE STATEMENT SET\nBEGIN\n  INSERT INTO a SELECT 1;\n  INSERT INTO b SELECT 2;\nEND;\n\n`);
  assert.deepEqual(parts.map((p) => p.text), ["-- lead comment\nSELECT ';' AS a", '/* ; */ SELECT 2', 'EXECUTE STATEMENT SET\nBEGIN\n  INSERT INTO a SELECT 1;\n  INSERT INTO b SELECT 2;\nEND']);
  assert.equal(parts[2]!.line, 3);
});

test('the result table applies a changelog by upsert key or by whole row', () => {
  const cols = [{ name: 'k', type: { type: 'VARCHAR' } }, { name: 'n', type: { type: 'BIGINT' } }];
  const byKey = new ResultTable(cols, [0]);
  byKey.apply([{ op: 0, row: ['a', '1'] }, { op: 0, row: ['b', '1'] }, { op: 1, row: ['a', '1'] }, { op: 2, row: ['a', '2'] }, { op: 3, row: ['b', '1'] }]);
  assert.deepEqual(byKey.rows, [['a', '2']]);
  const byRow = new ResultTable(cols);
  byRow.apply([{ op: 0, row: ['a', '1'] }, { op: 0, row: ['a', '1'] }, { op: 1, row: ['a', '1'] }, { op: 2, row: ['a', '2'] }]);
  assert.deepEqual(byRow.rows, [['a', '1'], ['a', '2']]);
});
