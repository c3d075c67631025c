/**
 * Differential property for window aggregation: random rows with bounded disorder, random batch
 * splits, watermarks that never make a row late, and snapshot/restore at random points; the
 * output must equal a naive batch computation of the same windows (enumerated independently of
 * the operator's assigner), for each window TVF.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { intType } from '../../../types/index.js';
import { formatChange } from '../../changelog-notation.js';
import { INSERT, type Row } from '../../types.js';
import type { TimeWindow, WindowSpec } from '../types.js';
import { WindowAggregateOperator } from './window-aggregate-operator.js';
import { seededRandom } from '../seeded-random.js';
import { streamWithRestores } from '../streamed-differential.js';

const JITTER = 6;
const SPECS: readonly WindowSpec[] = [
  { kind: 'tumble', size: 10 }, { kind: 'tumble', size: 7, offset: 2 }, { kind: 'hop', slide: 4, size: 12 },
  { kind: 'cumulate', step: 3, maxSize: 12 }, { kind: 'session', gap: 5 },
];

/** Windows containing t, by brute force over candidate starts. */
function naiveWindows(spec: WindowSpec, t: number): TimeWindow[] {
  const out: TimeWindow[] = [];
  const offset = spec.kind === 'session' ? 0 : spec.offset ?? 0;
  if (spec.kind === 'tumble' || spec.kind === 'hop') {
    const size = spec.size;
    const slide = spec.kind === 'hop' ? spec.slide : spec.size;
    for (let start = offset - 1000 * slide; start <= t; start += slide) if (t < start + size) out.push({ start, end: start + size });
  } else if (spec.kind === 'cumulate') {
    for (let start = offset - 1000 * spec.maxSize; start <= t; start += spec.maxSize) {
      for (let end = start + spec.step; end <= start + spec.maxSize; end += spec.step) if (t >= start && t < end) out.push({ start, end });
    }
  }
  return out;
}

function naive(spec: WindowSpec, rows: readonly Row[], times: readonly number[]): string[] {
  const groups = new Map<string, { key: unknown; w: TimeWindow; vs: number[] }>();
  const add = (key: unknown, w: TimeWindow, v: number): void => {
    const id = `${String(key)}|${w.start}|${w.end}`;
    const g = groups.get(id) ?? { key, w, vs: [] };
    g.vs.push(v);
    groups.set(id, g);
  };
  if (spec.kind === 'session') {
    const byKey = new Map<unknown, { t: number; v: number }[]>();
    rows.forEach((r, i) => { const l = byKey.get(r[0]) ?? []; l.push({ t: times[i] as number, v: r[1] as number }); byKey.set(r[0], l); });
    for (const [key, list] of byKey) {
      list.sort((a, b) => a.t - b.t);
      let cur: { start: number; end: number; vs: number[] } | undefined;
      const flush = (): void => { if (cur !== undefined) for (const v of cur.vs) add(key, { start: cur.start, end: cur.end }, v); };
      for (const x of list) {
        if (cur !== undefined && x.t <= cur.end) { cur.end = Math.max(cur.end, x.t + spec.gap); cur.vs.push(x.v); } else { flush(); cur = { start: x.t, end: x.t + spec.gap, vs: [x.v] }; }
      }
      flush();
    }
  } else {
    rows.forEach((r, i) => { for (const w of naiveWindows(spec, times[i] as number)) add(r[0], w, r[1] as number); });
  }
  return [...groups.values()].map((g) => formatChange([g.key, BigInt(g.vs.length), g.vs.reduce((a, b) => a + b, 0), Math.min(...g.vs), g.w.start, g.w.end, g.w.end - 1], INSERT, g.w.end - 1)).sort();
}

function streamed(rand: () => number, spec: WindowSpec, rows: readonly Row[], times: readonly number[]): string[] {
  const make = () => new WindowAggregateOperator({
    window: spec, key: (r) => [r[0]],
    aggregates: [{ fn: 'COUNT' }, { fn: 'SUM', arg: (r) => r[1], argType: intType() }, { fn: 'MIN', arg: (r) => r[1], argType: intType() }],
  });
  return streamWithRestores(make, rand, rows, times, JITTER);
}

for (const spec of SPECS) {
  test(`window aggregation equals the batch computation for ${JSON.stringify(spec)}, 100 random runs`, () => {
    for (let seed = 1; seed <= 100; seed++) {
      const rand = seededRandom(seed * 31 + spec.kind.length);
      const n = 10 + Math.floor(rand() * 80);
      const rows: Row[] = [];
      const times: number[] = [];
      let base = Math.floor(rand() * 20) - 10;
      for (let k = 0; k < n; k++) {
        base += Math.floor(rand() * 4);
        rows.push([`k${Math.floor(rand() * 3)}`, Math.floor(rand() * 100)]);
        times.push(base + Math.floor(rand() * (JITTER + 1)));
      }
      assert.deepEqual(streamed(rand, spec, rows, times), naive(spec, rows, times), `seed ${seed}`);
    }
  });
}
