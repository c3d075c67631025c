/**
 * Kafka topic configs as Confluent Cloud serves them: definitions with defaults and types,
 * validation by name and type, and the split between dynamically set values and defaults
 * (the Terraform provider keeps only the dynamic ones in state).
 */
import type { ConfigDefinition, ConfigType, EffectiveConfig, LogConfig, TimestampType } from './types.js';
import { TopicLogError } from './topic-log-error.js';

const LONG_MAX = '9223372036854775807';
const SUBJECT_STRATEGIES = [
  'io.confluent.kafka.serializers.subject.TopicNameStrategy',
  'io.confluent.kafka.serializers.subject.RecordNameStrategy',
  'io.confluent.kafka.serializers.subject.TopicRecordNameStrategy',
] as const;

function def(name: string, type: ConfigType, defaultValue: string, extra: Partial<Omit<ConfigDefinition, 'name' | 'type' | 'defaultValue'>> = {}): ConfigDefinition {
  return { name, type, defaultValue, readOnly: false, sensitive: false, ...extra };
}

/** Every topic config the local cloud knows, sorted by name. Defaults are Confluent Cloud's. */
export const TOPIC_CONFIGS: readonly ConfigDefinition[] = [
  def('cleanup.policy', 'list', 'delete', { validValues: ['delete', 'compact'], brokerSynonym: 'log.cleanup.policy' }),
  def('compression.type', 'string', 'producer', { validValues: ['uncompressed', 'zstd', 'lz4', 'snappy', 'gzip', 'producer'], brokerSynonym: 'compression.type' }),
  def('confluent.key.schema.validation', 'boolean', 'false'),
  def('confluent.key.subject.name.strategy', 'string', SUBJECT_STRATEGIES[0], { validValues: SUBJECT_STRATEGIES }),
  def('confluent.schema.validation.context.name', 'string', 'default'),
  def('confluent.value.schema.validation', 'boolean', 'false'),
  def('confluent.value.subject.name.strategy', 'string', SUBJECT_STRATEGIES[0], { validValues: SUBJECT_STRATEGIES }),
  def('delete.retention.ms', 'long', '86400000', { min: 0, brokerSynonym: 'log.cleaner.delete.retention.ms' }),
  def('file.delete.delay.ms', 'long', '60000', { min: 0, readOnly: true }),
  def('flush.messages', 'long', LONG_MAX, { min: 1, readOnly: true }),
  def('flush.ms', 'long', LONG_MAX, { min: 0, readOnly: true }),
  def('index.interval.bytes', 'int', '4096', { min: 0, readOnly: true }),
  def('max.compaction.lag.ms', 'long', LONG_MAX, { min: 1, brokerSynonym: 'log.cleaner.max.compaction.lag.ms' }),
  def('max.message.bytes', 'int', '2097164', { min: 0, max: 8388608, brokerSynonym: 'message.max.bytes' }),
  def('message.downconversion.enable', 'boolean', 'true', { readOnly: true }),
  def('message.timestamp.after.max.ms', 'long', LONG_MAX, { min: 0 }),
  def('message.timestamp.before.max.ms', 'long', LONG_MAX, { min: 0 }),
  def('message.timestamp.difference.max.ms', 'long', LONG_MAX, { min: 0 }),
  def('message.timestamp.type', 'string', 'CreateTime', { validValues: ['CreateTime', 'LogAppendTime'], brokerSynonym: 'log.message.timestamp.type' }),
  def('min.cleanable.dirty.ratio', 'double', '0.5', { min: 0, max: 1, brokerSynonym: 'log.cleaner.min.cleanable.ratio' }),
  def('min.compaction.lag.ms', 'long', '0', { min: 0, brokerSynonym: 'log.cleaner.min.compaction.lag.ms' }),
  def('min.insync.replicas', 'int', '2', { min: 1, max: 2, brokerSynonym: 'min.insync.replicas' }),
  def('preallocate', 'boolean', 'false', { readOnly: true }),
  def('retention.bytes', 'long', '-1', { min: -1, brokerSynonym: 'log.retention.bytes' }),
  def('retention.ms', 'long', '604800000', { min: -1, brokerSynonym: 'log.retention.ms' }),
  def('segment.bytes', 'int', '104857600', { min: 52428800, max: 1073741824, brokerSynonym: 'log.segment.bytes' }),
  def('segment.index.bytes', 'int', '10485760', { min: 4, readOnly: true }),
  def('segment.jitter.ms', 'long', '0', { min: 0, readOnly: true }),
  def('segment.ms', 'long', '604800000', { min: 600000, brokerSynonym: 'log.roll.ms' }),
  def('unclean.leader.election.enable', 'boolean', 'false', { readOnly: true }),
];

const BY_NAME = new Map(TOPIC_CONFIGS.map((d) => [d.name, d]));

/** The definition of a topic config, or undefined when the name is unknown. */
export function configDefinition(name: string): ConfigDefinition | undefined {
  return BY_NAME.get(name);
}

