import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CatalogTable } from '../catalog/index.js';
import { connectorBounded } from './connector-bounds.js';

function table(options: Record<string, string>, readOnly = false): CatalogTable {
  return { options, readOnly } as unknown as CatalogTable;
}

test('a nexmark table is bounded by events.num > 0 or stop-at ≥ 0, unless keep-alive holds it open', () => {
  assert.equal(connectorBounded(table({ connector: 'nexmark', 'events.num': '1000' })), true);
  assert.equal(connectorBounded(table({ connector: 'nexmark', 'events.num': ' 5 ' })), true);
  assert.equal(connectorBounded(table({ connector: 'nexmark', 'stop-at': '0' })), true);
  assert.equal(connectorBounded(table({ connector: 'nexmark' })), false);
  assert.equal(connectorBounded(table({ connector: 'nexmark', 'events.num': '0' })), false);
  assert.equal(connectorBounded(table({ connector: 'nexmark', 'events.num': '10', 'keep-alive': 'TRUE' })), false);
});

test('the examples faker tables never end; topic-backed tables leave it to scan.bounded.mode', () => {
  assert.equal(connectorBounded(table({ connector: 'faker', 'rows-per-second': '50' }, true)), false);
  assert.equal(connectorBounded(table({ connector: 'confluent' })), undefined);
  assert.equal(connectorBounded(table({})), undefined);
});
