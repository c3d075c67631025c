import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AUCTION, BID, below, EventLayout, EventTimeline, PERSON, pickKey } from './nexmark-model.js';

describe('EventLayout', () => {
  it('puts people first, then auctions, then bids in every epoch and counts ids before an event', () => {
    const l = new EventLayout({ personProportion: 1, auctionProportion: 3, bidProportion: 46 });
    assert.deepEqual([0, 1, 2, 3, 4, 49, 50, 51].map((n) => l.kindOf(n)), [PERSON, AUCTION, AUCTION, AUCTION, BID, BID, PERSON, AUCTION]);
    assert.deepEqual([0, 1, 2, 50, 51, 100].map((n) => l.personsBefore(n)), [0, 1, 1, 1, 2, 2]);
    assert.deepEqual([0, 1, 2, 4, 50, 51, 52].map((n) => l.auctionsBefore(n)), [0, 0, 1, 3, 3, 3, 4]);
  });
});

describe('pickKey', () => {
  it('stays inside the active window of existing keys and answers -1 when none exists', () => {
    assert.equal(pickKey(0, 100, 2, 8, 123, 456), -1);
    for (let i = 0; i < 2000; i++) {
      const r1 = (i * 2654435761) >>> 0;
      const r2 = (i * 40503 + 977) >>> 0;
      const k = pickKey(5000, 100, 2, 8, r1, r2);
      assert.ok(k >= 4900 && k < 5000, `key ${k}`);
      const early = pickKey(3, 100, 4, 8, r1, r2);
      assert.ok(early >= 0 && early < 3);
    }
  });

  it('maps uint32 draws uniformly below m', () => {
    assert.equal(below(0, 10), 0);
    assert.equal(below(0xffffffff, 10), 9);
    assert.equal(below(0x80000000, 4), 2);
  });
});

describe('EventTimeline', () => {
  it('glides between the two rates with the SINE shape, monotonically', () => {
    const tl = new EventTimeline({ firstEventRate: 2000, nextEventRate: 200, rateShape: 'SINE', ratePeriodMs: 10_000 });
    let prev = -1;
    for (let n = 0; n < 30_000; n += 7) {
      const t = tl.offsetMs(n);
      assert.ok(t >= prev);
      prev = t;
    }
    // Fast at the start of a period, slow in its middle.
    const early = tl.offsetMs(1000) - tl.offsetMs(0);
    let m = 0;
    while (tl.offsetMs(m) < 5000) m++;
    const mid = tl.offsetMs(m + 100) - tl.offsetMs(m);
    assert.ok(early < 600, `1000 events at the start took ${early} ms`);
    assert.ok(mid > 300, `100 events mid-period took ${mid} ms`);
  });
});
