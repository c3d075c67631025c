import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { parseStatement, printQuery } from '../sql/index.js';
import { intType, stringType, timestampType } from '../types/index.js';
import { ViewStore, describeView, showCreateView } from './catalog-view.js';
import type { CatalogView, StoredView } from './catalog-view.js';

function storedQuery(sql: string): string {
  const s = parseStatement(sql).value;
  assert.ok(s !== undefined && s.kind === 'CreateView');
  return printQuery(s.query, { quoteAll: true });
}

const stored: StoredView = {
  query: storedQuery("CREATE VIEW v AS SELECT customer, SUM(amount) FROM orders WHERE amount > 15 GROUP BY customer"),
  columns: ['who', 'total'],
  comment: "it's per customer",
  session: { catalog: 'dev', database: 'cluster_0' },
  schema: [{ name: 'customer', type: stringType() }, { name: 'EXPR$1', type: intType({ nullable: false }) }],
};
const view: CatalogView = { ...stored, catalog: { name: 'dev', id: 'env-1' }, database: { name: 'cluster_0', id: 'lkc-1' }, name: 'totals' };

test('SHOW CREATE VIEW prints the qualified name, the column list, the comment and the stored query', () => {
  assert.equal(showCreateView(view), [
    'CREATE VIEW `dev`.`cluster_0`.`totals` (',
    '  `who`,',
    '  `total`',
    ')',
    "COMMENT 'it''s per customer'",
    'AS SELECT `customer`, SUM(`amount`)',
    'FROM `orders`',
    'WHERE `amount` > 15',
    'GROUP BY `customer`',
  ].join('\n'));
});

test('DESCRIBE of a view lists the declared names with the derived types; a rowtime column keeps its marker', () => {
  assert.deepEqual(describeView(view, false), {
    columns: ['Column Name', 'Data Type', 'Nullable', 'Extras'],
    rows: [['who', 'STRING', 'NULL', ''], ['total', 'INT', 'NOT NULL', '']],
  });
  const { columns: _declared, ...undeclared } = view;
  const rt: CatalogView = { ...undeclared, schema: [{ name: 'ts', type: timestampType(3, { nullable: false, timeAttribute: 'rowtime' }) }] };
  assert.deepEqual(describeView(rt, true).rows, [['ts', 'TIMESTAMP(3) *ROWTIME*', 'NOT NULL', '', '']]);
});

test('ViewStore keeps one definition per (cluster, name), replaces it and forgets it', () => {
  const db = new Database(':memory:');
  const store = new ViewStore(db);
  store.put('lkc-1', 'b', stored, 1);
  store.put('lkc-1', 'a', stored, 1);
  store.put('lkc-2', 'c', stored, 1);
  assert.deepEqual(store.names('lkc-1'), ['a', 'b']);
  store.put('lkc-1', 'a', { ...stored, query: 'SELECT 1' }, 2);
  assert.equal(store.get('lkc-1', 'a')?.query, 'SELECT 1');
  assert.deepEqual(store.get('lkc-1', 'b'), stored);
  store.delete('lkc-1', 'a');
  assert.equal(store.get('lkc-1', 'a'), undefined);
  assert.deepEqual(store.names('lkc-1'), ['b']);
  db.close();
});
