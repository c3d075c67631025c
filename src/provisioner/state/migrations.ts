/**
 * Ordered schema migrations of the state file. A migration is applied once, in version order,
 * inside one transaction together with the bump of `meta.schema_version`.
 *
 * Contract kept by every future migration: the `meta` table keeps its `schema_version` and
 * `written_by` columns, so that any older binary can read them and refuse the file clearly.
 * Never edit a released migration; append a new one.
 */
import type Database from 'better-sqlite3';
import { invariant } from '../../shared/index.js';

/** One step of the schema. */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly up: string | ((db: Database.Database) => void);
}

/** The schema history of the state file, oldest first. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'initial schema: meta, resources, outputs, history, lock',
    up: `
      CREATE TABLE meta (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        schema_version INTEGER NOT NULL,
        written_by TEXT NOT NULL,
        lineage TEXT NOT NULL,
        serial INTEGER NOT NULL,
        terraform_version TEXT NOT NULL
      );
      CREATE TABLE resources (
        address TEXT NOT NULL,
        deposed TEXT NOT NULL DEFAULT '',
        module TEXT NOT NULL,
        mode TEXT NOT NULL CHECK (mode IN ('managed', 'data')),
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        index_key TEXT,
        provider TEXT NOT NULL,
        schema_version INTEGER NOT NULL,
        attributes TEXT NOT NULL,
        sensitive_paths TEXT NOT NULL,
        private TEXT,
        dependencies TEXT NOT NULL,
        create_before_destroy INTEGER,
        status TEXT NOT NULL CHECK (status IN ('ready', 'tainted')),
        PRIMARY KEY (address, deposed)
      ) WITHOUT ROWID;
      CREATE TABLE outputs (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        sensitive INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE history (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        time TEXT NOT NULL,
        user TEXT NOT NULL,
        operation TEXT NOT NULL,
        summary TEXT NOT NULL,
        serial_before INTEGER NOT NULL,
        serial_after INTEGER NOT NULL
      );
      -- History is append-only: the file itself refuses edits and deletions.
      CREATE TRIGGER history_no_update BEFORE UPDATE ON history
        BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
      CREATE TRIGGER history_no_delete BEFORE DELETE ON history
        BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
      CREATE TABLE lock (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        lock_id TEXT NOT NULL,
        operation TEXT NOT NULL,
        who TEXT NOT NULL,
        host TEXT NOT NULL,
        pid INTEGER NOT NULL,
        created TEXT NOT NULL,
        version TEXT NOT NULL
      );
    `,
  },
];

/** The newest schema version this binary knows. */
export const SCHEMA_VERSION: number = MIGRATIONS.reduce((m, x) => Math.max(m, x.version), 0);

/** The schema version stored in the file and who wrote it, or undefined for an empty file. */
export function readSchemaVersion(db: Database.Database): { version: number; writtenBy: string } | undefined {
  const t = db.prepare("SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
  if (t === undefined) return undefined;
  const row = db.prepare('SELECT schema_version AS version, written_by AS writtenBy FROM meta WHERE id = 1').get() as
    { version: number; writtenBy: string } | undefined;
  return row;
}

/**
 * Applies every migration newer than the file's version, each in its own IMMEDIATE transaction.
 * `init` runs in the first transaction of a brand-new file (it inserts the meta row).
 * Returns the versions applied. The caller has already refused files newer than `migrations`.
 */
export function runMigrations(
  db: Database.Database,
  migrations: readonly Migration[],
  opts: { writtenBy: string; init: (db: Database.Database) => void },
): number[] {
  const applied: number[] = [];
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  for (let i = 1; i < ordered.length; i++) {
    invariant((ordered[i]?.version ?? 0) > (ordered[i - 1]?.version ?? 0), 'migration versions must be unique');
  }
  for (const m of ordered) {
    const step = db.transaction(() => {
      // Re-read inside the write transaction: another process may have migrated meanwhile.
      const current = readSchemaVersion(db)?.version ?? 0;
      if (m.version <= current) return false;
      if (typeof m.up === 'string') db.exec(m.up);
      else m.up(db);
      if (current === 0) opts.init(db);
      db.prepare('UPDATE meta SET schema_version = ?, written_by = ? WHERE id = 1').run(m.version, opts.writtenBy);
      return true;
    });
    if (step.immediate()) applied.push(m.version);
  }
  return applied;
}
