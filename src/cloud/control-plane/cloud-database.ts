/** Opens the cloud's metadata database (`cloud.db`, WAL) and keeps its schema current. */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** The better-sqlite3 handle type used across the cloud. */
export type Db = Database.Database;

/**
 * Opens `<dataDir>/<file>` in WAL mode, creating the directory. Every API family and the Flink
 * runtime share this one handle, so a statement's checkpoint commits in one transaction.
 */
export function openDatabase(dataDir: string, file = 'cloud.db'): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, file));
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a committed transaction survives a process crash (kill -9), since the
  // WAL is already in the OS; only an OS crash or power cut may lose the newest commits. FULL
  // would fsync every commit, which topic-log appends cannot afford (same promise as kafka/).
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  beginImmediate(db);
  return db;
}

/**
 * Makes every transaction of `db` begin IMMEDIATE. Several connections write `cloud.db` (the cloud's
 * own and one per parallel Flink subtask on a worker thread); a deferred transaction that reads
 * and then writes fails at once with SQLITE_BUSY when another connection committed in between,
 * whereas an immediate one takes the write lock first and waits for it (busy_timeout). Nested
 * transactions are savepoints either way.
 */
function beginImmediate(db: Db): void {
  const plain = db.transaction.bind(db);
  const immediate = (fn: Database.Transaction['default']): Database.Transaction => {
    const t = plain(fn);
    const run = ((...args: unknown[]) => t.immediate(...args)) as Database.Transaction;
    return Object.assign(run, { default: run, deferred: t.deferred, immediate: t.immediate, exclusive: t.exclusive });
  };
  db.transaction = immediate as Db['transaction'];
}

/** Creates the control-plane tables when missing. */
export function migrateControlPlane(db: Db): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS documents (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      kind TEXT NOT NULL,
      id TEXT NOT NULL,
      parent TEXT NOT NULL DEFAULT '',
      doc TEXT NOT NULL,
      UNIQUE (kind, id)
    );
    CREATE INDEX IF NOT EXISTS documents_parent ON documents (kind, parent);
  `);
}
