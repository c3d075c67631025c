/**
 * CFU metering: every job run of a statement is a row of `flink_cfu_usage` in `cloud.db` holding
 * the CFUs it uses and the CFU-milliseconds integrated over wall time (injected clock). Open runs
 * accrue on every `accrue()`; a run left open by a crashed process is closed at its last accrual
 * when the next process opens the meter. Billing follows Confluent (§6): each run costs at least
 * one CFU-minute.
 */
import type Database from 'better-sqlite3';
import type { Clock } from '../../../../shared/index.js';
import type { StatementRef, StatementUsage } from './types.js';

const DDL = `
CREATE TABLE IF NOT EXISTS flink_cfu_usage (
  run_id INTEGER PRIMARY KEY AUTOINCREMENT,
  env_id TEXT NOT NULL,
  statement TEXT NOT NULL,
  uid TEXT NOT NULL,
  pool_id TEXT NOT NULL,
  cfu REAL NOT NULL,
  restart INTEGER NOT NULL,        -- 1 when the run recovered a RUNNING statement (not a user resume)
  started_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,     -- last accrual
  ended_at INTEGER,                -- NULL while the run is open
  cfu_ms REAL NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS flink_cfu_usage_by_statement ON flink_cfu_usage (env_id, statement);`;

/** Billed CFU-minutes of a set of runs: Σ max(1, cfu_ms / 60000). */
const BILLED = 'SUM(MAX(1.0, cfu_ms / 60000.0))';

interface UsageRow { env_id: string; statement: string; pool_id: string; runs: number; minutes: number }

/** Reads and writes `flink_cfu_usage`. */
export class CfuMeter {
  readonly #clock: Clock;
  readonly #q;

  constructor(db: Database.Database, opts: { readonly clock: Clock }) {
    this.#clock = opts.clock;
    db.exec(DDL);
    db.prepare('UPDATE flink_cfu_usage SET ended_at = updated_at WHERE ended_at IS NULL').run();
    this.#q = {
      open: db.prepare('INSERT INTO flink_cfu_usage (env_id, statement, uid, pool_id, cfu, restart, started_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      accrueAll: db.prepare('UPDATE flink_cfu_usage SET cfu_ms = cfu_ms + cfu * MAX(0, ? - updated_at), updated_at = MAX(updated_at, ?) WHERE ended_at IS NULL'),
      accrueOne: db.prepare('UPDATE flink_cfu_usage SET cfu_ms = cfu_ms + cfu * MAX(0, ? - updated_at), updated_at = MAX(updated_at, ?), ended_at = ? WHERE run_id = ? AND ended_at IS NULL'),
      byStatement: db.prepare<[], UsageRow>(`SELECT env_id, statement, pool_id, COUNT(*) AS runs, ${BILLED} AS minutes FROM flink_cfu_usage
        GROUP BY env_id, statement, pool_id ORDER BY env_id, statement, pool_id`),
      restarts: db.prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM flink_cfu_usage WHERE uid = ? AND restart = 1'),
    };
  }

  /** Opens a run of a statement; returns its id for `close`. */
  open(ref: StatementRef, run: { readonly uid: string; readonly poolId: string; readonly cfu: number; readonly restart: boolean }): number {
    const now = this.#clock.now();
    const res = this.#q.open.run(ref.environmentId, ref.name, run.uid, run.poolId, run.cfu, run.restart ? 1 : 0, now, now);
    return Number(res.lastInsertRowid);
  }

  /** Accrues and closes a run. */
  close(runId: number): void {
    const now = this.#clock.now();
    this.#q.accrueOne.run(now, now, now, runId);
  }

  /** Integrates every open run's CFUs up to now. */
  accrue(): void {
    const now = this.#clock.now();
    this.#q.accrueAll.run(now, now);
  }

  /** Billed CFU-minutes per statement and pool (after an accrual), sorted by environment, statement, pool. */
  usage(): StatementUsage[] {
    this.accrue();
    return this.#q.byStatement.all().map((r) => ({ environmentId: r.env_id, name: r.statement, computePoolId: r.pool_id, runs: r.runs, cfuMinutes: r.minutes }));
  }

  /** Runs of a statement (by uid) that recovered it after a restart. */
  restarts(uid: string): number {
    return this.#q.restarts.get(uid)?.n ?? 0;
  }
}
