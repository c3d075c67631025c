/** The Schema Registry's SQLite tables (prefix `sr_`, all keyed by SR cluster id), created idempotently. */
import type { Database } from 'better-sqlite3';

const DDL = `
CREATE TABLE IF NOT EXISTS sr_schemas (
  sr_id TEXT NOT NULL,
  id INTEGER NOT NULL,
  schema_type TEXT NOT NULL,
  schema TEXT NOT NULL,
  references_json TEXT NOT NULL,
  metadata_json TEXT,
  ruleset_json TEXT,
  fingerprint TEXT NOT NULL,
  PRIMARY KEY (sr_id, id)
);
CREATE UNIQUE INDEX IF NOT EXISTS sr_schemas_fingerprint ON sr_schemas (sr_id, fingerprint);
CREATE TABLE IF NOT EXISTS sr_versions (
  sr_id TEXT NOT NULL,
  subject TEXT NOT NULL,
  version INTEGER NOT NULL,
  schema_id INTEGER NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (sr_id, subject, version)
);
CREATE INDEX IF NOT EXISTS sr_versions_schema ON sr_versions (sr_id, schema_id);
CREATE TABLE IF NOT EXISTS sr_references (
  sr_id TEXT NOT NULL,
  schema_id INTEGER NOT NULL,
  ref_subject TEXT NOT NULL,
  ref_version INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sr_references_target ON sr_references (sr_id, ref_subject, ref_version);
CREATE TABLE IF NOT EXISTS sr_config (
  sr_id TEXT NOT NULL,
  subject TEXT NOT NULL,
  compatibility TEXT,
  normalize INTEGER,
  PRIMARY KEY (sr_id, subject)
);
CREATE TABLE IF NOT EXISTS sr_mode (
  sr_id TEXT NOT NULL,
  subject TEXT NOT NULL,
  mode TEXT NOT NULL,
  PRIMARY KEY (sr_id, subject)
);
`;

/** The subject key of cluster-wide (global) config and mode rows. */
export const GLOBAL_SUBJECT = '';

/** Creates the tables when missing. */
export function ensureRegistryTables(db: Database): void {
  db.exec(DDL);
}

/** Row shapes as read from SQLite. */
export interface SchemaRow {
  readonly id: number;
  readonly schema_type: string;
  readonly schema: string;
  readonly references_json: string;
  readonly metadata_json: string | null;
  readonly ruleset_json: string | null;
}

export interface VersionRow {
  readonly subject: string;
  readonly version: number;
  readonly schema_id: number;
  readonly deleted: number;
}
