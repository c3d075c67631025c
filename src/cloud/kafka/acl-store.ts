/**
 * AclStore: the Kafka ACL bindings of every cluster, in the cloud's SQLite database. Bindings are
 * a set per cluster (creating an existing one is a no-op, as in Kafka); filters follow Kafka's
 * AclBindingFilter semantics and are evaluated in code over the cluster's bindings, which are few.
 */
import type Database from 'better-sqlite3';
import type { AclBinding, AclFilter } from './types.js';

const ACL_DDL = `
CREATE TABLE IF NOT EXISTS kafka_acls (
  cluster TEXT NOT NULL,
  resource_type TEXT NOT NULL,
  resource_name TEXT NOT NULL,
  pattern_type TEXT NOT NULL,
  principal TEXT NOT NULL,
  host TEXT NOT NULL,
  operation TEXT NOT NULL,
  permission TEXT NOT NULL,
  PRIMARY KEY (cluster, resource_type, resource_name, pattern_type, principal, host, operation, permission)
) WITHOUT ROWID;
`;

interface AclRow {
  readonly resource_type: string;
  readonly resource_name: string;
  readonly pattern_type: string;
  readonly principal: string;
  readonly host: string;
  readonly operation: string;
  readonly permission: string;
}

/** ACL bindings per cluster, sorted by every field for deterministic listings. */
export class AclStore {
  readonly #db: Database.Database;
  readonly #q;

  /** Uses `db`, creating the table when missing. */
  constructor(db: Database.Database) {
    db.exec(ACL_DDL);
    this.#db = db;
    this.#q = {
      insert: db.prepare('INSERT OR IGNORE INTO kafka_acls (cluster, resource_type, resource_name, pattern_type, principal, host, operation, permission) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      remove: db.prepare('DELETE FROM kafka_acls WHERE cluster = ? AND resource_type = ? AND resource_name = ? AND pattern_type = ? AND principal = ? AND host = ? AND operation = ? AND permission = ?'),
      all: db.prepare<[string], AclRow>('SELECT * FROM kafka_acls WHERE cluster = ? ORDER BY resource_type, resource_name, pattern_type, principal, host, operation, permission'),
      dropCluster: db.prepare('DELETE FROM kafka_acls WHERE cluster = ?'),
    };
  }

  /** Adds bindings in one transaction (existing ones stay as they are). */
  create(cluster: string, bindings: readonly AclBinding[]): void {
    this.#db.transaction(() => {
      for (const b of bindings) this.#q.insert.run(cluster, ...fields(b));
    })();
  }

  /** The bindings matching `filter`. */
  list(cluster: string, filter: AclFilter = {}): AclBinding[] {
    return this.#q.all.all(cluster).map(toBinding).filter((b) => matches(b, filter));
  }

  /** Removes and returns the bindings matching `filter`. */
  delete(cluster: string, filter: AclFilter): AclBinding[] {
    return this.#db.transaction(() => {
      const gone = this.list(cluster, filter);
      for (const b of gone) this.#q.remove.run(cluster, ...fields(b));
      return gone;
    })();
  }

  /** Removes every binding of a deleted cluster. */
  deleteCluster(cluster: string): void {
    this.#q.dropCluster.run(cluster);
  }
}

function fields(b: AclBinding): [string, string, string, string, string, string, string] {
  return [b.resourceType, b.resourceName, b.patternType, b.principal, b.host, b.operation, b.permission];
}

function toBinding(r: AclRow): AclBinding {
  // Rows are only written from validated bindings, so the stored strings are the union members.
  return {
    resourceType: r.resource_type as AclBinding['resourceType'],
    resourceName: r.resource_name,
    patternType: r.pattern_type as AclBinding['patternType'],
    principal: r.principal,
    host: r.host,
    operation: r.operation as AclBinding['operation'],
    permission: r.permission as AclBinding['permission'],
  };
}

/** Kafka's AclBindingFilter.matches. */
export function matches(b: AclBinding, f: AclFilter): boolean {
  const any = (want: string | undefined, have: string): boolean => want === undefined || want === 'ANY' || want === have;
  if (!any(f.resourceType, b.resourceType)) return false;
  if (!any(f.operation, b.operation) || !any(f.permission, b.permission)) return false;
  if (f.principal !== undefined && f.principal !== b.principal) return false;
  if (f.host !== undefined && f.host !== b.host) return false;
  if (f.patternType === 'MATCH') {
    if (f.resourceName === undefined) return true;
    if (b.patternType === 'LITERAL') return b.resourceName === f.resourceName || b.resourceName === '*';
    return f.resourceName.startsWith(b.resourceName);
  }
  if (!any(f.patternType, b.patternType)) return false;
  return f.resourceName === undefined || f.resourceName === b.resourceName;
}
