import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OperatorHarness } from '../operator-harness.js';
import { LookupJoinOperator } from './lookup-join-operator.js';

const lookup = (): LookupJoinOperator => new LookupJoinOperator({
  kind: 'INNER', left: { key: (r) => r[1] ?? null, arity: 2 }, right: { key: (r) => r[0] ?? null, arity: 2 },
});

test('the lookup join ends with its probes while the table input stays open', () => {
  const h = new OperatorHarness(lookup(), { inputs: 2 });
  h.changes("+I[10, 'ann']", 1);
  h.changes('+I[1, 10]\n+I[2, 11]', 0);
  assert.deepEqual(h.take(), ["+I[1, 10, 10, 'ann']"]);
  h.end(0);
  assert.deepEqual(h.take(), ['END']);
  assert.equal(h.node.finished, true);
  // Table changes after the end change nothing.
  h.changes("+I[11, 'bo']", 1);
  h.end(1);
  assert.deepEqual(h.take(), []);
});

test('the end of the table input alone does not end the join', () => {
  const h = new OperatorHarness(lookup(), { inputs: 2 });
  h.changes("+I[10, 'ann']", 1);
  h.end(1);
  assert.deepEqual(h.take(), []);
  h.changes('+I[1, 10]', 0);
  assert.deepEqual(h.take(), ["+I[1, 10, 10, 'ann']"]);
  h.end(0);
  assert.deepEqual(h.take(), ['END']);
});
