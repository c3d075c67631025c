/**
 * The Nexmark event model as plain integer math (nexmark.md §1): which kind event number n is,
 * which person/auction id it creates, which earlier ids it may reference, and its event time.
 *
 * Events come in epochs of `person + auction + bid` proportions (default 1 + 3 + 46 = 50): within
 * an epoch the people come first, then the auctions, then the bids. Ids grow with the event
 * number: person ids are 1000 + (number of people before this event), auction ids likewise, so
 * the set of existing ids at event n is known without any state, and a bid that picks among ids
 * below the current count always references an auction (and a person) already emitted.
 *
 * Event times: `first-event.rate` / `next-event.rate` events per second space the timestamps.
 * Equal rates give a constant spacing; otherwise the rate follows `rate.shape` over `rate.period`:
 * SQUARE alternates the two rates every half period, SINE glides from the first to the next rate
 * and back, approximated by ten constant-rate steps per period.
 */
import type { NexmarkConfig } from './types.js';

/** The first person id and auction id (as in the Nexmark model). */
export const FIRST_PERSON_ID = 1000;
export const FIRST_AUCTION_ID = 1000;
/** Categories are 10..14. */
export const FIRST_CATEGORY_ID = 10;
export const NUM_CATEGORIES = 5;
/** Bidders and sellers are drawn from the most recent people; bids from the most recent auctions. */
export const ACTIVE_PEOPLE = 1000;
export const IN_FLIGHT_AUCTIONS = 100;
/** Hot keys are the ids that are multiples of these spans (powers of two) within the active window. */
export const HOT_PERSON_SPAN = 128;
export const HOT_AUCTION_SPAN = 8;

/** `event_type` values. */
export const PERSON = 0;
export const AUCTION = 1;
export const BID = 2;

/**
 * Event kinds and id counts by event number. `seek(n)` positions a cursor (one division per event,
 * no allocation); `kind`, `persons` and `auctions` then describe event n.
 */
export class EventLayout {
  readonly #p: number;
  readonly #a: number;
  readonly #total: number;
  #kind = PERSON;
  #persons = 0;
  #auctions = 0;

  constructor(cfg: Pick<NexmarkConfig, 'personProportion' | 'auctionProportion' | 'bidProportion'>) {
    this.#p = cfg.personProportion;
    this.#a = cfg.auctionProportion;
    this.#total = cfg.personProportion + cfg.auctionProportion + cfg.bidProportion;
  }

  /** Events per epoch. */
  get total(): number { return this.#total; }
  /** The sought event's kind: 0 person, 1 auction, 2 bid. */
  get kind(): number { return this.#kind; }
  /** People emitted before the sought event (a person event's id is FIRST_PERSON_ID + this). */
  get persons(): number { return this.#persons; }
  /** Auctions emitted before the sought event. */
  get auctions(): number { return this.#auctions; }

  /** Positions the cursor on event n. */
  seek(n: number): void {
    const p = this.#p;
    const a = this.#a;
    const epoch = Math.floor(n / this.#total);
    const rem = n - epoch * this.#total;
    const intoAuctions = rem - p;
    this.#kind = rem < p ? PERSON : intoAuctions < a ? AUCTION : BID;
    this.#persons = epoch * p + (rem < p ? rem : p);
    this.#auctions = epoch * a + (intoAuctions <= 0 ? 0 : intoAuctions < a ? intoAuctions : a);
  }

  /** The kind of event n. */
  kindOf(n: number): number { this.seek(n); return this.#kind; }
  /** People emitted before event n. */
  personsBefore(n: number): number { this.seek(n); return this.#persons; }
  /** Auctions emitted before event n. */
  auctionsBefore(n: number): number { this.seek(n); return this.#auctions; }
}

/**
 * Picks the offset (0-based, < count) of an existing key: with probability (ratio−1)/ratio one of
 * the hot keys (multiples of `span`, a power of two, inside the active window), otherwise any key
 * of the window.
 * `r1`, `r2` are uint32 random draws. Returns −1 when no key exists yet.
 */
export function pickKey(count: number, window: number, ratio: number, span: number, r1: number, r2: number): number {
  if (count <= 0) return -1;
  const last = count - 1;
  const lo = count > window ? count - window : 0;
  if (ratio > 1 && below(r1, ratio) !== 0) {
    const hottest = last - (last & (span - 1));
    const slots = hottest >= lo ? ((hottest - lo) >>> (31 - Math.clz32(span))) + 1 : 1;
    return hottest - below(r2, slots) * span;
  }
  return lo + below(r2, count - lo);
}

/**
 * A uniform integer in [0, m) from a uint32 draw, by scaling rather than `%` (a uint32 above 2³¹
 * is not a small integer to V8, and its `%` is a slow floating-point remainder).
 */
export function below(r: number, m: number): number {
  return Math.floor(r * m * 2.3283064365386963e-10);
}

/** Event-time offsets (ms since event 0) by event number; see the file header. */
export class EventTimeline {
  /** Constant spacing (µs per event) when the rates are equal, else NaN. */
  readonly #flatUs: number;
  readonly #cycleEvents: number;
  readonly #cycleUs: number;
  /** Per step: first event (within the cycle), start µs, µs per event. */
  readonly #stepFirst: Float64Array;
  readonly #stepStartUs: Float64Array;
  readonly #stepUs: Float64Array;

  constructor(cfg: Pick<NexmarkConfig, 'firstEventRate' | 'nextEventRate' | 'rateShape' | 'ratePeriodMs'>) {
    const flat = cfg.firstEventRate === cfg.nextEventRate;
    this.#flatUs = flat ? 1e6 / cfg.firstEventRate : Number.NaN;
    const steps = flat ? [cfg.firstEventRate] : stepRates(cfg);
    const stepUs = (cfg.ratePeriodMs * 1000) / steps.length;
    this.#stepFirst = new Float64Array(steps.length);
    this.#stepStartUs = new Float64Array(steps.length);
    this.#stepUs = new Float64Array(steps.length);
    let events = 0;
    steps.forEach((rate, k) => {
      const e = Math.max(1, Math.round((rate * stepUs) / 1e6));
      this.#stepFirst[k] = events;
      this.#stepStartUs[k] = k * stepUs;
      this.#stepUs[k] = stepUs / e;
      events += e;
    });
    this.#cycleEvents = events;
    this.#cycleUs = cfg.ratePeriodMs * 1000;
  }

  /** Milliseconds between event 0 and event n (monotonic in n). */
  offsetMs(n: number): number {
    if (this.#flatUs === this.#flatUs) return Math.floor((n * this.#flatUs) / 1000);
    const cycle = Math.floor(n / this.#cycleEvents);
    const i = n - cycle * this.#cycleEvents;
    let k = this.#stepFirst.length - 1;
    while ((this.#stepFirst[k] as number) > i) k--;
    const us = cycle * this.#cycleUs + (this.#stepStartUs[k] as number) + (i - (this.#stepFirst[k] as number)) * (this.#stepUs[k] as number);
    return Math.floor(us / 1000);
  }
}

function stepRates(cfg: Pick<NexmarkConfig, 'firstEventRate' | 'nextEventRate' | 'rateShape'>): number[] {
  if (cfg.rateShape === 'SQUARE') return [cfg.firstEventRate, cfg.nextEventRate];
  const steps = 10;
  const out: number[] = [];
  for (let k = 0; k < steps; k++) {
    const w = (1 + Math.cos((2 * Math.PI * (k + 0.5)) / steps)) / 2;
    out.push(cfg.nextEventRate + (cfg.firstEventRate - cfg.nextEventRate) * w);
  }
  return out;
}
