/**
 * The examples catalog's generated tables (confluent-flink.md §3.2, §4): each source produces
 * `rows-per-second` (50) rows per wall-clock second of realistic data, paced by the injected clock.
 *
 * Pacing: every poll adds `elapsed ms × rate` to an integer credit (in row-milliseconds, so no
 * float drift) and emits ⌊credit / 1000⌋ rows. The credit is capped at `maxCatchUpMs` worth of
 * rows: after a stall the source catches up by at most one second, never with a burst.
 * `nextDueAt()` tells a scheduler when the next row becomes due.
 *
 * `$rowtime` is the generation wall-clock time, strictly ascending: a row generated in the same
 * millisecond as (or, after a clock step back, before) the previous one gets previous + 1 ms.
 * Watermarks go through the runtime's generator plug-in; the default is the examples catalog's
 * SOURCE_WATERMARK(), "max rowtime seen" (strictly ascending, no delay).
 *
 * Changelog: `clicks` and `orders` are append tables and emit +I. `customers` and `products` are
 * upsert tables keyed by their primary key: like an upsert-mode topic read by TopicSource, every
 * row is +U (UPDATE_AFTER) and the planner's changelog normalisation (materialising the key)
 * turns the first row of a key into +I and later ones into -U/+U pairs downstream.
 *
 * Position: rows emitted, the PRNG state after the last row and the last rowtime, so a restored
 * source continues the same sequence of rows.
 */
import type { Faker } from '@faker-js/faker';
import { invariant, systemClock, systemIds, type Clock, type IdSource } from '../../../../shared/index.js';
import type { BatchBuilder } from '../batch.js';
import type { Source } from '../source.js';
import { INSERT, NO_WATERMARK, UPDATE_AFTER, type PollStatus, type RowKindByte } from '../types.js';
import { ascendingTimestamps, type WatermarkGenerator } from '../watermark-generators.js';
import { englishFakerWith, isUpsertTable, ROW_BUILDERS, type RowBuilder } from './faker-rows.js';
import { SeededRandom } from './seeded-random.js';
import type { ExampleTableName, FakerSourceOptions, FakerSourcePosition } from './types.js';

/** The examples catalog's `rows-per-second`. */
export const EXAMPLES_ROWS_PER_SECOND = 50;
/** Default catch-up limit: one second of owed rows. */
export const DEFAULT_MAX_CATCH_UP_MS = 1000;

const TABLE_SALT: Readonly<Record<ExampleTableName, number>> = { clicks: 1, customers: 2, orders: 3, products: 4 };

/** One `examples.marketplace` table as a paced, checkpointable generated source. */
export class FakerSource implements Source {
  readonly #table: ExampleTableName;
  readonly #clock: Clock;
  readonly #rate: number;
  readonly #limit: number;
  readonly #unpaced: boolean;
  readonly #maxCredit: number;
  readonly #random: SeededRandom;
  readonly #faker: Faker;
  readonly #build: RowBuilder;
  readonly #kind: RowKindByte;
  readonly #gen: WatermarkGenerator;
  #emitted = 0;
  #lastRowtime = NO_WATERMARK;
  #watermark = NO_WATERMARK;
  /** Owed rows × 1000 (row-milliseconds). */
  #credit = 0;
  #lastPollAt: number | null = null;

