/**
 * StatementStore: statement definitions and what the runtime reports about them (phase, traits,
 * exceptions, latest offsets, result pages), in `cloud.db`. The REST routes create and update
 * statements; a runtime drives them through listRunnable / setPhase / appendResults and friends.
 */
import type Database from 'better-sqlite3';
import type { Clock } from '../../../shared/index.js';
import type { ResultRow, StatementEvent, StatementException, StatementPhase, StatementRecord, StatementTraits } from './types.js';

type Db = Database.Database;

/** How many exceptions are kept per statement (newest win). */
const MAX_EXCEPTIONS = 10;

/** The persisted statements of one data directory. */
export class StatementStore {
  readonly #db: Db;
  readonly #clock: Clock;
  readonly #listeners = new Set<(e: StatementEvent) => void>();
  /** When a client last fetched each statement's results (this process only; the idle rule restarts with the cloud). */
  readonly #fetchedAt = new Map<string, number>();
  #runtimes = 0;

  constructor(db: Db, opts: { clock: Clock }) {
    this.#db = db;
    this.#clock = opts.clock;
    db.exec(`
      CREATE TABLE IF NOT EXISTS statements (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        env_id TEXT NOT NULL, name TEXT NOT NULL, pool_id TEXT NOT NULL, doc TEXT NOT NULL,
        UNIQUE (env_id, name));
      CREATE TABLE IF NOT EXISTS statement_exceptions (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, env_id TEXT NOT NULL, name TEXT NOT NULL, doc TEXT NOT NULL);
      CREATE INDEX IF NOT EXISTS statement_exceptions_by_name ON statement_exceptions (env_id, name);
      CREATE TABLE IF NOT EXISTS statement_results (
        env_id TEXT NOT NULL, name TEXT NOT NULL, page INTEGER NOT NULL, rows TEXT NOT NULL,
        PRIMARY KEY (env_id, name, page));
    `);
  }

