import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LimitOperator, OperatorHarness } from './index.js';

test('limit with offset passes rows offset+1..offset+n and then ends its output', () => {
  const h = new OperatorHarness(new LimitOperator({ limit: 2, offset: 1 }));
  h.changes('+I[1]\n+I[2]');
  assert.deepEqual(h.take(), ['+I[2]']);
  h.changes('+I[3]\n+I[4]');
  assert.deepEqual(h.take(), ['+I[3]', 'END']);
  assert.equal(h.node.finished, true);
  h.changes('+I[5]');
  assert.deepEqual(h.take(), [], 'input after completion is ignored');
});

test('limit state survives snapshot and restore', () => {
  const a = new OperatorHarness(new LimitOperator({ limit: 3 }));
  a.changes('+I[1]\n+I[2]');
  a.take();
  const b = new OperatorHarness(new LimitOperator({ limit: 3 })).restore(a.snapshot());
  b.changes('+I[3]\n+I[4]');
  assert.deepEqual(b.take(), ['+I[3]', 'END']);
});

test('limit rejects an updating input as a planner bug', () => {
  const h = new OperatorHarness(new LimitOperator({ limit: 3 }));
  assert.throws(() => h.changes('-D[1]'), /insert-only/);
});
