/**
 * Differential property for LAG(x, offset, default) in an OVER window (the frames Flink allows it
 * in: ROWS and RANGE UNBOUNDED PRECEDING): random rows with bounded disorder and NULLs, random
 * batches, watermarks that never make a row late, snapshot/restore at random points; the output
 * must equal a naive evaluation (ROWS: the value `offset` rows back; RANGE: `offset` rows back from
 * the last peer of the row's rowtime, so peers share it).
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
const DEFAULT = -1;

function naive(frame: OverFrame, offset: number, rows: readonly Row[], times: readonly number[]): string[] {
  const order = rows.map((r, i) => ({ r, t: times[i] as number, i })).sort((a, b) => a.t - b.t || a.i - b.i);
  return order.map((x) => {
    const peers = order.filter((y) => y.r[0] === x.r[0]);
    const me = frame.kind === 'rows' ? peers.findIndex((y) => y.i === x.i) : peers.filter((y) => y.t <= x.t).length - 1;
    const at = me - offset;
    const lag = at >= 0 ? (peers[at] as { r: Row }).r[1] : null;
    const lagDefault = at >= 0 ? (peers[at] as { r: Row }).r[1] : DEFAULT;
    return formatChange([...x.r, lag, lagDefault], INSERT, x.t);
  }).sort();
}

function streamed(rand: () => number, frame: OverFrame, offset: number, rows: readonly Row[], times: readonly number[]): string[] {
  const make = () => new OverAggregateOperator({
    partitionKey: (r) => [r[0]], frame,
    aggregates: [
      { fn: 'LAG', arg: (r) => r[1], argType: intType(), lag: { offset, withDefault: false } },
      { fn: 'LAG', arg: (r) => [r[1], DEFAULT], argType: intType(), lag: { offset, withDefault: true } },
    ],
  });
  return streamWithRestores(make, rand, rows, times, JITTER);
}

for (const kind of ['rows', 'range'] as const) {
  test(`LAG over ${kind.toUpperCase()} UNBOUNDED PRECEDING equals the naive evaluation, 100 random runs`, () => {
    const frame: OverFrame = { kind, preceding: Number.POSITIVE_INFINITY };
    for (let seed = 1; seed <= 100; seed++) {
      const rand = seededRandom(seed * 31 + (kind === 'rows' ? 0 : 7));
      const offset = Math.floor(rand() * 3);
      const n = 5 + Math.floor(rand() * 60);
      const rows: Row[] = [];
      const times: number[] = [];
      let base = 0;
      for (let k = 0; k < n; k++) {
        base += Math.floor(rand() * 3);
        rows.push([`k${Math.floor(rand() * 3)}`, rand() < 0.1 ? null : Math.floor(rand() * 50)]);
        times.push(base + Math.floor(rand() * (JITTER + 1)));
      }
      assert.deepEqual(streamed(rand, frame, offset, rows, times), naive(frame, offset, rows, times), `seed ${seed} offset ${offset}`);
    }
  });
}