  /**
   * Declares that a runtime drives these statements: stops then go STOPPING and wait for the
   * runtime to report STOPPED. Returns the detach function. Without a runtime a stop is immediate.
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

  /** Registers a listener for created/updated/deleted events; returns an unsubscribe function. */
  subscribe(listener: (e: StatementEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => { this.#listeners.delete(listener); };
  }

  /** One statement, or undefined. */
  get(envId: string, name: string): StatementRecord | undefined {
    const row = this.#db.prepare('SELECT doc FROM statements WHERE env_id = ? AND name = ?').get(envId, name) as { doc: string } | undefined;
    return row === undefined ? undefined : (JSON.parse(row.doc) as StatementRecord);
  }

  /** Statements of an environment (optionally of one compute pool), in creation order. */
  list(envId: string, opts: { computePoolId?: string } = {}): StatementRecord[] {
    const rows = (opts.computePoolId === undefined
      ? this.#db.prepare('SELECT doc FROM statements WHERE env_id = ? ORDER BY seq').all(envId)
      : this.#db.prepare('SELECT doc FROM statements WHERE env_id = ? AND pool_id = ? ORDER BY seq').all(envId, opts.computePoolId)) as { doc: string }[];
    return rows.map((r) => JSON.parse(r.doc) as StatementRecord);
  }

  /** Every statement of every environment that a runtime should be executing (PENDING, RUNNING, DEGRADED, STOPPING). */
  listRunnable(): StatementRecord[] {
    const rows = this.#db.prepare('SELECT doc FROM statements ORDER BY seq').all() as { doc: string }[];
    return rows.map((r) => JSON.parse(r.doc) as StatementRecord)
      .filter((s) => s.status.phase === 'PENDING' || s.status.phase === 'RUNNING' || s.status.phase === 'DEGRADED' || s.status.phase === 'STOPPING');
  }

  /** True when an environment holds any statement. */
  hasStatements(envId: string): boolean {
    return this.#db.prepare('SELECT 1 FROM statements WHERE env_id = ? LIMIT 1').get(envId) !== undefined;
  }

  /** Inserts a new statement; false when the name is taken in its environment. */
  insert(rec: StatementRecord): boolean {
    const res = this.#db.prepare('INSERT OR IGNORE INTO statements (env_id, name, pool_id, doc) VALUES (?, ?, ?, ?)')
      .run(rec.environmentId, rec.name, rec.spec.computePoolId, JSON.stringify(rec));
    if (res.changes === 0) return false;
    this.#emit({ kind: 'created', environmentId: rec.environmentId, name: rec.name });
    return true;
  }

  /** Replaces a statement, bumping resource_version and updated_at. Returns the stored record. */
  replace(rec: StatementRecord): StatementRecord {
    const next: StatementRecord = { ...rec, resourceVersion: rec.resourceVersion + 1, updatedAt: this.#now() };
    this.#db.prepare('UPDATE statements SET doc = ?, pool_id = ? WHERE env_id = ? AND name = ?')
      .run(JSON.stringify(next), next.spec.computePoolId, next.environmentId, next.name);
    this.#emit({ kind: 'updated', environmentId: rec.environmentId, name: rec.name });
    return next;
  }

  /** Deletes a statement with its exceptions and results; true when it existed. */
  delete(envId: string, name: string): boolean {
    const removed = this.#db.transaction(() => {
      this.#db.prepare('DELETE FROM statement_exceptions WHERE env_id = ? AND name = ?').run(envId, name);
      this.#db.prepare('DELETE FROM statement_results WHERE env_id = ? AND name = ?').run(envId, name);
      return this.#db.prepare('DELETE FROM statements WHERE env_id = ? AND name = ?').run(envId, name).changes > 0;
    })();
    this.#fetchedAt.delete(`${envId}\u0000${name}`);
    if (removed) this.#emit({ kind: 'deleted', environmentId: envId, name });
    return removed;
  }

  /** Sets phase and detail (runtime). Sets `end_time` on terminal phases. */
  setPhase(envId: string, name: string, phase: StatementPhase, detail: string): StatementRecord | undefined {
    return this.#mutate(envId, name, (s) => {
      const terminal = phase === 'COMPLETED' || phase === 'FAILED' || phase === 'STOPPED';
      const status = { ...s.status, phase, detail };
      return { ...s, status: terminal ? { ...status, endTime: this.#now() } : withoutEndTime(status) };
    });
  }

  /** Sets `status.traits` (runtime, after planning). */
  setTraits(envId: string, name: string, traits: StatementTraits): StatementRecord | undefined {
    return this.#mutate(envId, name, (s) => ({ ...s, status: { ...s.status, traits } }));
  }

  /** Records latest source offsets (runtime, typically on stop). */
  setLatestOffsets(envId: string, name: string, offsets: { readonly [topic: string]: string }, timestamp?: string): StatementRecord | undefined {
    return this.#mutate(envId, name, (s) => ({ ...s, status: { ...s.status, latestOffsets: offsets, latestOffsetsTimestamp: timestamp ?? this.#now() } }));
  }

  /** Read-modify-write of one statement in a transaction. */
  /**
   * Applies a runtime change; one that changes nothing (traits planned again the same) writes
   * nothing and tells no subscriber: an event would make the executor look at the statement again,
   * which for a statement waiting for pool capacity re-plans it and sets the same traits again.
   */
  #mutate(envId: string, name: string, fn: (s: StatementRecord) => StatementRecord): StatementRecord | undefined {
    return this.#db.transaction(() => {
      const cur = this.get(envId, name);
      if (cur === undefined) return undefined;
      const next = fn(cur);
      return JSON.stringify(next) === JSON.stringify(cur) ? cur : this.replace(next);
    })();
  }

  /** Appends an exception (runtime); keeps the newest MAX_EXCEPTIONS. */
  appendException(envId: string, name: string, ex: { name: string; message: string }): void {
    const doc: StatementException = { name: ex.name, message: ex.message, timestamp: this.#now() };
    this.#db.transaction(() => {
      this.#db.prepare('INSERT INTO statement_exceptions (env_id, name, doc) VALUES (?, ?, ?)').run(envId, name, JSON.stringify(doc));
      this.#db.prepare(`DELETE FROM statement_exceptions WHERE env_id = ? AND name = ? AND seq NOT IN
        (SELECT seq FROM statement_exceptions WHERE env_id = ? AND name = ? ORDER BY seq DESC LIMIT ?)`).run(envId, name, envId, name, MAX_EXCEPTIONS);
    })();
  }

  /** Exceptions, newest first. */
  exceptions(envId: string, name: string): StatementException[] {
    const rows = this.#db.prepare('SELECT doc FROM statement_exceptions WHERE env_id = ? AND name = ? ORDER BY seq DESC').all(envId, name) as { doc: string }[];
    return rows.map((r) => JSON.parse(r.doc) as StatementException);
  }

  /** Appends one result page (runtime); returns its page number (0-based). */
  appendResults(envId: string, name: string, rows: readonly ResultRow[]): number {
    return this.#db.transaction(() => {
      const row = this.#db.prepare('SELECT COALESCE(MAX(page) + 1, 0) AS next FROM statement_results WHERE env_id = ? AND name = ?').get(envId, name) as { next: number };
      this.#db.prepare('INSERT INTO statement_results (env_id, name, page, rows) VALUES (?, ?, ?, ?)').run(envId, name, row.next, JSON.stringify(rows));
      return row.next;
    })();
  }

  /** One result page, or undefined when it has not been written (yet). */
  resultPage(envId: string, name: string, page: number): readonly ResultRow[] | undefined {
    const row = this.#db.prepare('SELECT rows FROM statement_results WHERE env_id = ? AND name = ? AND page = ?').get(envId, name, page) as { rows: string } | undefined;
    return row === undefined ? undefined : (JSON.parse(row.rows) as ResultRow[]);
  }

  /** Notes that a client fetched results now (the 5-minute idle rule of foreground statements, §5.1). */
  noteResultsFetched(envId: string, name: string): void {
    this.#fetchedAt.set(`${envId}\u0000${name}`, this.#clock.now());
  }

  /** When a client last fetched the statement's results in this process, or undefined. */
  resultsFetchedAt(envId: string, name: string): number | undefined {
    return this.#fetchedAt.get(`${envId}\u0000${name}`);
  }

  /** Number of result pages written so far. */
  resultPageCount(envId: string, name: string): number {
    const row = this.#db.prepare('SELECT COUNT(*) AS n FROM statement_results WHERE env_id = ? AND name = ?').get(envId, name) as { n: number };
    return row.n;
  }

  #now(): string {
    return new Date(this.#clock.now()).toISOString();
  }

  #emit(e: StatementEvent): void {
    for (const l of this.#listeners) l(e);
  }
}

function withoutEndTime(s: StatementRecord['status']): StatementRecord['status'] {
  const { endTime: _drop, ...rest } = s;
  return rest;
}
