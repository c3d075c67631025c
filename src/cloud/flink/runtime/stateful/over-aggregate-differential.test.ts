/**
 * Differential property for OVER aggregation: random rows with bounded disorder, random batches,
 * watermarks that never make a row late, snapshot/restore at random points; the output must equal
 * a naive evaluation (rows in rowtime order, ties in arrival order; the frame recomputed per row).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { intType } from '../../types/index.js';
import { formatChange } from '../changelog-notation.js';
import { INSERT, type Row } from '../types.js';
import { OverAggregateOperator, type OverFrame } from './over-aggregate-operator.js';
import { seededRandom } from './seeded-random.js';
import { streamWithRestores } from './streamed-differential.js';

const JITTER = 5;
const FRAMES: readonly OverFrame[] = [
  { kind: 'rows', preceding: 0 }, { kind: 'rows', preceding: 3 }, { kind: 'rows', preceding: Number.POSITIVE_INFINITY },
  { kind: 'range', preceding: 0 }, { kind: 'range', preceding: 7 }, { kind: 'range', preceding: Number.POSITIVE_INFINITY },
];

function naive(frame: OverFrame, rows: readonly Row[], times: readonly number[]): string[] {
  const out: string[] = [];
  const order = rows.map((r, i) => ({ r, t: times[i] as number, i })).sort((a, b) => a.t - b.t || a.i - b.i);
  order.forEach((x) => {
    const peers = order.filter((y) => y.r[0] === x.r[0]);
    const me = peers.findIndex((y) => y.i === x.i);
    const inFrame = frame.kind === 'rows'
      ? peers.slice(Math.max(0, me - frame.preceding), me + 1)
      : peers.filter((y) => y.t <= x.t && y.t >= x.t - frame.preceding);
    const vs = inFrame.map((y) => y.r[1] as number);
    out.push(formatChange([...x.r, BigInt(vs.length), vs.reduce((a, b) => a + b, 0), Math.min(...vs)], INSERT, x.t));
  });
  return out.sort();
}

function streamed(rand: () => number, frame: OverFrame, rows: readonly Row[], times: readonly number[]): string[] {
  const make = () => new OverAggregateOperator({
    partitionKey: (r) => [r[0]], frame,
    aggregates: [{ fn: 'COUNT' }, { fn: 'SUM', arg: (r) => r[1], argType: intType() }, { fn: 'MIN', arg: (r) => r[1], argType: intType() }],
  });
  return streamWithRestores(make, rand, rows, times, JITTER);
}

FRAMES.forEach((frame, f) => {
  test(`OVER ${frame.kind.toUpperCase()} ${frame.preceding} PRECEDING equals the naive evaluation, 100 random runs`, () => {
    for (let seed = 1; seed <= 100; seed++) {
      const rand = seededRandom(seed * 13 + f);
      const n = 5 + Math.floor(rand() * 60);
      const rows: Row[] = [];
      const times: number[] = [];
      let base = 0;
      for (let k = 0; k < n; k++) {
        base += Math.floor(rand() * 3);
        rows.push([`k${Math.floor(rand() * 3)}`, Math.floor(rand() * 50)]);
        times.push(base + Math.floor(rand() * (JITTER + 1)));
      }
      assert.deepEqual(streamed(rand, frame, rows, times), naive(frame, rows, times), `seed ${seed}`);
    }
  });
});
