import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BUCKET_BOUNDS, HistogramWatermarkGenerator, MAX_DELAY_MS, warmUpMargin } from './index.js';

const T0 = 1_700_000_000_000;

test('bucket bounds grow exponentially from about 50 ms to exactly 7 days', () => {
  assert.ok((BUCKET_BOUNDS[0] as number) >= 50 && (BUCKET_BOUNDS[0] as number) < 60);
  assert.equal(BUCKET_BOUNDS[BUCKET_BOUNDS.length - 1], MAX_DELAY_MS);
  assert.ok(BUCKET_BOUNDS.length > 60 && BUCKET_BOUNDS.length <= 101);
  for (let i = 1; i < BUCKET_BOUNDS.length; i++) assert.ok((BUCKET_BOUNDS[i] as number) > (BUCKET_BOUNDS[i - 1] as number));
});

test('no watermark before the first record; the first 250 records carry a 7-day margin', () => {
  const g = new HistogramWatermarkGenerator();
  assert.equal(g.current(), Number.NEGATIVE_INFINITY);
  for (let i = 0; i < 250; i++) g.onEvent(T0 + i * 1000);
  const max = T0 + 249 * 1000;
  assert.equal(g.current(), max - (g.percentile() + MAX_DELAY_MS));
});

test('warm-up margins shrink at 250/500/750/1000 records', () => {
  assert.deepEqual([1, 250, 251, 500, 501, 750, 751, 1000, 1001].map(warmUpMargin), [MAX_DELAY_MS, MAX_DELAY_MS, 30_000, 30_000, 10_000, 10_000, 1_000, 1_000, 0]);
  const g = new HistogramWatermarkGenerator();
  const seen: number[] = [];
  for (let n = 1; n <= 1001; n++) {
    g.onEvent(T0 + n * 10);
    if ([250, 251, 501, 751, 1001].includes(n)) seen.push(T0 + n * 10 - g.current() - g.percentile());
  }
  assert.deepEqual(seen, [MAX_DELAY_MS, 30_000, 10_000, 1_000, 0]);
});

test('in-order records give the smallest bucket: watermark = maxTs − ~50 ms after warm-up', () => {
  const g = new HistogramWatermarkGenerator();
  for (let i = 0; i < 2000; i++) g.onEvent(T0 + i);
  assert.equal(g.percentile(), BUCKET_BOUNDS[0]);
  assert.equal(g.current(), T0 + 1999 - (BUCKET_BOUNDS[0] as number));
});

test('the 95th percentile of delays decides the watermark delay', () => {
  const g = new HistogramWatermarkGenerator();
  let t = T0;
  g.onEvent(t);
  // 2000 delays: 90 % on time, 10 % five seconds late → p95 is the bucket holding 5 s.
  for (let i = 0; i < 2000; i++) {
    t += 100;
    g.onEvent(i % 10 === 0 ? t - 5000 : t);
  }
  const p = g.percentile();
  const idx = BUCKET_BOUNDS.indexOf(p);
  assert.ok(p >= 5000 && (BUCKET_BOUNDS[idx - 1] as number) < 5000, `p95 ${p} is the first bound ≥ 5 s`);
  assert.equal(g.current(), t - p);
});

test('only the last 5000 delays count: an old burst of late records is forgotten', () => {
  const g = new HistogramWatermarkGenerator();
  let t = T0;
  g.onEvent(t);
  for (let i = 0; i < 1000; i++) { t += 100; g.onEvent(t); g.onEvent(t - 60_000); } // half a minute late
  assert.ok(g.percentile() >= 60_000);
  for (let i = 0; i < 5000; i++) { t += 100; g.onEvent(t); } // then in order
  assert.equal(g.percentile(), BUCKET_BOUNDS[0]);
});
