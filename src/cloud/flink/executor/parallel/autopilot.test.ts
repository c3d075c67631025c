import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AutopilotPolicy } from './autopilot.js';

const policy = (): AutopilotPolicy => new AutopilotPolicy({ scaleUpPendingRecords: 100, scaleUpAfterSamples: 3, scaleDownPendingRecords: 5, scaleDownAfterSamples: 4, cooldownMs: 1000 });

test('scales up (doubling, capped at the max) only after enough large samples that do not shrink', () => {
  const p = policy();
  const at = (pending: number, now: number, parallelism = 1): number | undefined => p.observe('s', { parallelism, maxParallelism: 3, pendingRecords: pending, now });
  assert.equal(at(500, 0), undefined);
  assert.equal(at(600, 1), undefined);
  assert.equal(at(700, 2), 2, 'three large, growing samples');
  p.rescaled('s', 2);
  assert.equal(at(900, 10, 2), undefined, 'cool-down (the sample still counts)');
  assert.equal(at(900, 1100, 2), undefined);
  assert.equal(at(900, 1200, 2), 3, 'a steady backlog is not shrinking: double, capped at 3');
});

test('a draining backlog does not scale up; a small one does not either', () => {
  const p = policy();
  const at = (pending: number, now: number): number | undefined => p.observe('s', { parallelism: 1, maxParallelism: 4, pendingRecords: pending, now });
  assert.equal(at(1000, 0), undefined);
  assert.equal(at(800, 1), undefined);
  assert.equal(at(700, 2), undefined, '700 < 0.8 × 1000: it drains on its own');
  const q = policy();
  for (let i = 0; i < 10; i++) assert.equal(q.observe('s', { parallelism: 1, maxParallelism: 4, pendingRecords: 99, now: i }), undefined);
});

test('scales down (halving) after enough near-zero samples; at 1 it stays; beyond the max it comes back at once', () => {
  const p = policy();
  const at = (pending: number, now: number, parallelism: number): number | undefined => p.observe('s', { parallelism, maxParallelism: 4, pendingRecords: pending, now });
  for (let i = 0; i < 3; i++) assert.equal(at(i, i, 4), undefined);
  assert.equal(at(5, 3, 4), 2);
  p.rescaled('s', 3);
  for (let i = 0; i < 3; i++) assert.equal(at(0, 2000 + i, 2), undefined);
  assert.equal(at(0, 2003, 2), 1);
  p.rescaled('s', 2003);
  for (let i = 0; i < 8; i++) assert.equal(at(0, 4000 + i, 1), undefined);
  // The source lost partitions: the max dropped below the parallelism.
  assert.equal(p.observe('t', { parallelism: 4, maxParallelism: 2, pendingRecords: 0, now: 0 }), 2);
});
