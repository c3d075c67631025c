/**
 * Writes a changelog to a table's topic with the table's changelog mode (confluent-flink.md §2.4):
 *   append  → value only; input must be insert-only (the planner rejects updating queries into
 *             append tables before anything runs, so anything else here is a bug)
 *   upsert  → +I/+U: key + value; -D: key + null value (tombstone); -U is dropped, as Flink's
 *             upsert sinks do: the following +U for the same key overwrites the row anyway
 *   retract → full row in the value plus header `op` = one byte with the row kind (no header for +I)
 * Partitioning: a keyed record goes through the log's default partitioner (murmur2 of the serialized
 * key bytes). A retract record without key goes to toPositive(murmur2(value bytes)) % partitions, so
 * a row's +X and −X land in the same partition and stay ordered. Append records without key take
 * the log's sticky partition. The record timestamp is the writable `timestamp` metadata column when
 * the table declares one, else unset (the log stamps the append time).
 */
import { InternalError, invariant } from '../../../shared/index.js';
import { murmur2, toPositive, type RecordHeader, type RecordToAppend, type TopicLogStore } from '../../kafka/index.js';
import type { Batch } from './batch.js';
import type { RecordSerializer } from './record-codecs.js';
import { SinkWriteError } from './runtime-errors.js';
import type { Sink } from './sink.js';
import { DELETE, INSERT, UPDATE_BEFORE, type ChangelogMode, type Row } from './types.js';

const OP_HEADERS: readonly (RecordHeader | null)[] = [null, { key: 'op', value: Buffer.from([1]) }, { key: 'op', value: Buffer.from([2]) }, { key: 'op', value: Buffer.from([3]) }];

/** What a planner hands to a topic sink. */
export interface TopicSinkOptions {
  readonly logs: TopicLogStore;
  readonly cluster: string;
  readonly topic: string;
  readonly mode: ChangelogMode;
  readonly serializer: RecordSerializer;
  /** Column holding the writable `timestamp` metadata (epoch millis or null). */
  readonly timestampColumn?: number;
  /** Column holding the writable `headers` metadata (Map of key → bytes). */
  readonly headersColumn?: number;
  /**
   * Where committed records go instead of `logs.append` (a parallel subtask hands them to the
   * job's coordinator, which commits every subtask's output in one transaction).
   */
  readonly appendTo?: (cluster: string, topic: string, records: RecordToAppend[]) => void;
}

/** A Kafka-backed table written as a changelog. */
export class TopicSink implements Sink {
  readonly #o: TopicSinkOptions;
  readonly #partitions: number;
  #buffer: RecordToAppend[] = [];

  constructor(opts: TopicSinkOptions) {
    invariant(opts.mode !== 'upsert' || opts.serializer.key !== undefined, 'an upsert sink needs a key serializer');
    this.#o = opts;
    this.#partitions = opts.logs.describeTopic(opts.cluster, opts.topic).partitionsCount;
  }

  get pending(): number { return this.#buffer.length; }

  write(batch: Batch): void {
    const { mode, serializer } = this.#o;
    const keyOf = serializer.key;
    for (let i = 0; i < batch.size; i++) {
      const row = batch.rows[i] as Row;
      const kind = batch.kinds[i] as number;
      try {
        if (mode === 'append') {
          invariant(kind === INSERT, 'an append sink receives insert-only input');
          this.#buffer.push(this.#record(row, keyOf?.(row) ?? null, serializer.value(row), null));
        } else if (mode === 'upsert') {
          if (kind === UPDATE_BEFORE) continue;
          const key = (keyOf as (r: Row) => Buffer | null)(row);
          this.#buffer.push(this.#record(row, key, kind === DELETE ? null : serializer.value(row), null));
        } else {
          const value = serializer.value(row);
          const rec = this.#record(row, keyOf?.(row) ?? null, value, OP_HEADERS[kind] ?? null);
          this.#buffer.push(keyOf === undefined ? { ...rec, partition: toPositive(murmur2(value)) % this.#partitions } : rec);
        }
      } catch (e) {
        if (e instanceof SinkWriteError || e instanceof InternalError) throw e;
        throw new SinkWriteError(this.#o.topic, e instanceof Error ? e.message : String(e));
      }
    }
  }

  commit(): void {
    if (this.#buffer.length === 0) return;
    if (this.#o.appendTo !== undefined) this.#o.appendTo(this.#o.cluster, this.#o.topic, this.#buffer);
    else this.#o.logs.append(this.#o.cluster, this.#o.topic, this.#buffer);
    this.#buffer = [];
  }

  discard(): void { this.#buffer = []; }
  close(): void { this.#buffer = []; }

  #record(row: Row, key: Buffer | null, value: Buffer | null, op: RecordHeader | null): RecordToAppend {
    const { timestampColumn, headersColumn } = this.#o;
    let headers: RecordHeader[] | undefined;
    if (headersColumn !== undefined) {
      const m = row[headersColumn];
      if (m instanceof Map) {
        headers = [];
        for (const [k, v] of m as Map<unknown, unknown>) headers.push({ key: String(k), value: v instanceof Uint8Array ? Buffer.from(v) : v === null ? null : Buffer.from(String(v)) });
      }
    }
    if (op !== null) (headers ??= []).push(op);
    const ts = timestampColumn === undefined ? undefined : row[timestampColumn];
    const rec: { key: Buffer | null; value: Buffer | null; headers?: RecordHeader[]; timestamp?: number } = { key, value };
    if (headers !== undefined) rec.headers = headers;
    if (typeof ts === 'number') rec.timestamp = ts;
    return rec;
  }
}
