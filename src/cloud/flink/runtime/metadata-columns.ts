/**
 * Kafka metadata columns a table may declare (`col TYPE METADATA FROM 'key'`, confluent-flink.md
 * §2.7), read from the record and appended after the physical columns in the declared order.
 * Values follow flink/types' representation: BIGINT offset as bigint, TIMESTAMP_LTZ as epoch
 * millis, BYTES as Uint8Array, `headers` as a Map from header key to raw bytes (later duplicates win).
 */
import type { LogRecord } from '../../kafka/index.js';

/** The readable metadata keys. */
export type MetadataKey = 'headers' | 'leader-epoch' | 'offset' | 'partition' | 'raw-key' | 'raw-value' | 'timestamp' | 'timestamp-type' | 'topic';

/** All readable metadata keys, sorted. */
export const METADATA_KEYS: readonly MetadataKey[] = ['headers', 'leader-epoch', 'offset', 'partition', 'raw-key', 'raw-value', 'timestamp', 'timestamp-type', 'topic'];

/** The value of metadata `key` for `record` of `topic`. */
export function metadataValue(key: MetadataKey, record: LogRecord, topic: string): unknown {
  switch (key) {
    case 'headers': {
      const m = new Map<string, Uint8Array | null>();
      for (const h of record.headers) m.set(h.key, h.value);
      return m;
    }
    case 'leader-epoch': return null;
    case 'offset': return BigInt(record.offset);
    case 'partition': return record.partition;
    case 'raw-key': return record.key ?? new Uint8Array(0);
    case 'raw-value': return record.value ?? new Uint8Array(0);
    case 'timestamp': return record.timestamp;
    case 'timestamp-type': return record.timestampType;
    case 'topic': return topic;
  }
}
