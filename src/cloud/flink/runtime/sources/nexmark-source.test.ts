import { describe, it, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../../../shared/index.js';
import { BatchBuilder } from '../batch.js';
import { INSERT, NO_WATERMARK, type Row } from '../types.js';
import { boundedOutOfOrderness } from '../watermark-generators.js';
import { HOT_AUCTION_SPAN, HOT_PERSON_SPAN } from './nexmark-model.js';
import { DEFAULT_NEXMARK_CONFIG } from './nexmark-options.js';
import { NexmarkSource } from './nexmark-source.js';
import type { NexmarkConfig, NexmarkSourceOptions } from './types.js';

const BASE = Date.UTC(2026, 0, 1);

function source(cfg: Partial<NexmarkConfig> = {}, extra: Partial<NexmarkSourceOptions> = {}): NexmarkSource {
  return new NexmarkSource({ config: { ...DEFAULT_NEXMARK_CONFIG, ...cfg }, baseTime: BASE, ...extra });
}

interface Drained { rows: Row[]; rowtimes: number[]; kinds: number[]; last: string }

/** Polls up to `n` rows (or until the source stops producing). */
function drain(src: NexmarkSource, n: number, batch = 1024): Drained {
  const out: Drained = { rows: [], rowtimes: [], kinds: [], last: '' };
  const b = new BatchBuilder(batch);
  while (out.rows.length < n) {
    b.reset();
    out.last = src.poll(b, Math.min(batch, n - out.rows.length));
    for (let i = 0; i < b.size; i++) {
      out.rows.push(b.rows[i] as Row);
      out.rowtimes.push(b.rowtimes[i] as number);
      out.kinds.push(b.kinds[i] as number);
    }
    if (out.last !== 'data') break;
  }
  return out;
}

const person = (r: Row): Row => r[1] as Row;
const auction = (r: Row): Row => r[2] as Row;
const bid = (r: Row): Row => r[3] as Row;

/** Size as the generator counts it: 8 bytes per number, one per string character. */
function size(nested: Row): number {
  let s = 0;
  for (const v of nested) s += typeof v === 'string' ? v.length : 8;
  return s;
}

// Runs first: once a consumer keeps many generated rows, V8 pretenures the row allocation sites
// and generation slows down for the rest of the process (see nexmark-generator.ts).
describe('NexmarkSource throughput', () => {
  it('reports generation throughput into a no-op sink', (t: TestContext) => {
    const n = 2_000_000;
    const src = source({ eventsNum: n }, { watermarks: boundedOutOfOrderness(4000) });
    const b = new BatchBuilder(1024);
    const start = process.hrtime.bigint();
    let count = 0;
    while (src.poll(b, 1024) === 'data') {
      count += b.size;
      b.reset();
    }
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    assert.equal(count, n);
    t.diagnostic(`nexmark generation: ${(count / seconds / 1e6).toFixed(2)} M events/s (${count} events in ${seconds.toFixed(2)} s)`);
  });
});

let cached: Drained | undefined;
/** The first 100 000 events of the default configuration (generated once, on first use). */
function sampleOf(): Drained {
  cached ??= drain(source({ eventsNum: 100_000 }), 100_000);
  return cached;
}

describe('NexmarkSource', () => {

  it('mixes persons, auctions and bids 1 : 3 : 46', () => {
    const counts = [0, 0, 0];
    for (const r of sampleOf().rows) counts[r[0] as number]! += 1;
    assert.ok(Math.abs(counts[0]! / 100_000 - 0.02) < 0.002, `persons ${counts[0]}`);
    assert.ok(Math.abs(counts[1]! / 100_000 - 0.06) < 0.003, `auctions ${counts[1]}`);
    assert.ok(Math.abs(counts[2]! / 100_000 - 0.92) < 0.005, `bids ${counts[2]}`);
    assert.ok(sampleOf().kinds.every((k) => k === INSERT));
  });

  it('fills exactly the nested row of the event type, with the Nexmark field types', () => {
    for (const r of sampleOf().rows.slice(0, 5000)) {
      assert.equal(r.length, 4);
      const t = r[0] as number;
      [1, 2, 3].forEach((i) => assert.equal(r[i] === null, i !== t + 1));
    }
    const p = person(sampleOf().rows.find((r) => r[0] === 0) as Row);
    assert.deepEqual(p.map((v) => typeof v), ['bigint', 'string', 'string', 'string', 'string', 'string', 'number', 'string']);
    assert.match(p[2] as string, /^[a-z]+@[a-z]+\.com$/);
    assert.match(p[3] as string, /^\d{4} \d{4} \d{4} \d{4}$/);
    const a = auction(sampleOf().rows.find((r) => r[0] === 1) as Row);
    assert.deepEqual(a.map((v) => typeof v), ['bigint', 'string', 'string', 'bigint', 'bigint', 'number', 'number', 'bigint', 'bigint', 'string']);
    assert.ok((a[4] as bigint) > (a[3] as bigint), 'reserve above the initial bid');
    assert.ok((a[6] as number) > (a[5] as number), 'expires after dateTime');
    assert.ok((a[8] as bigint) >= 10n && (a[8] as bigint) <= 14n);
    const b = bid(sampleOf().rows.find((r) => r[0] === 2) as Row);
    assert.deepEqual(b.map((v) => typeof v), ['bigint', 'bigint', 'bigint', 'string', 'string', 'number', 'string']);
  });

  it('uses the four named channels mostly, and numbered channels with a channel_id url otherwise', () => {
    const bids = sampleOf().rows.filter((r) => r[0] === 2).map(bid);
    const named = bids.filter((b) => ['Google', 'Facebook', 'Baidu', 'Apple'].includes(b[3] as string));
    assert.ok(named.length / bids.length > 0.85 && named.length / bids.length < 0.95);
    for (const b of bids.slice(0, 2000)) {
      assert.match(b[4] as string, /^https:\/\/www\.nexmark\.com\/[a-z]+\/[a-z]+\/item\.htm\?query=1(&channel_id=\d+)?$/);
      const m = /^channel-(\d+)$/.exec(b[3] as string);
      if (m !== null) assert.ok((b[4] as string).endsWith(`&channel_id=${m[1]}`));
      else assert.ok(!(b[4] as string).includes('channel_id'));
    }
  });

  it('references only auctions and people emitted before', () => {
    const people = new Set<bigint>();
    const auctions = new Set<bigint>();
    for (const r of sampleOf().rows) {
      if (r[0] === 0) {
        const id = person(r)[0] as bigint;
        assert.ok(!people.has(id), 'person ids are unique');
        people.add(id);
      } else if (r[0] === 1) {
        const a = auction(r);
        assert.ok(people.has(a[7] as bigint), `seller ${a[7]} exists`);
        auctions.add(a[0] as bigint);
      } else {
        const b = bid(r);
        assert.ok(auctions.has(b[0] as bigint), `auction ${b[0]} exists`);
        assert.ok(people.has(b[1] as bigint), `bidder ${b[1]} exists`);
      }
    }
    assert.equal(people.size, 2000);
    assert.equal(auctions.size, 6000);
  });

  it('skews bids toward hot auctions and bidders by the hot ratios', () => {
    const hotShare = (rows: readonly Row[], field: number, span: number): number => {
      const bids = rows.filter((r) => r[0] === 2).map(bid);
      return bids.filter((b) => (Number(b[field] as bigint) - 1000) % span === 0).length / bids.length;
    };
    // ratio 2: half the bids go to hot auctions (plus the uniform picks that land on one).
    assert.ok(Math.abs(hotShare(sampleOf().rows, 0, HOT_AUCTION_SPAN) - (0.5 + 0.5 / HOT_AUCTION_SPAN)) < 0.02);
    assert.ok(Math.abs(hotShare(sampleOf().rows, 1, HOT_PERSON_SPAN) - (0.75 + 0.25 / HOT_PERSON_SPAN)) < 0.02);
    const flat = drain(source({ eventsNum: 20_000, hotAuctionRatio: 1, hotBidderRatio: 1 }), 20_000).rows;
    assert.ok(hotShare(flat, 0, HOT_AUCTION_SPAN) < 0.15);
    assert.ok(hotShare(flat, 1, HOT_PERSON_SPAN) < 0.05);
  });

  it('pads records to the average sizes', () => {
    const avg = (t: number, f: (r: Row) => Row): number => {
      const xs = sampleOf().rows.filter((r) => r[0] === t).map((r) => size(f(r)));
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    assert.ok(Math.abs(avg(0, person) - 200) < 5, `person ${avg(0, person)}`);
    assert.ok(Math.abs(avg(1, auction) - 500) < 5, `auction ${avg(1, auction)}`);
    assert.ok(Math.abs(avg(2, bid) - 100) < 3, `bid ${avg(2, bid)}`);
  });

  it('spaces event times by the event rate and uses them as rowtimes', () => {
    sampleOf().rows.slice(0, 1000).forEach((r, n) => {
      const t = r[0] as number;
      const nested = r[t + 1] as Row;
      const ts = nested[t === 0 ? 6 : 5] as number;
      assert.equal(ts, BASE + Math.floor(n / 10), `10 000 events/s: event ${n}`);
      assert.equal(sampleOf().rowtimes[n], ts);
    });
    const slow = drain(source({ eventsNum: 100, firstEventRate: 1000, nextEventRate: 1000 }), 100);
    assert.deepEqual(slow.rowtimes, Array.from({ length: 100 }, (_, n) => BASE + n));
  });

  it('alternates the two rates every half period with the SQUARE shape', () => {
    const src = source({ firstEventRate: 1000, nextEventRate: 100, rateShape: 'SQUARE', ratePeriodMs: 2000, eventsNum: 2200 });
    const ts = drain(src, 2200).rowtimes;
    // First second: 1000 events 1 ms apart; next second: 100 events 10 ms apart; then again.
    assert.equal(ts[999], BASE + 999);
    assert.equal(ts[1000], BASE + 1000);
    assert.equal(ts[1001], BASE + 1010);
    assert.equal(ts[1099], BASE + 1990);
    assert.equal(ts[1100], BASE + 2000);
    assert.equal(ts[1101], BASE + 2001);
  });

  it('ends after events.num events, or stays idle with keep-alive', () => {
    const src = source({ eventsNum: 2500 });
    const d = drain(src, 10_000);
    assert.equal(d.rows.length, 2500);
    assert.equal(d.last, 'end');
    assert.equal(src.idle, false);
    const alive = source({ eventsNum: 10, keepAlive: true });
    const b = new BatchBuilder();
    assert.equal(alive.poll(b, 1024), 'data');
    assert.equal(alive.poll(b, 1024), 'idle');
    assert.equal(alive.idle, true);
    assert.equal(drain(source({ stopAt: 77 }), 1000).rows.length, 77);
  });

  it('emits batches of at most the requested size', () => {
    const src = source({ eventsNum: 3000 });
    const b = new BatchBuilder();
    assert.equal(src.poll(b, 1024), 'data');
    assert.equal(b.size, 1024);
    assert.equal(src.nextEvent, 1024);
  });

  it('paces to the clock when max-emit-speed is false', () => {
    const clock = fixedClock(BASE);
    const src = new NexmarkSource({ config: { ...DEFAULT_NEXMARK_CONFIG, maxEmitSpeed: false }, clock });
    const b = new BatchBuilder();
    src.poll(b, 100_000);
    assert.equal(b.size, 10, 'events 0..9 share millisecond 0');
    clock.advance(250);
    b.reset();
    src.poll(b, 100_000);
    assert.equal(b.size, 2500);
    b.reset();
    assert.equal(src.poll(b, 100_000), 'idle');
  });

  it('supplies rowtimes to the declared watermark generator', () => {
    const src = source({ eventsNum: 5000 }, { watermarks: boundedOutOfOrderness(4000) });
    assert.equal(src.watermark, NO_WATERMARK);
    const d = drain(src, 5000);
    assert.equal(src.watermark, (d.rowtimes[4999] as number) - 4000);
    assert.equal(source().watermark, NO_WATERMARK);
  });

  it('continues the same events after snapshot and restore', () => {
    const head = source({ eventsNum: 6000 });
    const first = drain(head, 2345);
    const pos = JSON.parse(JSON.stringify(head.snapshot())) as unknown;
    const restored = new NexmarkSource({ config: { ...DEFAULT_NEXMARK_CONFIG, eventsNum: 6000 }, baseTime: 0, watermarks: boundedOutOfOrderness(4000) });
    restored.restore(pos);
    assert.equal(restored.watermark, NO_WATERMARK);
    const rest = drain(restored, 10_000);
    assert.deepEqual([...first.rows, ...rest.rows], sampleOf().rows.slice(0, 6000));
    assert.equal(rest.last, 'end');
    assert.equal(restored.watermark, (rest.rowtimes[rest.rowtimes.length - 1] as number) - 4000);
  });

  it('differs with another seed', () => {
    const other = drain(source({ eventsNum: 100 }, { seed: 7 }), 100).rows;
    assert.notDeepEqual(other, sampleOf().rows.slice(0, 100));
  });

});
