/**
 * Builds the wide Nexmark row of event n: `[event_type, person, auction, bid]` where exactly one of
 * the nested ROWs (plain arrays in flink/types' representation: BIGINT as bigint, TIMESTAMP(3) as
 * epoch millis) is filled and the others are null.
 *
 * Every event is a pure function of (seed, n): its randomness comes from a counter-based PRNG
 * seeded with n, so a source's position is just the next event number.
 *
 * Speed: strings come from precomputed pools, `extra` padding is a cached slice of one random
 * text, prices and categories are precomputed bigints and person/auction ids go through small
 * direct-mapped bigint caches (bids reference recent ids, so nearly every lookup hits). An event
 * allocates only its two arrays: rows are never reused, because the runtime lets operators keep
 * emitted rows (batch.ts).
 *
 * Measured (Node 20, 2 shared cores): ~6–8 M events/s into a no-op sink (nexmark-generation.bench).
 * When a consumer keeps many generated rows alive (100 K in a test), V8's allocation-site
 * pretenuring starts allocating these row literals in old space and generation drops to
 * ~3–4 M events/s for the rest of the process; rows that die young (q0-like pipelines) keep it fast.
 */
import type { Row } from '../types.js';
import {
  ACTIVE_PEOPLE, AUCTION, BID, EventLayout, FIRST_AUCTION_ID, FIRST_PERSON_ID, HOT_AUCTION_SPAN, HOT_PERSON_SPAN,
  IN_FLIGHT_AUCTIONS, NUM_CATEGORIES, below, pickKey,
} from './nexmark-model.js';
import { nexmarkPools, type NexmarkPools } from './nexmark-pools.js';
import { splitmix32 } from './seeded-random.js';
import type { NexmarkConfig } from './types.js';

/** Bytes counted per numeric field when sizing `extra` (a Java long). */
const NUMBER_BYTES = 8;
const PAD_VARIANTS = 8;

/** A direct-mapped cache of BigInt(id) for recent ids. */
class BigIntCache {
  readonly #keys: Float64Array;
  readonly #values: bigint[];
  readonly #mask: number;

  constructor(size: number) {
    this.#keys = new Float64Array(size).fill(-1);
    this.#values = new Array<bigint>(size).fill(0n);
    this.#mask = size - 1;
  }

  get(id: number): bigint {
    const i = id & this.#mask;
    if (this.#keys[i] === id) return this.#values[i] as bigint;
    const v = BigInt(id);
    this.#keys[i] = id;
    this.#values[i] = v;
    return v;
  }
}

/** Generates Nexmark rows by event number; see the file header. */
export class NexmarkGenerator {
  readonly #cfg: NexmarkConfig;
  readonly #layout: EventLayout;
  readonly #pools: NexmarkPools;
  readonly #seed: number;
  readonly #people = new BigIntCache(4096);
  readonly #auctions = new BigIntCache(1024);
  readonly #pads: (string | undefined)[];
  readonly #padText: string;
  readonly #maxPad: number;
  /** Auction lifetime scale in ms: about twice the time an auction stays among the in-flight ones. */
  readonly #expirySpanMs: number;
  #s = 0;

  constructor(cfg: NexmarkConfig, seed = 0) {
    this.#cfg = cfg;
    this.#layout = new EventLayout(cfg);
    this.#pools = nexmarkPools();
    this.#seed = splitmix32(seed >>> 0);
    this.#maxPad = Math.max(cfg.personAvgSize, cfg.auctionAvgSize, cfg.bidAvgSize) + 8;
    const need = this.#maxPad + PAD_VARIANTS * 97;
    this.#padText = this.#pools.padding.repeat(Math.ceil(need / this.#pools.padding.length));
    this.#pads = new Array<string | undefined>(PAD_VARIANTS * (this.#maxPad + 1)).fill(undefined);
    const auctionEvery = cfg.auctionProportion > 0 ? this.#layout.total / cfg.auctionProportion : this.#layout.total;
    this.#expirySpanMs = Math.max(2, Math.ceil((2 * IN_FLIGHT_AUCTIONS * auctionEvery * 1000) / Math.min(cfg.firstEventRate, cfg.nextEventRate)));
  }

