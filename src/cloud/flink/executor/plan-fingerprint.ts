/**
 * The shape of a job's state, and a check that a checkpoint still fits the plan restoring it.
 *
 * Operator state is keyed by node id and holds rows laid out as the node's input and output
 * fields. A statement restored by a streamform that plans its SQL differently (say, projection
 * pushdown narrowed a join's inputs) would read rows of another width into its operators, and
 * produce wrong results without any error. So the first run of a statement records the shape of
 * its plan — every node's id, kind and field types, which is what state layouts follow; not
 * startup options, which change from the first run to a resume — and a later run of a stateful
 * plan that finds checkpoints fails with a clear error when the shape differs, instead of
 * restoring them. (A stateless plan's checkpoint holds only source offsets: any shape resumes it,
 * e.g. after its source topic was recreated and its table inferred again.)
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { PhysicalPlan } from '../planner/index.js';
import { isStatefulNode } from '../planner/index.js';
import { printType } from '../types/index.js';

const DDL = `
CREATE TABLE IF NOT EXISTS flink_job_plans (
  statement TEXT PRIMARY KEY,       -- statement uid
  fingerprint TEXT NOT NULL         -- sha256 of the plan's state shape (plan-fingerprint.ts)
);`;

interface ShapeField { readonly name: string; readonly type: Parameters<typeof printType>[0] }
interface ShapeNode { readonly id: string; readonly kind: string; readonly fields?: readonly ShapeField[] }

function isNode(v: unknown): v is ShapeNode {
  return typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string' && typeof (v as { kind?: unknown }).kind === 'string';
}

/** The accumulators an aggregating node keeps per key: function, DISTINCT and argument type. */
function accumulators(n: ShapeNode): string {
  const aggs = (n as { aggregates?: readonly { fn: string; distinct?: boolean; argType?: ShapeField['type'] }[] }).aggregates ?? [];
  return aggs.map((a) => `${a.fn}${a.distinct === true ? ' DISTINCT' : ''}(${a.argType === undefined ? '' : printType(a.argType)})`).join(',');
}

/** Stateful kinds whose state is keys and accumulators (their output shape), not input rows. */
const ACCUMULATING = new Set(['group-aggregate', 'window-aggregate']);

/**
 * sha256 over the stateful nodes (isStatefulNode, and sinks with an upsert materializer) — id,
 * kind, field types and accumulators — and, where the state holds input rows (joins, Top-N, dedup, OVER, …),
 * the field types of their inputs; sinks first, depth first.
 * Stateless nodes do not count: a recreated source topic whose table is inferred with other
 * column details does not misfit an aggregate that reads the same columns.
 */
export function planFingerprint(plan: PhysicalPlan): string {
  const hash = createHash('sha256');
  const seen = new Set<unknown>();
  const shape = (n: ShapeNode): string => (n.fields ?? []).map((f) => `${f.name}:${printType(f.type)}`).join(",");
  const visit = (n: ShapeNode): void => {
    if (seen.has(n)) return;
    seen.add(n);
    const children = Object.values(n).flatMap((v) => (isNode(v) ? [v] : Array.isArray(v) ? v.filter(isNode) : []));
    const rows = ACCUMULATING.has(n.kind) ? '' : children.map(shape).join('|');
    if (isStatefulNode(n.kind) || (n as { materialize?: unknown }).materialize !== undefined) hash.update(`${n.id}|${n.kind}|${shape(n)}|${rows}|${accumulators(n)}\n`);
    for (const c of children) visit(c);
  };
  for (const s of plan.sinks) visit(s);
  return hash.digest('hex');
}

/** `flink_job_plans`: the plan shape each statement's checkpoints were written for. */
export class PlanFingerprints {
  readonly #q;

  constructor(db: Database.Database) {
    db.exec(DDL);
    this.#q = {
      get: db.prepare<[string], { fingerprint: string }>('SELECT fingerprint FROM flink_job_plans WHERE statement = ?'),
      put: db.prepare('INSERT INTO flink_job_plans (statement, fingerprint) VALUES (?, ?) ON CONFLICT (statement) DO UPDATE SET fingerprint = excluded.fingerprint'),
      remove: db.prepare('DELETE FROM flink_job_plans WHERE statement = ?'),
    };
  }

  /**
   * Before a job of statement `uid` starts: when `restoresState` (a stateful plan with
   * checkpoints), the error text if they were written for another plan shape; otherwise (and when
   * none was recorded before this check existed) records `fingerprint`.
   */
  admit(uid: string, fingerprint: string, restoresState: boolean, statementName: string): string | undefined {
    const stored = this.#q.get.get(uid)?.fingerprint;
    if (restoresState && stored !== undefined && stored !== fingerprint) {
      return `Cannot restore statement '${statementName}' from its checkpoint: its SQL is now planned differently `
        + '(a different streamform version), so the saved operator state does not fit the new plan. '
        + 'Delete the statement and create it again, or change its SQL with an evolution strategy '
        + '(# streamform: evolution = "restart-from-earliest" or "cut-over"; see docs/evolving-statements.md).';
    }
    if (stored !== fingerprint) this.#q.put.run(uid, fingerprint);
    return undefined;
  }

  /** Forgets a deleted statement's plan shape. */
  delete(uid: string): void {
    this.#q.remove.run(uid);
  }
}
