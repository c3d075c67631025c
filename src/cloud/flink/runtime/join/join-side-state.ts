/**
 * The state of one input of a regular join: the input's current rows grouped by join key, each
 * occurrence with the number of rows of the other input it joins with (used by outer, semi and
 * anti joins) and its processing-time expiry (the STATE_TTL hint).
 *
 * Occurrences are never merged: a duplicate row is a second entry, so an insert is a push and only a
 * retraction searches its bucket (by unique key when the input has one, else by row equality).
 * Expired entries are invisible (Flink's "never return expired") and are dropped when their bucket
 * is touched, and wholesale by `sweep()`. An input with a unique key has an index from unique key to
 * join key, so an upsert finds the row it replaces even when the join key changed. A write (insert, or a change of the association count)
 * restarts the entry's TTL, like Flink's OnCreateAndWrite.
 */
import type { Clock } from '../../../../shared/index.js';
import { invariant } from '../../../../shared/index.js';
import { decodeRow, rowText, valuesEqual, type Json } from '../stateful/value-codec.js';
import type { Row } from '../types.js';
import type { JoinKeyFn } from './types.js';

/** One occurrence of a row in the state. */
export interface JoinEntry {
  readonly row: Row;
  /** Rows of the other input this one joins with (outer/semi/anti bookkeeping). */
  assoc: number;
  /** Processing time after which the entry is gone (Infinity without TTL). */
  expiresAt: number;
  /** The row's snapshot text, once rendered (rows never change). */
  rowText: string | undefined;
}

/** The key under which rows with a NULL join key are kept (null-aware anti joins only). */
export const NULL_KEY: unique symbol = Symbol('null join key');

/** One occurrence in a snapshot: `[row, assoc, expiresAt | null]`. */
type JoinSideEntry = readonly [Json, number, number | null];

/**
 * Snapshot of one side: entries in bucket order, column-wise — each row's JSON text (cached per
 * entry: rows never change), association counts, expiries — or (older snapshots) `JoinSideEntry`s.
 */
export type JoinSideSnapshot = readonly JoinSideEntry[] | JoinSideColumns;

interface JoinSideColumns {
  readonly rows: readonly string[];
  readonly assoc: readonly number[];
  readonly expires: readonly (number | null)[];
}

/** State of one join input. */
export class JoinSideState {
  readonly #key: JoinKeyFn;
  readonly #uniqueKey: JoinKeyFn | undefined;
  readonly #ttl: number;
  readonly #clock: Clock;
  #buckets = new Map<unknown, JoinEntry[]>();
  /** Unique key → join key of the held row (inputs with a unique key only). */
  #byUnique = new Map<unknown, unknown>();
  #size = 0;

