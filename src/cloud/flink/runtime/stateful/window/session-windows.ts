/**
 * SESSION windows of one operator: per partition key, the open sessions as [start, end) with the
 * rows they hold. A row at t opens [t, t + gap) and merges every session it touches (Flink's
 * TimeWindow.intersects: touching windows merge). Rows are kept, not pre-aggregated, because a
 * merge joins groups of rows (aggregation happens once, when the session fires).
 */
import type { Row } from '../../types.js';
import { compareKeyIds, decodeRow, encodeRow, type Json, type KeyId } from '../value-codec.js';

/** One open session. */
export interface Session {
  readonly start: number;
  readonly end: number;
  readonly rows: Row[];
}

/** A session that is complete, with its partition key. */
export interface FiredSession extends Session {
  readonly key: unknown[];
}

/** A session as stored: merged in place. */
interface MutableSession { start: number; end: number; readonly rows: Row[] }

interface Partition {
  readonly key: unknown[];
  sessions: Session[];
}

/** The open sessions of all partitions. */
export class SessionWindows {
  readonly #gap: number;
  #parts = new Map<KeyId, Partition>();

  constructor(gap: number) { this.#gap = gap; }

  /**
   * Adds a row at `t` under `key`; returns false (and changes nothing) when the merged session
   * would already be complete at `watermark` — the row is late.
   */
  add(id: KeyId, key: unknown[], t: number, row: Row, watermark: number): boolean {
    const p = this.#parts.get(id);
    const sessions = p?.sessions ?? [];
    let start = t;
    let end = t + this.#gap;
    // Sessions of a key are disjoint and sorted by start, so the ones [t, t + gap) touches are
    // adjacent: merge them into the first in place (copying rows per add would be quadratic in
    // the session's length).
    let first = -1;
    let count = 0;
    for (let i = 0; i < sessions.length; i++) {
      const s = sessions[i] as Session;
      if (s.start <= t + this.#gap && s.end >= t) {
        if (first < 0) first = i;
        count++;
        if (s.start < start) start = s.start;
        if (s.end > end) end = s.end;
      }
    }
    if (end - 1 <= watermark) return false;
    if (count === 0) {
      let at = 0;
      while (at < sessions.length && (sessions[at] as Session).start < start) at++;
      sessions.splice(at, 0, { start, end, rows: [row] });
      if (p === undefined) this.#parts.set(id, { key, sessions });
      return true;
    }
    const target = sessions[first] as MutableSession;
    for (let i = first + 1; i < first + count; i++) for (const r of (sessions[i] as Session).rows) target.rows.push(r);
    target.rows.push(row);
    target.start = start;
    target.end = end;
    if (count > 1) sessions.splice(first + 1, count - 1);
    return true;
  }

  /** Removes and returns the sessions complete at `watermark`, by end, then start, then key. */
  fire(watermark: number): FiredSession[] {
    const out: (FiredSession & { id: KeyId })[] = [];
    for (const [id, p] of this.#parts) {
      const open: Session[] = [];
      for (const s of p.sessions) {
        if (s.end - 1 <= watermark) out.push({ ...s, key: p.key, id }); else open.push(s);
      }
      if (open.length === 0) this.#parts.delete(id); else p.sessions = open;
    }
    return out.sort((a, b) => a.end - b.end || a.start - b.start || compareKeyIds(a.id, b.id));
  }

  snapshot(): Json {
    return [...this.#parts.values()].map((p) => [encodeRow(p.key), p.sessions.map((s) => [s.start, s.end, s.rows.map(encodeRow)])]);
  }

  restore(state: Json, keyId: (key: unknown[]) => KeyId): void {
    this.#parts = new Map();
    for (const [k, sessions] of state as readonly (readonly [Json, readonly (readonly [number, number, readonly Json[]])[]])[]) {
      const key = decodeRow(k);
      this.#parts.set(keyId(key), { key, sessions: sessions.map(([start, end, rows]) => ({ start, end, rows: rows.map(decodeRow) })) });
    }
  }
}
