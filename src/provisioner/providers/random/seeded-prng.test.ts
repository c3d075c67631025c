import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { seededBetween, seededIdSource, seededPrng } from './seeded-prng.js';

describe('seeded PRNG', () => {
  it('repeats the same sequence for the same seed and differs across seeds', () => {
    const a = seededPrng('x'), b = seededPrng('x'), c = seededPrng('y');
    const sa = [a.next53(), a.next53(), a.next53()];
    assert.deepEqual([b.next53(), b.next53(), b.next53()], sa);
    assert.notDeepEqual([c.next53(), c.next53(), c.next53()], sa);
  });

  it('stays within bounds and covers a small range', () => {
    const p = seededPrng('range');
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) {
      const v = seededBetween(p, -2, 2);
      assert.ok(v >= -2 && v <= 2);
      seen.add(v);
    }
    assert.equal(seen.size, 5);
  });

  it('makes version 4 uuids from the seeded stream', () => {
    const u = seededIdSource('s').uuid();
    assert.match(u, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(seededIdSource('s').uuid(), u);
  });
});
