import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixedClock } from '../../../shared/index.js';
import { TopicLogStore } from '../../kafka/index.js';
import { ascendingTimestamps, BatchBuilder, IdlenessTracker, rawDeserializer, TopicSource, type IdlenessSetting } from './index.js';

const T0 = 1_700_000_000_000;

function twoPartitionSource(t: TestContext, idleness?: IdlenessSetting): { logs: TopicLogStore; clock: ReturnType<typeof fixedClock>; src: TopicSource; poll: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streamform-idle-'));
  const clock = fixedClock(T0);
  const logs = TopicLogStore.open(path.join(dir, 'cloud.db'), { clock });
  logs.createTopic('c', 't', { partitionsCount: 2 });
  t.after(() => { logs.close(); fs.rmSync(dir, { recursive: true, force: true }); });
  const src = new TopicSource({ logs, cluster: 'c', topic: 't', mode: 'append', deserializer: rawDeserializer(), watermarks: ascendingTimestamps(), clock, ...(idleness === undefined ? {} : { idleness }) });
  const out = new BatchBuilder();
  return { logs, clock, src, poll: () => { out.reset(); src.poll(out, 100); } };
}

test('an empty partition holds the watermark back until it is idle after 15 s', (t) => {
  const { logs, clock, src, poll } = twoPartitionSource(t);
  logs.append('c', 't', [{ partition: 0, value: Buffer.from('a'), timestamp: T0 + 500 }]);
  poll();
  assert.equal(src.watermark, Number.NEGATIVE_INFINITY);
  clock.advance(14_999);
  poll();
  assert.equal(src.watermark, Number.NEGATIVE_INFINITY);
  clock.advance(1);
  poll();
  assert.equal(src.idle, true, 'both partitions idle: the watermark holds');
  assert.equal(src.watermark, Number.NEGATIVE_INFINITY);
  logs.append('c', 't', [{ partition: 0, value: Buffer.from('b'), timestamp: T0 + 900 }]);
  poll();
  assert.equal(src.watermark, T0 + 900, 'the empty partition is idle, so a fresh record drives the clock');
});

test('a fixed idle timeout applies; 0 disables idleness detection', (t) => {
  const fixed = twoPartitionSource(t, { kind: 'fixed', timeoutMs: 2000 });
  fixed.logs.append('c', 't', [{ partition: 0, value: Buffer.from('a'), timestamp: T0 + 7 }]);
  fixed.poll();
  fixed.clock.advance(1000);
  fixed.logs.append('c', 't', [{ partition: 0, value: Buffer.from('a'), timestamp: T0 + 9 }]);
  fixed.poll();
  assert.equal(fixed.src.watermark, Number.NEGATIVE_INFINITY);
  fixed.clock.advance(1000);
  fixed.poll();
  assert.equal(fixed.src.watermark, T0 + 9, 'partition 1 idle after 2 s, partition 0 active');
  assert.equal(fixed.src.idle, false);

  const off = twoPartitionSource(t, { kind: 'fixed', timeoutMs: 0 });
  off.logs.append('c', 't', [{ partition: 0, value: Buffer.from('a'), timestamp: T0 + 7 }]);
  off.poll();
  off.clock.advance(3_600_000);
  off.poll();
  assert.equal(off.src.watermark, Number.NEGATIVE_INFINITY);
  assert.equal(off.src.idle, false);
});

test('when every partition is idle the source is idle; a record makes it active again', (t) => {
  const { logs, clock, src, poll } = twoPartitionSource(t, { kind: 'fixed', timeoutMs: 1000 });
  clock.advance(1000);
  poll();
  assert.equal(src.idle, true);
  logs.append('c', 't', [{ partition: 1, value: Buffer.from('a'), timestamp: T0 + 3 }]);
  poll();
  assert.equal(src.idle, false);
  assert.equal(src.watermark, T0 + 3);
});

test('progressive idleness doubles a partition timeout each time it turns active again, up to 5 min', () => {
  const clock = fixedClock(0);
  const tr = new IdlenessTracker(1, { clock, setting: { kind: 'progressive' } });
  const timeouts: number[] = [];
  for (let round = 0; round < 7; round++) {
    const start = clock.now();
    for (;;) {
      clock.advance(1000);
      tr.check();
      if (tr.isIdle(0)) break;
    }
    timeouts.push(clock.now() - start);
    tr.active(0, clock.now());
  }
  assert.deepEqual(timeouts, [15_000, 30_000, 60_000, 120_000, 240_000, 300_000, 300_000]);
});
