/**
 * Reads records and partition offsets straight from the local cloud's SQLite file. Kafka REST v3
 * (Confluent's API, which the cloud mirrors) has no consume or offsets endpoint, so for a local
 * cloud the CLI opens `<dataDir>/cloud.db` READ-ONLY beside the running server (WAL allows a
 * concurrent reader). A REST read route in cloud/kafka would be cleaner and would work remotely.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TopicLogError, TopicLogStore } from '../../cloud/kafka/index.js';
import type { PartitionOffsets, ReadResult } from '../../cloud/kafka/index.js';
import { InsideError } from './inside-error.js';
import type { Connection } from './types.js';

/** A read-only view of the topic logs of one local cloud. */
export class RecordLogReader {
  readonly #db: Database.Database;
  readonly #store: TopicLogStore;
  readonly #dataDir: string;

  private constructor(db: Database.Database, dataDir: string) {
    this.#db = db;
    this.#store = new TopicLogStore(db);
    this.#dataDir = dataDir;
  }

  /** Opens the reader of the connection's data dir; undefined when the cloud is not local. */
  static open(conn: Connection): RecordLogReader | undefined {
    if (conn.dataDir === undefined) return undefined;
    const file = join(conn.dataDir, 'cloud.db');
    if (!existsSync(file)) return undefined;
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      return new RecordLogReader(db, conn.dataDir);
    } catch (e) {
      db.close();
      // A read-only handle cannot add tables a newer cloud would create; the cloud adds them when it starts.
      throw new InsideError('records-unreadable', `Cannot read the topic logs in ${file}: ${e instanceof Error ? e.message : String(e)}`, {
        detail: 'Start the cloud of this data dir once (streamform cloud start --background) so it brings its database up to date.',
      });
    }
  }

  /** Opens the reader or explains why records cannot be read. */
  static require(conn: Connection): RecordLogReader {
    const r = RecordLogReader.open(conn);
    if (r !== undefined) return r;
    throw new InsideError('records-unreadable', `Cannot read records from ${conn.url}: Kafka REST v3 has no consume endpoint.`, {
      detail: 'streamform reads records from the local cloud\'s data directory. Run this command in the directory the local cloud belongs to, or pass --data-dir DIR (the cloud\'s data dir, e.g. .streamform/cloud).',
    });
  }

  /** Earliest and latest offsets of every partition. */
  offsets(cluster: string, topic: string): PartitionOffsets[] {
    return this.#guard(cluster, topic, () => this.#store.partitionOffsets(cluster, topic));
  }

  /** Up to `max` records of one partition from `from`. */
  read(cluster: string, topic: string, partition: number, from: number, max: number): ReadResult {
    return this.#guard(cluster, topic, () => this.#store.read(cluster, topic, partition, from, max));
  }

  /** Closes the file. */
  close(): void {
    if (this.#db.open) this.#db.close();
  }

  #guard<T>(cluster: string, topic: string, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      if (!(e instanceof TopicLogError)) throw e;
      if (e.code === 'unknown-topic') {
        throw new InsideError('records-wrong-data-dir', `The data dir ${this.#dataDir} holds no topic "${topic}" of cluster ${cluster}.`, {
          detail: 'It is not the data directory of the cloud you are talking to; pass the right one with --data-dir.',
        });
      }
      throw new InsideError(`topic-${e.code}`, e.message);
    }
  }
}