  /** The row of event n, whose event time is `ts` (epoch millis). */
  row(n: number, ts: number): Row {
    // Counter-based randomness: the state depends on the seed and n only.
    this.#s = splitmix32(this.#seed ^ splitmix32((n >>> 0) ^ Math.imul((n / 4294967296) >>> 0, 0x9e3779b1)));
    const layout = this.#layout;
    layout.seek(n);
    const kind = layout.kind;
    if (kind === BID) return [BID, null, null, this.#bid(layout, ts)];
    if (kind === AUCTION) return [AUCTION, null, this.#auction(layout, ts), null];
    return [0, this.#person(layout, ts), null, null];
  }

  #bid(at: EventLayout, ts: number): Row {
    const c = this.#cfg;
    const p = this.#pools;
    const auction = pickKey(at.auctions, IN_FLIGHT_AUCTIONS, c.hotAuctionRatio, HOT_AUCTION_SPAN, this.#next(), this.#next());
    const bidder = pickKey(at.persons, ACTIVE_PEOPLE, c.hotBidderRatio, HOT_PERSON_SPAN, this.#next(), this.#next());
    const price = p.prices[this.#next() & 4095] as bigint;
    const r = this.#next();
    let channel: string;
    let url: string;
    // Nine bids in ten come through one of the four named channels; the rest through a numbered
    // channel whose url carries its id (the `channel_id` query parameter q21 extracts).
    if (below(r, 10) !== 0) {
      channel = p.hotChannels[(r >>> 8) & 3] as string;
      url = p.hotUrls[(r >>> 10) & 255] as string;
    } else {
      const k = (r >>> 8) & 1023;
      channel = p.channels[k] as string;
      url = p.channelUrls[k] as string;
    }
    const fixed = 4 * NUMBER_BYTES + channel.length + url.length;
    return [
      this.#auctions.get(FIRST_AUCTION_ID + Math.max(auction, 0)),
      this.#people.get(FIRST_PERSON_ID + Math.max(bidder, 0)),
      price, channel, url, ts,
      this.#pad(c.bidAvgSize - fixed),
    ];
  }

  #auction(at: EventLayout, ts: number): Row {
    const c = this.#cfg;
    const p = this.#pools;
    const id = FIRST_AUCTION_ID + at.auctions;
    const seller = pickKey(at.persons, ACTIVE_PEOPLE, c.hotSellerRatio, HOT_PERSON_SPAN, this.#next(), this.#next());
    const itemName = p.itemNames[this.#next() & 255] as string;
    const description = p.descriptions[this.#next() & 1023] as string;
    const initialBid = p.prices[this.#next() & 4095] as bigint;
    const reserve = initialBid + (p.prices[this.#next() & 4095] as bigint);
    const expires = ts + Math.floor(this.#expirySpanMs / 2) + below(this.#next(), this.#expirySpanMs);
    const category = p.categories[below(this.#next(), NUM_CATEGORIES)] as bigint;
    const fixed = 7 * NUMBER_BYTES + itemName.length + description.length;
    return [
      this.#auctions.get(id), itemName, description, initialBid, reserve, ts, expires,
      this.#people.get(FIRST_PERSON_ID + Math.max(seller, 0)), category,
      this.#pad(c.auctionAvgSize - fixed),
    ];
  }

  #person(at: EventLayout, ts: number): Row {
    const p = this.#pools;
    const id = FIRST_PERSON_ID + at.persons;
    const name = p.names[this.#next() & 255] as string;
    const email = p.emails[this.#next() & 1023] as string;
    const card = p.creditCards[this.#next() & 1023] as string;
    const city = p.cities[below(this.#next(), p.cities.length)] as string;
    const state = p.states[below(this.#next(), p.states.length)] as string;
    const fixed = 2 * NUMBER_BYTES + name.length + email.length + card.length + city.length + state.length;
    return [this.#people.get(id), name, email, card, city, state, ts, this.#pad(this.#cfg.personAvgSize - fixed)];
  }

  /** Padding of about `target` characters (±4, never negative), from a cached slice. */
  #pad(target: number): string {
    const r = this.#next();
    let len = target + (r & 7) - 4 + ((r >>> 3) & 1);
    if (len <= 0) return '';
    if (len > this.#maxPad) len = this.#maxPad;
    const v = (r >>> 8) & (PAD_VARIANTS - 1);
    const i = v * (this.#maxPad + 1) + len;
    let s = this.#pads[i];
    if (s === undefined) {
      s = this.#padText.substring(v * 97, v * 97 + len);
      this.#pads[i] = s;
    }
    return s;
  }

  /** mulberry32 step over the per-event state: a uint32. */
  #next(): number {
    let t = (this.#s = (this.#s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }
}