/** Checks one config name and value; throws TopicLogError naming the config on a mistake. */
export function validateConfig(name: string, value: string, opts: { allowReadOnly?: boolean; skipValue?: boolean } = {}): ConfigDefinition {
  const d = BY_NAME.get(name);
  if (d === undefined) {
    const hint = closestName(name);
    const suffix = hint === undefined ? '' : ` Did you mean '${hint}'?`;
    const extra = name === 'num.partitions' ? ' num.partitions is a broker setting; use partitions_count.' : '';
    throw new TopicLogError('unknown-config', `Unknown topic config name: ${name}.${suffix}${extra}`, name);
  }
  if (d.readOnly && opts.allowReadOnly !== true) {
    throw new TopicLogError('read-only-config', `Config '${name}' is read-only and cannot be set on Confluent Cloud.`, name);
  }
  if (opts.skipValue !== true) checkType(d, value);
  return d;
}

function checkType(d: ConfigDefinition, value: string): void {
  const bad = (expected: string): never => {
    throw new TopicLogError('invalid-config', `Invalid value ${value} for configuration ${d.name}: expected ${expected}.`, d.name);
  };
  switch (d.type) {
    case 'boolean':
      if (value !== 'true' && value !== 'false') bad('a boolean (true or false)');
      return;
    case 'int':
    case 'long': {
      if (!/^-?\d+$/.test(value.trim())) bad(`a ${d.type === 'int' ? '32-bit integer' : '64-bit integer (long)'}`);
      const n = Number(value.trim());
      if (d.type === 'int' && (n > 2147483647 || n < -2147483648)) bad('a 32-bit integer');
      if (d.type === 'long' && BigInt(value.trim()) > BigInt(LONG_MAX)) bad('a 64-bit integer (long)');
      checkRange(d, n, value);
      return;
    }
    case 'double': {
      const n = Number(value.trim());
      if (value.trim() === '' || !Number.isFinite(n)) bad('a number (double)');
      checkRange(d, n, value);
      return;
    }
    case 'string':
      if (d.validValues !== undefined && !d.validValues.includes(value)) bad(`one of ${d.validValues.join(', ')}`);
      return;
    case 'list': {
      const items = value.split(',').map((s) => s.trim());
      if (items.some((i) => i === '') || (d.validValues !== undefined && !items.every((i) => d.validValues?.includes(i) === true))) {
        bad(`a comma-separated list of ${d.validValues?.join(', ') ?? 'values'}`);
      }
      return;
    }
  }
}

function checkRange(d: ConfigDefinition, n: number, raw: string): void {
  if (d.min !== undefined && n < d.min) {
    throw new TopicLogError('invalid-config', `Invalid value ${raw} for configuration ${d.name}: Value must be at least ${d.min}.`, d.name);
  }
  if (d.max !== undefined && n > d.max) {
    throw new TopicLogError('invalid-config', `Invalid value ${raw} for configuration ${d.name}: Value must be no more than ${d.max}.`, d.name);
  }
}

/** Every known config with its effective value: dynamic values override defaults. Sorted by name. */
export function effectiveConfigs(dynamic: { readonly [name: string]: string }): EffectiveConfig[] {
  return TOPIC_CONFIGS.map((d) => effectiveConfig(d, dynamic[d.name]));
}

/** The effective value of one config given its dynamic value (undefined = default). */
export function effectiveConfig(d: ConfigDefinition, dynamicValue: string | undefined): EffectiveConfig {
  const defaultSynonym = { name: d.brokerSynonym ?? d.name, value: d.defaultValue, source: 'DEFAULT_CONFIG' as const };
  if (dynamicValue === undefined) {
    return { name: d.name, value: d.defaultValue, isDefault: true, isReadOnly: d.readOnly, isSensitive: d.sensitive, source: 'DEFAULT_CONFIG', synonyms: [defaultSynonym] };
  }
  return {
    name: d.name, value: dynamicValue, isDefault: false, isReadOnly: d.readOnly, isSensitive: d.sensitive, source: 'DYNAMIC_TOPIC_CONFIG',
    synonyms: [{ name: d.name, value: dynamicValue, source: 'DYNAMIC_TOPIC_CONFIG' }, defaultSynonym],
  };
}

/** Parses the configs the log acts on; values are assumed validated. */
export function logConfig(dynamic: { readonly [name: string]: string }): LogConfig {
  const get = (name: string): string => dynamic[name] ?? BY_NAME.get(name)?.defaultValue ?? '';
  const long = (name: string): number => {
    const v = get(name);
    return v === LONG_MAX || BigInt(v) > BigInt(Number.MAX_SAFE_INTEGER) ? Infinity : Number(v);
  };
  const policies = get('cleanup.policy').split(',').map((s) => s.trim());
  return {
    cleanupDelete: policies.includes('delete'),
    cleanupCompact: policies.includes('compact'),
    retentionMs: long('retention.ms'),
    retentionBytes: long('retention.bytes'),
    deleteRetentionMs: long('delete.retention.ms'),
    minCompactionLagMs: long('min.compaction.lag.ms'),
    maxMessageBytes: Number(get('max.message.bytes')),
    timestampType: get('message.timestamp.type') as TimestampType,
    timestampBeforeMaxMs: Math.min(long('message.timestamp.before.max.ms'), long('message.timestamp.difference.max.ms')),
    timestampAfterMaxMs: Math.min(long('message.timestamp.after.max.ms'), long('message.timestamp.difference.max.ms')),
  };
}

function closestName(name: string): string | undefined {
  let best: string | undefined;
  let bestDist = Math.max(3, Math.floor(name.length / 3)) + 1;
  for (const d of TOPIC_CONFIGS) {
    const dist = editDistance(name, d.name);
    if (dist < bestDist) { best = d.name; bestDist = dist; }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur.push(Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, sub));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
