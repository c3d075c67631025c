/**
 * A bare SESSION window TVF (`SESSION(TABLE t [PARTITION BY k], DESCRIPTOR(ts), gap)`) over an
 * insert-only input: rows are held per partition key in sessions (a row opens `[t, t + gap)`,
 * overlapping sessions merge) until the watermark passes a session's last millisecond; then each of
 * its rows goes out once with window_start, window_end and window_time (= window_end − 1 ms, the
 * new rowtime) appended, in arrival order, sessions by end. A row whose session would already be
 * closed (`t + gap − 1 <= watermark`) is late and dropped, as Flink's window operators drop it.
 * This is what session window joins, Top-N and deduplication read.
 */
import type { Batch, Json, KeyId, Operator, OperatorContext } from '../runtime/index.js';
import { INSERT, decodeRow, encodeRow, tupleKey } from '../runtime/index.js';
import { SqlRuntimeError } from '../types/index.js';

interface Session { start: number; end: number; rows: unknown[][] }

/** Checkpointed state: the watermark and the open sessions with their rows. */
export interface SessionTvfState {
  readonly watermark: number | null;
  readonly sessions: readonly (readonly [Json, number, number, readonly Json[]])[];
}

/** Holds rows in sessions per key and emits them when their session closes. */
export class SessionWindowTvfOperator implements Operator<SessionTvfState> {
  readonly #gap: number;
  readonly #rowtime: (row: unknown[]) => number;
  readonly #key: ((row: unknown[]) => unknown[]) | undefined;
  #sessions = new Map<KeyId, Session[]>();
  #watermark = Number.NEGATIVE_INFINITY;

  constructor(gap: number, rowtime: (row: unknown[]) => number, key?: (row: unknown[]) => unknown[]) {
    this.#gap = gap;
    this.#rowtime = rowtime;
    this.#key = key;
  }

  onBatch(batch: Batch, _input: number, _ctx: OperatorContext): void {
    for (let i = 0; i < batch.size; i++) {
      const row = batch.rows[i] as unknown[];
      const t = this.#rowtime(row);
      if (Number.isNaN(t)) throw new SqlRuntimeError('invalid-argument', 'RowTime field should not be null, please convert it to a non-null long value.');
      if (t + this.#gap - 1 <= this.#watermark) continue;
      this.#add(this.#key === undefined ? '' : tupleKey(this.#key(row)), t, row);
    }
  }

  onWatermark(time: number, ctx: OperatorContext): void {
    this.#watermark = time;
    const due: Session[] = [];
    for (const [k, list] of this.#sessions) {
      const open = list.filter((s) => s.end - 1 > time);
      for (const s of list) if (s.end - 1 <= time) due.push(s);
      if (open.length === 0) this.#sessions.delete(k); else this.#sessions.set(k, open);
    }
    due.sort((a, b) => a.end - b.end);
    for (const s of due) for (const row of s.rows) ctx.emit([...row, s.start, s.end, s.end - 1], INSERT, s.end - 1);
  }

  /** Adds a row to its key's sessions, merging every session `[t, t + gap)` touches. */
  #add(key: KeyId, t: number, row: unknown[]): void {
    const list = this.#sessions.get(key) ?? [];
    let merged: Session = { start: t, end: t + this.#gap, rows: [] };
    const rest: Session[] = [];
    for (const s of list) {
      if (s.start <= merged.end && s.end >= merged.start) {
        merged = { start: Math.min(s.start, merged.start), end: Math.max(s.end, merged.end), rows: [...s.rows, ...merged.rows] };
      } else {
        rest.push(s);
      }
    }
    merged.rows.push(row);
    rest.push(merged);
    this.#sessions.set(key, rest);
  }

  snapshot(): SessionTvfState {
    const sessions: (readonly [Json, number, number, readonly Json[]])[] = [];
    for (const [k, list] of this.#sessions) {
      for (const s of list) sessions.push([typeof k === 'bigint' ? { $b: k.toString() } : k, s.start, s.end, s.rows.map(encodeRow)]);
    }
    return { watermark: Number.isFinite(this.#watermark) ? this.#watermark : null, sessions };
  }

  restore(state: SessionTvfState): void {
    this.#watermark = state.watermark ?? Number.NEGATIVE_INFINITY;
    this.#sessions = new Map();
    for (const [k, start, end, rows] of state.sessions) {
      const key = (k !== null && typeof k === 'object' && '$b' in k ? BigInt(String((k as { $b: string }).$b)) : k) as KeyId;
      const list = this.#sessions.get(key) ?? [];
      list.push({ start, end, rows: rows.map(decodeRow) });
      this.#sessions.set(key, list);
    }
  }

  close(): void { this.#sessions.clear(); }
}