  constructor(opts: FakerSourceOptions) {
    this.#table = opts.table;
    this.#clock = opts.clock ?? systemClock;
    this.#rate = opts.rowsPerSecond ?? EXAMPLES_ROWS_PER_SECOND;
    invariant(Number.isInteger(this.#rate) && this.#rate > 0, 'faker source: rowsPerSecond must be a positive integer');
    this.#limit = opts.rowsLimit ?? Number.POSITIVE_INFINITY;
    this.#unpaced = opts.unpaced ?? false;
    const catchUp = opts.maxCatchUpMs ?? DEFAULT_MAX_CATCH_UP_MS;
    // At least one row may always be owed, whatever the limit.
    this.#maxCredit = Math.max(1000, Math.floor(catchUp) * this.#rate);
    // The table is mixed in so that two tables with the same seed do not share their values.
    this.#random = new SeededRandom([opts.seed ?? seedFrom(opts.ids ?? systemIds), TABLE_SALT[opts.table]]);
    this.#faker = englishFakerWith(this.#random);
    this.#build = ROW_BUILDERS[opts.table];
    this.#kind = isUpsertTable(opts.table) ? UPDATE_AFTER : INSERT;
    this.#gen = (opts.watermarks ?? ascendingTimestamps())();
  }

  get watermark(): number { return this.#watermark; }
  /** A single generated partition that always has data coming is never idle. */
  get idle(): boolean { return false; }
  /** Rows emitted so far (restored sources count from their position). */
  get emitted(): number { return this.#emitted; }

  /** Clock time at which the next row is due (now when one is already due; +∞ when bounded and done). */
  nextDueAt(): number {
    if (this.#emitted >= this.#limit) return Number.POSITIVE_INFINITY;
    const now = this.#clock.now();
    if (this.#unpaced || this.#lastPollAt === null) return now;
    const missing = 1000 - this.#credit - (now - this.#lastPollAt) * this.#rate;
    return missing <= 0 ? now : now + Math.ceil(missing / this.#rate);
  }

  poll(out: BatchBuilder, max: number): PollStatus {
    if (this.#emitted >= this.#limit) return 'end';
    const now = this.#clock.now();
    let n = Math.min(max, this.#limit - this.#emitted);
    if (!this.#unpaced) {
      this.#accrue(now);
      n = Math.min(n, Math.floor(this.#credit / 1000));
      this.#credit -= n * 1000;
    }
    for (let i = 0; i < n; i++) {
      const row = this.#build(this.#faker);
      const rowtime = now > this.#lastRowtime ? now : this.#lastRowtime + 1;
      this.#lastRowtime = rowtime;
      this.#gen.onEvent(rowtime);
      out.push(row, this.#kind, rowtime);
    }
    this.#emitted += n;
    const w = this.#gen.current();
    if (w > this.#watermark) this.#watermark = w;
    if (n > 0) return 'data';
    return 'idle';
  }

  snapshot(): FakerSourcePosition {
    const last = this.#lastRowtime;
    return { table: this.#table, emitted: this.#emitted, random: this.#random.state(), lastRowtime: Number.isFinite(last) ? last : null };
  }

  restore(position: unknown): void {
    const p = position as Partial<FakerSourcePosition>;
    invariant(p.table === this.#table, `faker source: position of table ${String(p.table)} restored into ${this.#table}`);
    invariant(typeof p.emitted === 'number' && Array.isArray(p.random), 'faker source: malformed position');
    this.#emitted = p.emitted;
    this.#random.setState(p.random);
    if (typeof p.lastRowtime === 'number') {
      this.#lastRowtime = p.lastRowtime;
      // Rows before the checkpoint were already seen downstream: the watermark resumes from them.
      this.#gen.onEvent(p.lastRowtime);
    }
    this.#credit = 0;
    this.#lastPollAt = null;
  }

  close(): void { /* nothing held */ }

  #accrue(now: number): void {
    if (this.#lastPollAt === null) {
      // Pacing starts at the first poll: the first row is due 1000 / rate ms later.
      this.#lastPollAt = now;
      return;
    }
    const elapsed = now - this.#lastPollAt;
    this.#lastPollAt = now;
    if (elapsed <= 0) return;
    this.#credit = Math.min(this.#maxCredit, this.#credit + elapsed * this.#rate);
  }
}

function seedFrom(ids: IdSource): number {
  const b = ids.bytes(4);
  return new DataView(b.buffer, b.byteOffset, 4).getUint32(0);
}
