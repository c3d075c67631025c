/**
 * Confluent's WITH options of Kafka-backed tables: the known keys and their allowed values,
 * defaults, which ones only CREATE TABLE may set, and Flink's Duration / MemorySize spellings.
 */
import type { Diagnostic } from '../../../shared/index.js';
import { errorDiag, suggestion } from '../../../shared/index.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;
const SECOND = 1000;

/** Default `kafka.retention.time`: 7 days. */
export const DEFAULT_RETENTION_MS = 7 * DAY;
/** Default `kafka.max-message-size` (Confluent Cloud's topic default). */
export const DEFAULT_MAX_MESSAGE_BYTES = 2_097_164;
/** Default bucket (partition) count of CREATE TABLE without `INTO n BUCKETS`. */
export const DEFAULT_BUCKETS = 6;

const ENUMS: Readonly<Record<string, readonly string[]>> = {
  'changelog.mode': ['append', 'upsert', 'retract'],
  connector: ['confluent'],
  'kafka.cleanup-policy': ['delete', 'compact', 'delete-compact'],
  'kafka.consumer.isolation-level': ['read-committed', 'read-uncommitted'],
  'kafka.producer.compression.type': ['none', 'gzip', 'snappy', 'lz4', 'zstd'],
  'scan.startup.mode': ['earliest-offset', 'latest-offset', 'timestamp', 'group-offsets', 'specific-offsets'],
  'scan.bounded.mode': ['unbounded', 'latest-offset', 'timestamp', 'group-offsets', 'specific-offsets'],
  'key.format': ['avro-registry', 'json-registry', 'proto-registry', 'raw'],
  'value.format': ['avro-registry', 'json-registry', 'proto-registry', 'raw', 'avro-debezium-registry', 'json-debezium-registry', 'proto-debezium-registry'],
  'value.fields-include': ['all', 'except-key'],
  'error-handling.mode': ['fail', 'ignore', 'log'],
  'value.json-registry.wire-encoding': ['json', 'confluent'],
  'kafka.message-timestamp-type': ['create-time', 'log-append-time'],
};

const FREE: readonly string[] = [
  'kafka.retention.time', 'kafka.retention.size', 'kafka.max-message-size', 'kafka.partitions', 'kafka.compaction.time',
  'scan.startup.timestamp-millis', 'scan.startup.specific-offsets', 'scan.bounded.timestamp-millis', 'scan.bounded.specific-offsets',
  'key.fields-prefix', 'key.format.schema-context', 'value.format.schema-context', 'error-handling.log.target',
  'key.avro-registry.subject-names', 'key.json-registry.subject-names', 'key.proto-registry.subject-names',
  'value.avro-registry.subject-names', 'value.json-registry.subject-names', 'value.proto-registry.subject-names',
];

/** Every option key a Confluent table accepts. */
export const KNOWN_OPTIONS: ReadonlySet<string> = new Set([...Object.keys(ENUMS), ...FREE]);

/** Options fixed when the topic is created (ALTER TABLE SET/RESET refuses them). */
export const CREATION_ONLY_OPTIONS: ReadonlySet<string> = new Set([
  'connector', 'kafka.cleanup-policy', 'kafka.partitions', 'kafka.retention.time', 'kafka.retention.size',
  'kafka.max-message-size', 'key.fields-prefix', 'value.fields-include',
]);

/** The topic config each creation-only Kafka option became. */
const TOPIC_CONFIG_OF: Readonly<Record<string, string>> = {
  'kafka.cleanup-policy': 'cleanup.policy', 'kafka.retention.time': 'retention.ms', 'kafka.retention.size': 'retention.bytes',
  'kafka.max-message-size': 'max.message.bytes', 'kafka.partitions': 'the partition count',
};

/** Checks keys and values of a WITH map; `phase` decides whether creation-only keys are allowed. */
export function validateOptions(options: Readonly<Record<string, string>>, phase: 'create' | 'alter'): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const key of Object.keys(options).sort()) {
    const value = options[key] ?? '';
    if (!KNOWN_OPTIONS.has(key)) {
      out.push(errorDiag('flink-unknown-table-option', `Unsupported option '${key}'.${suggestion(key, KNOWN_OPTIONS)}`, {
        detail: `Supported options are: ${[...KNOWN_OPTIONS].sort().join(', ')}.`,
      }));
      continue;
    }
    if (phase === 'alter' && CREATION_ONLY_OPTIONS.has(key)) {
      out.push(immutableOption(key));
      continue;
    }
    const allowed = ENUMS[key];
    if (allowed !== undefined && !allowed.includes(value)) {
      out.push(errorDiag('flink-invalid-table-option', `Invalid value for option '${key}': '${value}'. Supported values are: ${allowed.join(', ')}.`));
      continue;
    }
    const problem = checkFreeValue(key, value);
    if (problem !== undefined) out.push(errorDiag('flink-invalid-table-option', problem));
  }
  return out;
}

