/**
 * Event-time temporal join: `probe JOIN versioned FOR SYSTEM_TIME AS OF probe.time ON probe.k = versioned.pk`.
 *
 * The versioned input (1) is an upsert/retract changelog with a primary key and a version time: a
 * +I/+U at time t starts a version valid from t, a -D at t ends the key's history from t (no version
 * then), a -U is ignored (the following +U or -D says what happens). Versions are kept per key in
 * time order (same time: the later arrival wins).
 *
 * Probe rows (input 0, any row kind) are buffered until the combined watermark (min of both inputs)
 * reaches their time, because only then are all versions up to that time known; they then go out
 * in time order (then arrival order), joined with the version valid at their time, keeping their
 * own row kind and rowtime. LEFT pads a probe without a valid version. After an emission, for each
 * key only the newest version at or before the watermark and the later ones are kept: every probe
 * still to come is newer. (A probe arriving already behind the watermark is emitted with the next
 * watermark against the versions that remain — Flink behaves the same.)
 */
import type { Batch } from '../batch.js';
import type { Operator, OperatorContext } from '../operator.js';
import { decodeRow, encodeRow, type Json } from '../stateful/value-codec.js';
import { DELETE, NO_WATERMARK, UPDATE_BEFORE, type Row } from '../types.js';
import type { TemporalJoinSpec } from './types.js';

interface Probe { readonly row: Row; readonly kind: number; readonly time: number; readonly seq: number }
interface Version { readonly row: Row; readonly time: number; readonly deleted: boolean }

/** Checkpointed state: buffered probes `[row, kind, time, seq]` and versions `[row, time, deleted]`. */
export interface TemporalJoinState {
  readonly watermark: number | null;
  readonly seq: number;
  readonly probes: readonly (readonly [Json, number, number, number])[];
  readonly versions: readonly (readonly [Json, number, boolean])[];
}

/** The event-time temporal join operator; input 0 probes, input 1 is the versioned table. */
export class TemporalJoinOperator implements Operator<TemporalJoinState> {
  readonly #spec: TemporalJoinSpec;
  #probes: Probe[] = [];
  #versions = new Map<unknown, Version[]>();
  #wm = NO_WATERMARK;
  #seq = 0;

  constructor(spec: TemporalJoinSpec) {
    this.#spec = spec;
  }

  /** Buffered probes and held versions (for tests). */
  get stateSize(): { readonly probes: number; readonly versions: number } {
    let v = 0;
    for (const b of this.#versions.values()) v += b.length;
    return { probes: this.#probes.length, versions: v };
  }

  onBatch(batch: Batch, input: number, ctx: OperatorContext): void {
    for (let i = 0; i < batch.size; i++) {
      const row = batch.rows[i] as Row;
      const kind = batch.kinds[i] as number;
      if (input === 0) this.#probe(row, kind, ctx); else this.#version(row, kind);
    }
  }

  onWatermark(time: number, ctx: OperatorContext): void {
    if (time <= this.#wm) return;
    this.#wm = time;
    const due = this.#probes.filter((p) => p.time <= time).sort((a, b) => a.time - b.time || a.seq - b.seq);
    if (due.length > 0) this.#probes = this.#probes.filter((p) => p.time > time);
    for (const p of due) this.#emit(p.row, p.kind, p.time, this.#lookup(p.row, p.time), ctx);
    this.#cleanUp(time);
  }

  snapshot(): TemporalJoinState {
    const versions: (readonly [Json, number, boolean])[] = [];
    for (const b of this.#versions.values()) for (const v of b) versions.push([encodeRow(v.row), v.time, v.deleted]);
    return {
      watermark: Number.isFinite(this.#wm) ? this.#wm : null,
      seq: this.#seq,
      probes: this.#probes.map((p) => [encodeRow(p.row), p.kind, p.time, p.seq] as const),
      versions,
    };
  }

  restore(s: TemporalJoinState): void {
    this.#wm = s.watermark ?? NO_WATERMARK;
    this.#seq = s.seq;
    this.#probes = s.probes.map(([row, kind, time, seq]) => ({ row: decodeRow(row), kind, time, seq }));
    this.#versions = new Map();
    for (const [row, time, deleted] of s.versions) {
      const r = decodeRow(row);
      const key = this.#spec.right.key(r);
      const b = this.#versions.get(key);
      if (b === undefined) this.#versions.set(key, [{ row: r, time, deleted }]); else b.push({ row: r, time, deleted });
    }
  }

  close(): void { /* nothing held outside the heap */ }

  #probe(row: Row, kind: number, ctx: OperatorContext): void {
    const time = this.#spec.left.time(row);
    const key = this.#spec.left.key(row);
    if (time === null || key === null || key === undefined) {
      this.#emit(row, kind, time ?? Number.NaN, undefined, ctx);
      return;
    }
    this.#probes.push({ row, kind, time, seq: this.#seq++ });
  }

  #version(row: Row, kind: number): void {
    if (kind === UPDATE_BEFORE) return;
    const key = this.#spec.right.key(row);
    const time = this.#spec.right.time(row);
    if (key === null || key === undefined || time === null) return;
    const v: Version = { row, time, deleted: kind === DELETE };
    const b = this.#versions.get(key);
    if (b === undefined) { this.#versions.set(key, [v]); return; }
    let i = b.length;
    while (i > 0 && (b[i - 1] as Version).time > time) i--;
    b.splice(i, 0, v);
  }

  /** The version of the probe's key valid at `time`, if any. */
  #lookup(row: Row, time: number): Row | undefined {
    const b = this.#versions.get(this.#spec.left.key(row));
    if (b === undefined) return undefined;
    for (let i = b.length - 1; i >= 0; i--) {
      const v = b[i] as Version;
      if (v.time <= time) return v.deleted ? undefined : v.row;
    }
    return undefined;
  }

  #emit(probe: Row, kind: number, time: number, version: Row | undefined, ctx: OperatorContext): void {
    const residual = this.#spec.residual;
    if (version !== undefined && (residual === undefined || residual(probe, version) === true)) {
      ctx.emit([...probe, ...version], kind, time);
    } else if (this.#spec.kind === 'LEFT') {
      ctx.emit([...probe, ...new Array<unknown>(this.#spec.right.arity).fill(null)], kind, time);
    }
  }

  /** Drops versions no future probe can see: all but the newest at or before `wm` (and that one when it is a delete). */
  #cleanUp(wm: number): void {
    for (const [key, b] of [...this.#versions]) {
      let last = -1;
      for (let i = 0; i < b.length && (b[i] as Version).time <= wm; i++) last = i;
      if (last < 0) continue;
      const from = (b[last] as Version).deleted ? last + 1 : last;
      if (from === 0) continue;
      const kept = b.slice(from);
      if (kept.length === 0) this.#versions.delete(key); else this.#versions.set(key, kept);
    }
  }
}

