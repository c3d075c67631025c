import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TopicLogError } from '../../kafka/index.js';
import { isDegraded, recoverableException, restartDelayMs } from './restart-policy.js';

test('restart delays double from 1 s and stop at 30 s', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6, 7].map((n) => restartDelayMs(n)), [1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
  assert.deepEqual([1, 2, 3].map((n) => restartDelayMs(n, { initialBackoffMs: 5, maxBackoffMs: 12 })), [5, 10, 12]);
});

test('a statement is DEGRADED from the third failure in a row by default', () => {
  assert.deepEqual([1, 2, 3, 4].map((n) => isDegraded(n)), [false, false, true, true]);
  assert.equal(isDegraded(1, { degradedAfter: 1 }), true);
});

test('a vanished topic is listed as UnknownTopicOrPartitionException, other failures by class', () => {
  assert.equal(recoverableException(new TopicLogError('unknown-topic', "Topic 't' not found.", 't'), 'user-recoverable').name, 'org.apache.kafka.common.errors.UnknownTopicOrPartitionException');
  assert.deepEqual(recoverableException(new Error('disk I/O error'), 'system'), { name: 'java.lang.RuntimeException', message: 'disk I/O error' });
});
