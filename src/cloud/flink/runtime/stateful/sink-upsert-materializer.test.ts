import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../../../shared/index.js';
import { OperatorHarness } from '../operator-harness.js';
import { assertChangelogScript } from './changelog-script.js';
import { SinkUpsertMaterializer } from './sink-upsert-materializer.js';

// Rows are [sinkKey, sourceId, value]; the sink is keyed by column 0.
const bySinkKey = (): SinkUpsertMaterializer => new SinkUpsertMaterializer({ sinkKey: (r) => r[0] });

test('two source rows back one sink key: retracting one re-emits the other instead of deleting the key', () => {
  assertChangelogScript(bySinkKey, `
    +I['k', 1, 10]
    > +I['k', 1, 10]
    ---
    +I['k', 2, 20]
    > +U['k', 2, 20]
    ---
    -D['k', 2, 20]
    > +U['k', 1, 10]
    ---
    -D['k', 1, 10]
    > -D['k', 1, 10]
  `);
});

test('a removed middle row changes nothing visible; an unknown retraction is ignored', () => {
  assertChangelogScript(bySinkKey, `
    +I['k', 1, 10]
    +I['k', 2, 20]
    +I['k', 3, 30]
    > +I['k', 1, 10]
    > +U['k', 2, 20]
    > +U['k', 3, 30]
    ---
    -U['k', 2, 20]
    -D['k', 9, 99]
    -D['z', 1, 1]
    ---
    -D['k', 3, 30]
    > +U['k', 1, 10]
  `);
});

test('out of order: the retraction of an old version after the new one keeps the new one (the sink already shows it)', () => {
  assertChangelogScript(bySinkKey, `
    +I['k', 1, 10]
    > +I['k', 1, 10]
    ---
    +U['k', 1, 11]
    > +U['k', 1, 11]
    ---
    -U['k', 1, 10]
    ---
    -D['k', 1, 11]
    > -D['k', 1, 11]
  `);
});

test('with an input upsert key, an accumulate replaces the held row of the same input key', () => {
  assertChangelogScript(() => new SinkUpsertMaterializer({ sinkKey: (r) => r[0], inputKey: (r) => r[1] }), `
    +I['k', 1, 10]
    > +I['k', 1, 10]
    ---
    +U['k', 1, 11]
    > +I['k', 1, 11]
    ---
    +I['k', 2, 20]
    > +U['k', 2, 20]
    ---
    -D['k', 1, 0]
    ---
    -D['k', 2, 0]
    > -D['k', 2, 0]
  `);
});

test('state TTL: an idle sink key expires (as if never seen) and is purged at a barrier', () => {
  const clock = fixedClock(0);
  const op = new SinkUpsertMaterializer({ sinkKey: (r) => r[0], stateTtlMs: 1000, clock });
  const h = new OperatorHarness(op);
  h.changes("+I['a', 1, 10]\n+I['b', 2, 20]");
  assert.deepEqual(h.take(), ["+I['a', 1, 10]", "+I['b', 2, 20]"]);
  clock.advance(600);
  h.changes("+I['b', 3, 30]");
  assert.deepEqual(h.take(), ["+U['b', 3, 30]"]);
  clock.advance(600);
  h.changes("-D['a', 1, 10]\n-D['b', 3, 30]");
  assert.deepEqual(h.take(), ["+U['b', 2, 20]"], "'a' expired (1200 ms idle): its retraction is ignored; 'b' was written 600 ms ago");
  clock.advance(1001);
  assert.equal(op.keyCount, 1);
  h.barrier();
  assert.equal(op.keyCount, 0, 'expired keys are purged at the barrier without output');
  assert.deepEqual(h.take(), []);
});
