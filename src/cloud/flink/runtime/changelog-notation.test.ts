import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatBatch, parseChangelog } from './index.js';

test('the changelog notation round-trips kinds, values and rowtimes', () => {
  const text = ["+I[1, 'it''s', null, true] @1000", "-U[12n, x'0a1b']", "+U[-1.5, '']", '-D[]'];
  const b = parseChangelog(`# comment\n${text.join('\n')}\n`);
  assert.equal(b.size, 4);
  assert.deepEqual(b.rows[0], [1, "it's", null, true]);
  assert.deepEqual(b.rows[1], [12n, new Uint8Array([10, 27])]);
  assert.deepEqual([...b.kinds], [0, 1, 2, 3]);
  assert.deepEqual(formatBatch(b, { rowtimes: true }), text);
});