  constructor(opts: { readonly key: JoinKeyFn; readonly uniqueKey?: JoinKeyFn | undefined; readonly ttlMs?: number | undefined; readonly clock: Clock }) {
    this.#key = opts.key;
    this.#uniqueKey = opts.uniqueKey;
    this.#ttl = opts.ttlMs ?? Number.POSITIVE_INFINITY;
    this.#clock = opts.clock;
    invariant(this.#ttl > 0, 'state TTL must be positive');
  }

  /** Number of held occurrences (expired ones included until swept). */
  get size(): number { return this.#size; }

  /** The join key of a row, `NULL_KEY` standing for a NULL key. */
  keyOf(row: Row): unknown {
    const k = this.#key(row);
    return k === null || k === undefined ? NULL_KEY : k;
  }

  /** The live entries under `key` (empty array when none). */
  bucket(key: unknown): readonly JoinEntry[] {
    const b = this.#buckets.get(key);
    if (b === undefined) return EMPTY;
    if (this.#ttl !== Number.POSITIVE_INFINITY) return this.#purge(key, b);
    return b;
  }

  /** Every live bucket, in insertion order of keys. */
  *buckets(): IterableIterator<readonly JoinEntry[]> {
    for (const [k, b] of [...this.#buckets]) {
      const live = this.#ttl === Number.POSITIVE_INFINITY ? b : this.#purge(k, b);
      if (live.length > 0) yield live;
    }
  }

  /** Adds one occurrence. */
  add(key: unknown, row: Row, assoc: number): JoinEntry {
    const e: JoinEntry = { row, assoc, expiresAt: this.#expiry(), rowText: undefined };
    const b = this.#buckets.get(key);
    if (b === undefined) this.#buckets.set(key, [e]); else b.push(e);
    this.#size++;
    if (this.#uniqueKey !== undefined) this.#byUnique.set(this.#uniqueKey(row), key);
    return e;
  }

  /** The held occurrence a retraction of `row` refers to (same unique key, else an equal row). */
  find(key: unknown, row: Row): JoinEntry | undefined {
    const b = this.bucket(key);
    const uk = this.#uniqueKey;
    if (uk !== undefined) {
      const id = uk(row);
      return b.find((e) => valuesEqual(uk(e.row), id));
    }
    return b.find((e) => valuesEqual(e.row, row));
  }

  /** The held row with the same unique key as `row`, searched in every bucket (its join key may differ). */
  findByUniqueKey(row: Row): { readonly key: unknown; readonly entry: JoinEntry } | undefined {
    const uk = this.#uniqueKey;
    invariant(uk !== undefined, 'findByUniqueKey on an input without a unique key');
    const id = uk(row);
    if (!this.#byUnique.has(id)) return undefined;
    const key = this.#byUnique.get(id);
    const entry = this.bucket(key).find((e) => valuesEqual(uk(e.row), id));
    return entry === undefined ? undefined : { key, entry };
  }

  /** Removes one occurrence. */
  remove(key: unknown, entry: JoinEntry): void {
    const b = this.#buckets.get(key);
    if (b === undefined) return;
    const i = b.indexOf(entry);
    if (i < 0) return;
    b.splice(i, 1);
    this.#size--;
    if (b.length === 0) this.#buckets.delete(key);
    this.#unindex(key, entry);
  }

  /** Records a write to an entry (its association count changed): restarts its TTL. */
  touch(entry: JoinEntry): void { entry.expiresAt = this.#expiry(); }

  /** Drops every expired entry. */
  sweep(): void {
    if (this.#ttl === Number.POSITIVE_INFINITY) return;
    for (const [k, b] of [...this.#buckets]) this.#purge(k, b);
  }

  /** Live entries as plain data. */
  snapshot(): JoinSideSnapshot {
    this.sweep();
    const rows: string[] = [];
    const assoc: number[] = [];
    const expires: (number | null)[] = [];
    for (const b of this.#buckets.values()) {
      for (const e of b) {
        e.rowText ??= rowText(e.row);
        rows.push(e.rowText);
        assoc.push(e.assoc);
        expires.push(Number.isFinite(e.expiresAt) ? e.expiresAt : null);
      }
    }
    return { rows, assoc, expires };
  }

  /** Replaces the state with a snapshot (keys are recomputed from the rows). */
  restore(s: JoinSideSnapshot): void {
    this.#buckets = new Map();
    this.#byUnique = new Map();
    this.#size = 0;
    const entries = 'rows' in s ? columnEntries(s) : s;
    for (const [row, assoc, exp] of entries) {
      const r = decodeRow(row);
      const e = this.add(this.keyOf(r), r, assoc);
      e.expiresAt = exp ?? Number.POSITIVE_INFINITY;
    }
  }

  #expiry(): number {
    return this.#ttl === Number.POSITIVE_INFINITY ? this.#ttl : this.#clock.now() + this.#ttl;
  }

  #purge(key: unknown, b: JoinEntry[]): JoinEntry[] {
    const now = this.#clock.now();
    let live = 0;
    for (const e of b) if (e.expiresAt > now) live++;
    if (live === b.length) return b;
    const kept = b.filter((e) => e.expiresAt > now);
    for (const e of b) if (e.expiresAt <= now) this.#unindex(key, e);
    this.#size -= b.length - kept.length;
    if (kept.length === 0) this.#buckets.delete(key); else this.#buckets.set(key, kept);
    return kept;
  }

  #unindex(key: unknown, entry: JoinEntry): void {
    const uk = this.#uniqueKey;
    if (uk === undefined) return;
    const id = uk(entry.row);
    if (this.#byUnique.get(id) === key) this.#byUnique.delete(id);
  }
}

const EMPTY: readonly JoinEntry[] = [];

function columnEntries(s: JoinSideColumns): JoinSideEntry[] {
  return s.rows.map((text, i) => [JSON.parse(text) as Json, s.assoc[i] ?? 0, s.expires[i] ?? null]);
}