/** The diagnostic for changing a creation-only option. */
export function immutableOption(key: string): Diagnostic {
  const cfg = TOPIC_CONFIG_OF[key];
  const hint = cfg === undefined ? '' : ` It is stored in the Kafka topic (${cfg}); change the topic instead.`;
  return errorDiag('flink-immutable-table-option', `The option '${key}' can only be set when the table is created and cannot be changed with ALTER TABLE.${hint}`);
}

function checkFreeValue(key: string, value: string): string | undefined {
  switch (key) {
    case 'kafka.retention.time': case 'kafka.compaction.time':
      return parseDuration(value) === undefined ? `Invalid duration for option '${key}': '${value}'. Use e.g. '7 d', '12 h' or '604800000 ms'.` : undefined;
    case 'kafka.retention.size': case 'kafka.max-message-size':
      return parseMemorySize(value) === undefined ? `Invalid memory size for option '${key}': '${value}'. Use e.g. '0 bytes' or '8 mb'.` : undefined;
    case 'kafka.partitions':
      return /^[1-9][0-9]*$/.test(value) ? undefined : `Invalid value for option '${key}': '${value}'. Expected a positive integer.`;
    case 'scan.startup.timestamp-millis': case 'scan.bounded.timestamp-millis':
      return /^[0-9]+$/.test(value) ? undefined : `Invalid value for option '${key}': '${value}'. Expected epoch milliseconds.`;
    default:
      return undefined;
  }
}

const DURATION_UNITS: Readonly<Record<string, number>> = {
  d: DAY, day: DAY, days: DAY, h: HOUR, hour: HOUR, hours: HOUR, m: MINUTE, min: MINUTE, minute: MINUTE, minutes: MINUTE,
  s: SECOND, sec: SECOND, secs: SECOND, second: SECOND, seconds: SECOND, ms: 1, milli: 1, millis: 1, millisecond: 1, milliseconds: 1,
  'µs': 0.001, us: 0.001, micro: 0.001, micros: 0.001, microsecond: 0.001, microseconds: 0.001,
  ns: 0.000001, nano: 0.000001, nanos: 0.000001, nanosecond: 0.000001, nanoseconds: 0.000001,
};

/** Parses a Flink Duration (`7 d`, `12h`, `604800000`, `500 ms`) into milliseconds. */
export function parseDuration(text: string): number | undefined {
  const m = /^\s*([0-9]+)\s*([a-zµ]*)\s*$/i.exec(text);
  if (m === null) return undefined;
  const unit = (m[2] ?? '').toLowerCase();
  const factor = unit === '' ? 1 : DURATION_UNITS[unit];
  return factor === undefined ? undefined : Math.floor(Number(m[1]) * factor);
}

/** Prints milliseconds as Flink does, in the largest exact unit (`7 d`, `12 h`, `0 ms`). */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0 ms';
  for (const [unit, f] of [['d', DAY], ['h', HOUR], ['min', MINUTE], ['s', SECOND]] as const) {
    if (ms % f === 0) return `${ms / f} ${unit}`;
  }
  return `${ms} ms`;
}

const MEMORY_UNITS: Readonly<Record<string, number>> = {
  '': 1, b: 1, bytes: 1, k: 1024, kb: 1024, kibibytes: 1024, m: 1024 ** 2, mb: 1024 ** 2, mebibytes: 1024 ** 2,
  g: 1024 ** 3, gb: 1024 ** 3, gibibytes: 1024 ** 3, t: 1024 ** 4, tb: 1024 ** 4, tebibytes: 1024 ** 4,
};

/** Parses a Flink MemorySize (`0 bytes`, `8 mb`, `2097164`) into bytes. */
export function parseMemorySize(text: string): number | undefined {
  const m = /^\s*([0-9]+)\s*([a-z]*)\s*$/i.exec(text);
  if (m === null) return undefined;
  const factor = MEMORY_UNITS[(m[2] ?? '').toLowerCase()];
  return factor === undefined ? undefined : Number(m[1]) * factor;
}

/** Prints bytes as Flink does (`0 bytes`, `2097164 bytes`, `8 mb`). */
export function formatMemorySize(bytes: number): string {
  if (bytes === 0) return '0 bytes';
  for (const [unit, f] of [['gb', 1024 ** 3], ['mb', 1024 ** 2], ['kb', 1024]] as const) {
    if (bytes % f === 0) return `${bytes / f} ${unit}`;
  }
  return `${bytes} bytes`;
}

/** A copy of a record with keys in alphabetical order (SHOW CREATE TABLE prints options sorted). */
export function sortedRecord(r: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(r).sort()) out[k] = r[k] ?? '';
  return out;
}
