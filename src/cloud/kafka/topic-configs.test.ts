import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TopicLogError, effectiveConfigs, logConfig, validateConfig } from './index.js';

function thrown(fn: () => unknown): TopicLogError {
  try {
    fn();
  } catch (err) {
    if (err instanceof TopicLogError) return err;
    throw err;
  }
  assert.fail('expected a TopicLogError');
}

test('an unknown config name is named, with a did-you-mean', () => {
  const e = thrown(() => validateConfig('retention.msec', '1'));
  assert.equal(e.code, 'unknown-config');
  assert.equal(e.subject, 'retention.msec');
  assert.match(e.message, /retention\.msec.*Did you mean 'retention\.ms'\?/);
});

test('num.partitions is explained as not a topic config', () => {
  const e = thrown(() => validateConfig('num.partitions', '3'));
  assert.equal(e.code, 'unknown-config');
  assert.match(e.message, /partitions_count/);
});

test('a wrong type names the expected type', () => {
  assert.match(thrown(() => validateConfig('retention.ms', '7d')).message, /retention\.ms: expected a 64-bit integer/);
  assert.match(thrown(() => validateConfig('confluent.value.schema.validation', 'yes')).message, /expected a boolean/);
  assert.match(thrown(() => validateConfig('max.message.bytes', '99999999999')).message, /32-bit integer/);
  assert.match(thrown(() => validateConfig('min.cleanable.dirty.ratio', 'half')).message, /double/);
  assert.match(thrown(() => validateConfig('message.timestamp.type', 'EventTime')).message, /one of CreateTime, LogAppendTime/);
  assert.match(thrown(() => validateConfig('cleanup.policy', 'delete,forever')).message, /list of delete, compact/);
  assert.match(thrown(() => validateConfig('retention.ms', '-2')).message, /at least -1/);
});

test('valid values pass, including lists and Long.MAX', () => {
  validateConfig('cleanup.policy', 'delete,compact');
  validateConfig('cleanup.policy', 'compact');
  validateConfig('retention.ms', '-1');
  validateConfig('max.compaction.lag.ms', '9223372036854775807');
  validateConfig('min.cleanable.dirty.ratio', '0.25');
});

test('effective configs mark dynamic values against defaults, with synonyms', () => {
  const list = effectiveConfigs({ 'retention.ms': '1000' });
  const retention = list.find((c) => c.name === 'retention.ms');
  assert.deepEqual(retention, {
    name: 'retention.ms', value: '1000', isDefault: false, isReadOnly: false, isSensitive: false, source: 'DYNAMIC_TOPIC_CONFIG',
    synonyms: [{ name: 'retention.ms', value: '1000', source: 'DYNAMIC_TOPIC_CONFIG' }, { name: 'log.retention.ms', value: '604800000', source: 'DEFAULT_CONFIG' }],
  });
  const maxBytes = list.find((c) => c.name === 'max.message.bytes');
  assert.equal(maxBytes?.value, '2097164');
  assert.equal(maxBytes?.isDefault, true);
  assert.equal(maxBytes?.source, 'DEFAULT_CONFIG');
  assert.deepEqual(list.map((c) => c.name), [...list.map((c) => c.name)].sort());
});

test('logConfig parses defaults and overrides; Long.MAX means unbounded', () => {
  const d = logConfig({});
  assert.equal(d.retentionMs, 604800000);
  assert.equal(d.retentionBytes, -1);
  assert.equal(d.maxMessageBytes, 2097164);
  assert.equal(d.timestampBeforeMaxMs, Infinity);
  assert.equal(d.cleanupDelete, true);
  assert.equal(d.cleanupCompact, false);
  const c = logConfig({ 'cleanup.policy': 'compact,delete', 'message.timestamp.type': 'LogAppendTime' });
  assert.equal(c.cleanupCompact && c.cleanupDelete, true);
  assert.equal(c.timestampType, 'LogAppendTime');
});
