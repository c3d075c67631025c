/**
 * The gauges a statement's job had when it ended (COMPLETED, STOPPED, FAILED), kept in `cloud.db`
 * so that `/metrics`, `statement describe` and `top` still show a finished statement's records in
 * and out and its watermarks after a cloud restart, until the statement is deleted or runs again.
 */
import type Database from 'better-sqlite3';
import type { StatementMetrics, StatementRef } from './types.js';

/** Gauges kept after a job ended. */
export type FinalGauges = Pick<StatementMetrics, 'pendingRecords' | 'recordsIn' | 'recordsOut' | 'inputWatermark' | 'outputWatermark'>;

const DDL = `
CREATE TABLE IF NOT EXISTS flink_final_gauges (
  env_id TEXT NOT NULL,
  statement TEXT NOT NULL,
  pending_records REAL NOT NULL,
  records_in REAL NOT NULL,
  records_out REAL NOT NULL,
  input_watermark REAL,             -- NULL: none yet
  output_watermark REAL,
  PRIMARY KEY (env_id, statement)
);`;

interface Row { env_id: string; statement: string; pending_records: number; records_in: number; records_out: number; input_watermark: number | null; output_watermark: number | null }

/** Reads and writes `flink_final_gauges`. */
export class FinalGaugesStore {
  readonly #q;

  constructor(db: Database.Database) {
    db.exec(DDL);
    this.#q = {
      put: db.prepare('INSERT OR REPLACE INTO flink_final_gauges (env_id, statement, pending_records, records_in, records_out, input_watermark, output_watermark) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      remove: db.prepare('DELETE FROM flink_final_gauges WHERE env_id = ? AND statement = ?'),
      all: db.prepare<[], Row>('SELECT * FROM flink_final_gauges'),
    };
  }

  put(ref: StatementRef, g: FinalGauges): void {
    this.#q.put.run(ref.environmentId, ref.name, g.pendingRecords, g.recordsIn, g.recordsOut, g.inputWatermark, g.outputWatermark);
  }

  delete(ref: StatementRef): void {
    this.#q.remove.run(ref.environmentId, ref.name);
  }

  /** Every statement's final gauges. */
  all(): { readonly ref: StatementRef; readonly gauges: FinalGauges }[] {
    return this.#q.all.all().map((r) => ({
      ref: { environmentId: r.env_id, name: r.statement },
      gauges: { pendingRecords: r.pending_records, recordsIn: r.records_in, recordsOut: r.records_out, inputWatermark: r.input_watermark, outputWatermark: r.output_watermark },
    }));
  }
}
