/**
 * Confluent's default SOURCE_WATERMARK() (confluent-flink.md §3.2), per partition: remembers the
 * last 5000 observed delays (how far a record's rowtime lies behind the max seen so far) in a
 * histogram of ~100 exponentially growing buckets from 50 ms to 7 days, and proposes
 *   watermark = maxTs − (p95 bucket bound + warm-up margin)
 * where the warm-up margin shrinks with the number of records seen (docs table: records 1–250 →
 * 7 days, 251–500 → 30 s, 501–750 → 10 s, 751–1000 → 1 s, later 0). So no useful watermark comes
 * out of a partition before its 251st record.
 */
import type { WatermarkGenerator, WatermarkGeneratorFactory } from './watermark-generators.js';
import { NO_WATERMARK } from './types.js';

const DAY = 24 * 60 * 60 * 1000;
/** Largest delay the histogram distinguishes: 7 days. */
export const MAX_DELAY_MS = 7 * DAY;
/** Number of delays remembered. */
export const DELAY_CAPACITY = 5000;
const MIN_BOUND = 50;
const PERCENTILE = 0.95;

/** Upper bounds of the histogram buckets: ⌊g^i⌋ for g = (7 d)^(1/100), bounds < 50 dropped, 7 d last. */
export const BUCKET_BOUNDS: readonly number[] = buildBounds();

function buildBounds(): number[] {
  const g = Math.pow(MAX_DELAY_MS, 1 / 100);
  const out: number[] = [];
  for (let i = 0; i <= 100; i++) {
    const b = Math.floor(Math.pow(g, i));
    if (b >= MIN_BOUND && b < MAX_DELAY_MS && out[out.length - 1] !== b) out.push(b);
  }
  out.push(MAX_DELAY_MS);
  return out;
}

/** The warm-up safety margin after `records` records (including the first). */
export function warmUpMargin(records: number): number {
  if (records <= 250) return MAX_DELAY_MS;
  if (records <= 500) return 30_000;
  if (records <= 750) return 10_000;
  if (records <= 1000) return 1_000;
  return 0;
}

function bucketOf(delay: number): number {
  // Binary search for the first bound ≥ delay; delays past 7 days land in the last bucket.
  let lo = 0;
  let hi = BUCKET_BOUNDS.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((BUCKET_BOUNDS[mid] as number) >= delay) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The histogram generator of one partition. */
export class HistogramWatermarkGenerator implements WatermarkGenerator {
  readonly #ring = new Int32Array(DELAY_CAPACITY);
  readonly #counts = new Int32Array(BUCKET_BOUNDS.length);
  #held = 0;
  #head = 0;
  #records = 0;
  #maxTs = NO_WATERMARK;

  onEvent(ts: number): void {
    if (!Number.isFinite(ts)) return;
    this.#records++;
    if (this.#records === 1) {
      this.#maxTs = ts;
      return;
    }
    const delay = Math.min(Math.max(this.#maxTs - ts, 0), 0x7fffffff);
    if (ts > this.#maxTs) this.#maxTs = ts;
    const bucket = bucketOf(delay);
    if (this.#held === DELAY_CAPACITY) {
      const evicted = this.#ring[this.#head] as number;
      this.#counts[evicted] = (this.#counts[evicted] as number) - 1;
    } else {
      this.#held++;
    }
    this.#ring[this.#head] = bucket;
    this.#head = (this.#head + 1) % DELAY_CAPACITY;
    this.#counts[bucket] = (this.#counts[bucket] as number) + 1;
  }

  /** The 95th-percentile delay bound (the first bucket's bound before any delay was seen). */
  percentile(): number {
    if (this.#held === 0) return BUCKET_BOUNDS[0] as number;
    const target = Math.ceil(this.#held * PERCENTILE);
    let cumulative = 0;
    for (let i = 0; i < this.#counts.length; i++) {
      cumulative += this.#counts[i] as number;
      if (cumulative >= target) return BUCKET_BOUNDS[i] as number;
    }
    return MAX_DELAY_MS;
  }

  current(): number {
    if (this.#records === 0) return NO_WATERMARK;
    return this.#maxTs - (this.percentile() + warmUpMargin(this.#records));
  }
}

/** SOURCE_WATERMARK(): one histogram generator per partition. */
export function sourceWatermark(): WatermarkGeneratorFactory {
  return () => new HistogramWatermarkGenerator();
}
