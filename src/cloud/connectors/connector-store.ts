/** ConnectorStore: connector definitions and lifecycle state in `cloud.db`; a runtime drives `state`. */
import type Database from 'better-sqlite3';
import type { ConnectorOffset, ConnectorRecord, ConnectorState } from './types.js';

type Db = Database.Database;

/** What changed, for listeners (a connector runtime). */
export type ConnectorEvent = { readonly kind: 'created' | 'updated' | 'deleted'; readonly clusterId: string; readonly name: string };

/** The persisted connectors of one data directory. */
export class ConnectorStore {
  readonly #db: Db;
  readonly #listeners = new Set<(e: ConnectorEvent) => void>();
  #runtimes = 0;

  constructor(db: Db) {
    this.#db = db;
    db.exec(`CREATE TABLE IF NOT EXISTS connectors (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, cluster_id TEXT NOT NULL, name TEXT NOT NULL, id TEXT NOT NULL UNIQUE, doc TEXT NOT NULL,
      UNIQUE (cluster_id, name))`);
  }

  /**
   * Declares that a connector runtime provisions connectors: new ones then start PROVISIONING
   * and the runtime moves them to RUNNING. Returns the detach function.
   */
  attachRuntime(): () => void {
    this.#runtimes++;
    let attached = true;
    return () => { if (attached) { attached = false; this.#runtimes--; } };
  }

  /** True while a runtime is attached. */
  get runtimeAttached(): boolean {
    return this.#runtimes > 0;
  }

  /** Registers a listener; returns an unsubscribe function. */
  subscribe(listener: (e: ConnectorEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => { this.#listeners.delete(listener); };
  }

  /** One connector, or undefined. */
  get(clusterId: string, name: string): ConnectorRecord | undefined {
    const row = this.#db.prepare('SELECT doc FROM connectors WHERE cluster_id = ? AND name = ?').get(clusterId, name) as { doc: string } | undefined;
    return row === undefined ? undefined : (JSON.parse(row.doc) as ConnectorRecord);
  }

  /** Connectors of a cluster (all clusters when omitted), in creation order. */
  list(clusterId?: string): ConnectorRecord[] {
    const rows = (clusterId === undefined
      ? this.#db.prepare('SELECT doc FROM connectors ORDER BY seq').all()
      : this.#db.prepare('SELECT doc FROM connectors WHERE cluster_id = ? ORDER BY seq').all(clusterId)) as { doc: string }[];
    return rows.map((r) => JSON.parse(r.doc) as ConnectorRecord);
  }

  /** True when a connector id is taken. */
  hasId(id: string): boolean {
    return this.#db.prepare('SELECT 1 FROM connectors WHERE id = ?').get(id) !== undefined;
  }

  /** Inserts a connector; false when the name is taken on its cluster. */
  insert(rec: ConnectorRecord): boolean {
    const res = this.#db.prepare('INSERT OR IGNORE INTO connectors (cluster_id, name, id, doc) VALUES (?, ?, ?, ?)').run(rec.clusterId, rec.name, rec.id, JSON.stringify(rec));
    if (res.changes > 0) this.#emit({ kind: 'created', clusterId: rec.clusterId, name: rec.name });
    return res.changes > 0;
  }

  /** Replaces a connector. */
  update(rec: ConnectorRecord): void {
    this.#db.prepare('UPDATE connectors SET doc = ? WHERE cluster_id = ? AND name = ?').run(JSON.stringify(rec), rec.clusterId, rec.name);
    this.#emit({ kind: 'updated', clusterId: rec.clusterId, name: rec.name });
  }

  /** Sets the lifecycle state (runtime). */
  setState(clusterId: string, name: string, state: ConnectorState, opts: { trace?: string; now: string }): void {
    const cur = this.get(clusterId, name);
    if (cur === undefined) return;
    const { trace: _old, ...rest } = cur;
    this.update(opts.trace === undefined ? { ...rest, state, updatedAt: opts.now } : { ...rest, state, trace: opts.trace, updatedAt: opts.now });
  }

  /** Sets the source offsets (runtime or offsets request). */
  setOffsets(clusterId: string, name: string, offsets: readonly ConnectorOffset[], now: string): void {
    const cur = this.get(clusterId, name);
    if (cur !== undefined) this.update({ ...cur, offsets, updatedAt: now });
  }

  /** Deletes a connector; true when it existed. */
  delete(clusterId: string, name: string): boolean {
    const removed = this.#db.prepare('DELETE FROM connectors WHERE cluster_id = ? AND name = ?').run(clusterId, name).changes > 0;
    if (removed) this.#emit({ kind: 'deleted', clusterId, name });
    return removed;
  }

  /** Deletes every connector of a cluster (the cluster was deleted). */
  deleteCluster(clusterId: string): void {
    for (const c of this.list(clusterId)) this.delete(clusterId, c.name);
  }

  #emit(e: ConnectorEvent): void {
    for (const l of this.#listeners) l(e);
  }
}
