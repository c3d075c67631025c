/**
 * Plain data at the generated sources' boundaries: options handed over by the planner and the
 * JSON positions the sources put into checkpoints.
 */
import type { Clock, IdSource } from '../../../../shared/index.js';
import type { WatermarkGeneratorFactory } from '../watermark-generators.js';
import type { RandomState } from './seeded-random.js';

/** The four tables of `examples`.`marketplace` (confluent-flink.md §4). */
export type ExampleTableName = 'clicks' | 'customers' | 'orders' | 'products';

/** What a planner hands to a faker source. */
export interface FakerSourceOptions {
  readonly table: ExampleTableName;
  /** Pacing in rows per wall-clock second (default 50, the examples catalog's `rows-per-second`). */
  readonly rowsPerSecond?: number;
  /** Bounded mode: end after this many rows (tests). Default unbounded. */
  readonly rowsLimit?: number;
  /** Emit as fast as polled instead of pacing to `rowsPerSecond` (rowtimes stay strictly ascending). */
  readonly unpaced?: boolean;
  /**
   * Catch-up limit: at most this much wall time of owed rows is kept (default 1000 ms). A source
   * that was not polled for a minute emits one second's worth, not a minute's burst.
   */
  readonly maxCatchUpMs?: number;
  /** Deterministic data: the same seed gives the same rows. Default: 4 bytes from `ids`. */
  readonly seed?: number;
  readonly ids?: IdSource;
  readonly clock?: Clock;
  /** Default: strictly ascending on `$rowtime` (the examples catalog's SOURCE_WATERMARK()). */
  readonly watermarks?: WatermarkGeneratorFactory;
}

/** The checkpointed position of a faker source: rows emitted and the PRNG state after the last. */
export interface FakerSourcePosition {
  readonly table: ExampleTableName;
  readonly emitted: number;
  readonly random: RandomState;
  /** The last rowtime emitted (null before the first row), so restored rowtimes stay ascending. */
  readonly lastRowtime: number | null;
}

/** `rate.shape` of the nexmark connector. */
export type RateShape = 'SQUARE' | 'SINE';

/** The nexmark connector's options after parsing (nexmark.md §1), with defaults applied. */
export interface NexmarkConfig {
  /** `first-event.rate` / `next-event.rate`: events per second used to space event timestamps. */
  readonly firstEventRate: number;
  readonly nextEventRate: number;
  readonly rateShape: RateShape;
  /** `rate.period` in milliseconds. */
  readonly ratePeriodMs: number;
  /** `rate.limited`: accepted and ignored, as in the Flink source reader. */
  readonly rateLimited: boolean;
  /** `events.num`: total events, 0 = unbounded. */
  readonly eventsNum: number;
  readonly personProportion: number;
  readonly auctionProportion: number;
  readonly bidProportion: number;
  /** Target average sizes in bytes (8 per number, 1 per string character). */
  readonly personAvgSize: number;
  readonly auctionAvgSize: number;
  readonly bidAvgSize: number;
  readonly hotAuctionRatio: number;
  readonly hotBidderRatio: number;
  readonly hotSellerRatio: number;
  /** Keep the source open (idle) after the last event instead of ending. */
  readonly keepAlive: boolean;
  /** Stop after event N (−1 = no stop). */
  readonly stopAt: number;
  /** `base-time`: epoch millis of the first event's timestamp; absent = the clock when the source starts. Fixing it makes output reproducible. */
  readonly baseTime?: number;
  /** True: emit as fast as possible; false: emit an event once the clock reaches its timestamp. */
  readonly maxEmitSpeed: boolean;
}

/** What a planner hands to a nexmark source besides the parsed options. */
export interface NexmarkSourceOptions {
  readonly config: NexmarkConfig;
  /** Event time of event 0 (default: the clock's time when the source is created). */
  readonly baseTime?: number;
  /** Mixed into every event's randomness (default 0: the standard sequence). */
  readonly seed?: number;
  readonly clock?: Clock;
  /** Default: none (the nexmark DDL declares `WATERMARK FOR dateTime AS dateTime - INTERVAL '4' SECOND`). */
  readonly watermarks?: WatermarkGeneratorFactory;
}

/** The checkpointed position of a nexmark source: every event is a pure function of its number. */
export interface NexmarkSourcePosition {
  readonly nextEvent: number;
  readonly baseTime: number;
}
