import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OperatorHarness, UnionOperator } from './index.js';

test('union forwards the changes of every input', () => {
  const h = new OperatorHarness(new UnionOperator(), { inputs: 2 });
  h.changes("+I[1]", 0).changes("+I[2]\n-D[2]", 1);
  assert.deepEqual(h.take(), ['+I[1]', '+I[2]', '-D[2]']);
});

test('union watermark is the minimum over its inputs and never goes back', () => {
  const h = new OperatorHarness(new UnionOperator(), { inputs: 2 });
  h.watermark(1000, 0);
  assert.deepEqual(h.take(), [], 'no watermark until every input has one');
  h.watermark(500, 1);
  assert.deepEqual(h.take(), ['WM 500']);
  h.watermark(2000, 1);
  assert.deepEqual(h.take(), ['WM 1000']);
  h.watermark(900, 0);
  assert.deepEqual(h.take(), [], 'a lower watermark on one input does not regress the output');
});

test('an idle input does not hold back the union watermark; all idle makes the union idle', () => {
  const h = new OperatorHarness(new UnionOperator(), { inputs: 2 });
  h.watermark(1000, 0);
  h.idle(true, 1);
  assert.deepEqual(h.take(), ['WM 1000']);
  h.idle(true, 0);
  assert.deepEqual(h.take(), ['IDLE']);
  h.watermark(3000, 1);
  assert.deepEqual(h.take(), [], "an idle input's watermark does not count");
  h.idle(false, 1);
  assert.deepEqual(h.take(), ['WM 3000', 'ACTIVE']);
});

test('union ends after all inputs ended, with a final +∞ watermark', () => {
  const h = new OperatorHarness(new UnionOperator(), { inputs: 2 });
  h.end(0);
  assert.deepEqual(h.take(), []);
  h.end(1);
  assert.deepEqual(h.take(), ['WM Infinity', 'END']);
});
