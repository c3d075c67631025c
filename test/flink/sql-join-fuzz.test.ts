/**
 * Differential fuzz test of the SQL join path: random small tables (append, or upsert with updates
 * and tombstones), random source batch sizes, random checkpoint → restore points, and a random join
 * (INNER / LEFT / RIGHT / FULL, with or without a residual, cross and theta joins without an equality, FULL JOIN USING, IN / EXISTS / NOT IN /
 * NOT EXISTS subqueries, correlated or not, scalar subqueries) run through the whole SQL path (parse → bind → plan → job →
 * task runner). The folded changelog must equal a naive batch evaluation, written here, of the same
 * query over the tables' final contents. A failure prints the seed, the query and both tables.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FlinkHarness } from '../../src/cloud/flink/executor/executor-harness.js';
import { writableColumns } from '../../src/cloud/flink/binder/index.js';
import { prepareStatement, tableSerializer } from '../../src/cloud/flink/executor/index.js';
import { buildJob } from '../../src/cloud/flink/executor/job-builder.js';
import { TaskRunner } from '../../src/cloud/flink/runtime/index.js';
import { seededRandom } from '../../src/cloud/flink/runtime/stateful/seeded-random.js';
import { systemClock, systemIds } from '../../src/shared/index.js';

type Row = readonly (number | null)[];
type Cell = number | null;

/** One table's records: an append table's rows, or an upsert table's upserts and tombstones (by id). */
interface TableData {
  readonly upsert: boolean;
  readonly records: readonly { readonly row: Row; readonly tombstone: boolean }[];
}

/** A join to run: the SQL and its batch evaluation over the final `[id, k, v]` rows of L and R. */
interface Case {
  readonly sql: string;
  readonly expected: (l: readonly Row[], r: readonly Row[]) => (readonly unknown[])[];
}

const eq = (a: Cell, b: Cell): boolean | null => (a === null || b === null ? null : a === b);
const lt = (a: Cell, b: Cell): boolean | null => (a === null || b === null ? null : a < b);
const and = (a: boolean | null, b: boolean | null): boolean | null => (a === false || b === false ? false : a === null || b === null ? null : true);
const PAD: Row = [null, null, null];

/** Regular joins: `on(l, r)` is SQL's three-valued condition; only `true` pairs join. */
function outerJoin(kind: 'INNER' | 'LEFT' | 'RIGHT' | 'FULL', on: (l: Row, r: Row) => boolean | null) {
  return (ls: readonly Row[], rs: readonly Row[]): Row[] => {
    const out: Row[] = [];
    const rightMatched = new Set<number>();
    for (const l of ls) {
      let matched = false;
      rs.forEach((r, j) => {
        if (on(l, r) === true) { out.push([...l, ...r]); matched = true; rightMatched.add(j); }
      });
      if (!matched && (kind === 'LEFT' || kind === 'FULL')) out.push([...l, ...PAD]);
    }
    if (kind === 'RIGHT' || kind === 'FULL') rs.forEach((r, j) => { if (!rightMatched.has(j)) out.push([...PAD, ...r]); });
    return out;
  };
}

/** `lhs(l) IN (SELECT item(r) FROM R WHERE cond(l, r))` as a value: TRUE / FALSE / NULL. */
function inValue(ls: readonly Row[], rs: readonly Row[], l: Row, lhs: Cell, item: (r: Row) => Cell, cond: (l: Row, r: Row) => boolean | null): string | null {
  let verdict: boolean | null = false;
  for (const r of rs) {
    if (cond(l, r) !== true) continue;
    const c = eq(lhs, item(r));
    if (c === true) return 'TRUE';
    if (c === null) verdict = null;
  }
  void ls;
  return verdict === null ? null : 'FALSE';
}

/** `EXISTS (… WHERE cond)` / NOT EXISTS over the pairs. */
function exists(negated: boolean, cond: (l: Row, r: Row) => boolean | null) {
  return (ls: readonly Row[], rs: readonly Row[]): Row[] => ls.filter((l) => rs.some((r) => cond(l, r) === true) !== negated);
}

/** `lhs(l) [NOT] IN (SELECT item(r) FROM R WHERE cond(l, r))`, SQL three-valued. */
function inQuery(negated: boolean, lhs: (l: Row) => Cell, item: (r: Row) => Cell, cond: (l: Row, r: Row) => boolean | null) {
  return (ls: readonly Row[], rs: readonly Row[]): Row[] => ls.filter((l) => {
    let verdict: boolean | null = false;
    for (const r of rs) {
      if (cond(l, r) !== true) continue;
      const c = eq(lhs(l), item(r));
      if (c === true) { verdict = true; break; }
      if (c === null) verdict = null;
    }
    return negated ? verdict === false : verdict === true;
  });
}

const ALL = 'l.id, l.k, l.v, r.id, r.k, r.v';
const CASES: readonly Case[] = [
  { sql: `SELECT ${ALL} FROM L l JOIN R r ON l.k = r.k`, expected: outerJoin('INNER', (l, r) => eq(l[1] ?? null, r[1] ?? null)) },
  { sql: `SELECT ${ALL} FROM L l LEFT JOIN R r ON l.k = r.k`, expected: outerJoin('LEFT', (l, r) => eq(l[1] ?? null, r[1] ?? null)) },
  { sql: `SELECT ${ALL} FROM L l RIGHT JOIN R r ON l.k = r.k`, expected: outerJoin('RIGHT', (l, r) => eq(l[1] ?? null, r[1] ?? null)) },
  { sql: `SELECT ${ALL} FROM L l FULL JOIN R r ON l.k = r.k`, expected: outerJoin('FULL', (l, r) => eq(l[1] ?? null, r[1] ?? null)) },
  { sql: `SELECT ${ALL} FROM L l JOIN R r ON l.k = r.k AND l.v < r.v`, expected: outerJoin('INNER', (l, r) => and(eq(l[1] ?? null, r[1] ?? null), lt(l[2] ?? null, r[2] ?? null))) },
  { sql: `SELECT ${ALL} FROM L l LEFT JOIN R r ON l.k = r.k AND l.v < r.v`, expected: outerJoin('LEFT', (l, r) => and(eq(l[1] ?? null, r[1] ?? null), lt(l[2] ?? null, r[2] ?? null))) },
  { sql: `SELECT ${ALL} FROM L l FULL JOIN R r ON l.k = r.k AND l.v < r.v`, expected: outerJoin('FULL', (l, r) => and(eq(l[1] ?? null, r[1] ?? null), lt(l[2] ?? null, r[2] ?? null))) },
  { sql: `SELECT ${ALL} FROM L l, R r`, expected: outerJoin('INNER', () => true) },
  { sql: `SELECT ${ALL} FROM L l JOIN R r ON l.v < r.v`, expected: outerJoin('INNER', (l, r) => lt(l[2] ?? null, r[2] ?? null)) },
  { sql: `SELECT ${ALL} FROM L l LEFT JOIN R r ON l.v < r.v`, expected: outerJoin('LEFT', (l, r) => lt(l[2] ?? null, r[2] ?? null)) },
  { sql: `SELECT ${ALL} FROM L l RIGHT JOIN R r ON l.k < r.v`, expected: outerJoin('RIGHT', (l, r) => lt(l[1] ?? null, r[2] ?? null)) },
  { sql: `SELECT ${ALL} FROM L l FULL JOIN R r ON l.v < r.v AND r.k < l.k`, expected: outerJoin('FULL', (l, r) => and(lt(l[2] ?? null, r[2] ?? null), lt(r[1] ?? null, l[1] ?? null))) },
  { sql: `SELECT ${ALL} FROM L l CROSS JOIN R r WHERE l.v < r.k`, expected: outerJoin('INNER', (l, r) => lt(l[2] ?? null, r[1] ?? null)) },
  {
    sql: 'SELECT l.id, l.v, a.m FROM L l, (SELECT MAX(v) AS m FROM R) a WHERE l.v < a.m',
    expected: (ls, rs) => { const m = maxOf(rs.map((r) => r[2] ?? null)); return ls.filter((l) => lt(l[2] ?? null, m) === true).map((l) => [l[0] ?? null, l[2] ?? null, m]); },
  },
  {
    // The first join's output (keyed by l.id, r.id when both tables are upsert tables) as an updating input of the second.
    sql: 'SELECT l.id, r.id, r2.id FROM L l JOIN R r ON l.k = r.k LEFT JOIN R r2 ON r.v = r2.v',
    expected: (ls, rs) => outerJoin('INNER', (l, r) => eq(l[1] ?? null, r[1] ?? null))(ls, rs).flatMap((x) => {
      const m = rs.filter((r2) => eq(x[5] ?? null, r2[2] ?? null) === true);
      return m.length === 0 ? [[x[0] ?? null, x[3] ?? null, null]] : m.map((r2) => [x[0] ?? null, x[3] ?? null, r2[0] ?? null]);
    }),
  },
  {
    sql: 'SELECT l.id, r.id, r2.id FROM L l JOIN R r ON l.k < r.k JOIN R r2 ON r.id = r2.id AND l.v <> r2.v',
    expected: (ls, rs) => outerJoin('INNER', (l, r) => lt(l[1] ?? null, r[1] ?? null))(ls, rs).flatMap((x) =>
      rs.filter((r2) => eq(x[3] ?? null, r2[0] ?? null) === true && eq(x[2] ?? null, r2[2] ?? null) === false).map((r2) => [x[0] ?? null, x[3] ?? null, r2[0] ?? null])),
  },
  {
    sql: 'SELECT k, l.id, r.id, l.v FROM L l FULL JOIN R r USING (k)',
    expected: (ls, rs) => outerJoin('FULL', (l, r) => eq(l[1] ?? null, r[1] ?? null))(ls, rs).map((x) => [x[1] ?? x[4] ?? null, x[0] ?? null, x[3] ?? null, x[2] ?? null]),
  },
  { sql: 'SELECT * FROM L WHERE k IN (SELECT k FROM R)', expected: inQuery(false, (l) => l[1] ?? null, (r) => r[1] ?? null, () => true) },
  { sql: 'SELECT * FROM L WHERE k NOT IN (SELECT k FROM R)', expected: inQuery(true, (l) => l[1] ?? null, (r) => r[1] ?? null, () => true) },
  { sql: 'SELECT * FROM L WHERE k NOT IN (SELECT k FROM R WHERE v > 1)', expected: inQuery(true, (l) => l[1] ?? null, (r) => r[1] ?? null, (_l, r) => lt(1, r[2] ?? null)) },
  { sql: 'SELECT * FROM L l WHERE v NOT IN (SELECT r.v FROM R r WHERE r.k = l.k)', expected: inQuery(true, (l) => l[2] ?? null, (r) => r[2] ?? null, (l, r) => eq(r[1] ?? null, l[1] ?? null)) },
  { sql: 'SELECT * FROM L l WHERE EXISTS (SELECT * FROM R r WHERE r.k = l.k AND l.v < r.v)', expected: exists(false, (l, r) => and(eq(r[1] ?? null, l[1] ?? null), lt(l[2] ?? null, r[2] ?? null))) },
  { sql: 'SELECT * FROM L l WHERE NOT EXISTS (SELECT * FROM R r WHERE r.k = l.k)', expected: exists(true, (l, r) => eq(r[1] ?? null, l[1] ?? null)) },
  { sql: 'SELECT * FROM L l WHERE NOT EXISTS (SELECT * FROM R r WHERE r.k = l.k AND l.v < r.v) AND v IS NOT NULL', expected: (ls, rs) => exists(true, (l, r) => and(eq(r[1] ?? null, l[1] ?? null), lt(l[2] ?? null, r[2] ?? null)))(ls.filter((l) => l[2] !== null), rs) },
  { sql: 'SELECT * FROM L WHERE EXISTS (SELECT * FROM R WHERE v = 2)', expected: exists(false, (_l, r) => eq(r[2] ?? null, 2)) },
  { sql: 'SELECT * FROM L WHERE v > (SELECT MIN(v) FROM R)', expected: (ls, rs) => ls.filter((l) => lt(minOf(rs.map((r) => r[2] ?? null)), l[2] ?? null) === true) },
  {
    sql: 'SELECT l.id, (SELECT SUM(r.v) FROM R r WHERE r.k = l.k AND r.v > 0) FROM L l',
    expected: (ls, rs) => ls.map((l) => [l[0] ?? null, sumOf(rs.filter((r) => eq(r[1] ?? null, l[1] ?? null) === true && lt(0, r[2] ?? null) === true).map((r) => r[2] ?? null))]),
  },
  {
    sql: 'SELECT l.id, l.k IN (SELECT r.k FROM R r WHERE r.v > 0), EXISTS (SELECT * FROM R r WHERE r.k = l.k) FROM L l',
    expected: (ls, rs) => ls.map((l) => [l[0] ?? null, inValue(ls, rs, l, l[1] ?? null, (r) => r[1] ?? null, (_l, r) => lt(0, r[2] ?? null)),
      rs.some((r) => eq(r[1] ?? null, l[1] ?? null) === true) ? 'TRUE' : 'FALSE']),
  },
  {
    sql: 'SELECT * FROM L l WHERE l.v = 0 OR l.k NOT IN (SELECT r.k FROM R r)',
    expected: (ls, rs) => ls.filter((l) => l[2] === 0 || inValue(ls, rs, l, l[1] ?? null, (r) => r[1] ?? null, () => true) === 'FALSE'),
  },
  {
    sql: 'SELECT l.id, l.v FROM L l WHERE (SELECT COUNT(*) FROM R r WHERE r.k = l.k) < 2',
    expected: (ls, rs) => ls.filter((l) => rs.filter((r) => eq(r[1] ?? null, l[1] ?? null) === true).length < 2).map((l) => [l[0] ?? null, l[2] ?? null]),
  },
];

function maxOf(xs: readonly Cell[]): Cell {
  const vs = xs.filter((x): x is number => x !== null);
  return vs.length === 0 ? null : Math.max(...vs);
}

function minOf(xs: readonly Cell[]): Cell {
  const vs = xs.filter((x): x is number => x !== null);
  return vs.length === 0 ? null : Math.min(...vs);
}

/** SUM over a group: NULL when no non-NULL value (also for an empty group, as the LEFT join pads it). */
function sumOf(xs: readonly Cell[]): Cell {
  const vs = xs.filter((x): x is number => x !== null);
  return vs.length === 0 ? null : vs.reduce((a, b) => a + b, 0);
}

/** Random records for one table: ids 1..6, keys 0..2 or NULL, values 0..3 or NULL. */
function randomTable(rand: () => number, upsert: boolean): TableData {
  const pick = (n: number): number => Math.floor(rand() * n);
  const cell = (n: number): Cell => (pick(5) === 0 ? null : pick(n));
  const records: { row: Row; tombstone: boolean }[] = [];
  const count = 1 + pick(10);
  for (let i = 0; i < count; i++) {
    const id = 1 + pick(upsert ? 4 : 6);
    const tombstone = upsert && pick(4) === 0;
    records.push({ row: [id, cell(3), cell(4)], tombstone });
  }
  return { upsert, records };
}

/** The table's contents once every record is applied. */
function finalRows(t: TableData): Row[] {
  if (!t.upsert) return t.records.map((r) => r.row);
  const byId = new Map<Cell, Row>();
  for (const r of t.records) {
    if (r.tombstone) byId.delete(r.row[0] ?? null);
    else byId.set(r.row[0] ?? null, r.row);
  }
  return [...byId.values()];
}

/** Folds a changelog (cells as the results API formats them) into a multiset; a retraction of a row not present is itself a failure. */
function fold(changes: readonly { op: number; row: readonly unknown[] }[]): string[] {
  const bag = new Map<string, number>();
  for (const c of changes) {
    const key = JSON.stringify(c.row);
    const n = bag.get(key) ?? 0;
    const add = c.op === 0 || c.op === 2;
    assert.ok(add || n > 0, `retraction of a row never emitted: ${key}`);
    bag.set(key, n + (add ? 1 : -1));
  }
  return [...bag].flatMap(([k, n]) => new Array<string>(n).fill(k)).sort();
}

/** Runs a query by hand with checkpoint → restore into a fresh job at random slices; returns its changes. */
function run(h: FlinkHarness, sql: string, props: Record<string, string>, rand: () => number, name: string): { op: number; row: readonly unknown[] }[] {
  const properties = { 'sql.current-catalog': 'dev', 'sql.current-database': 'cluster_0', 'sql.tables.scan.bounded.mode': 'latest-offset', ...props };
  const prepared = prepareStatement(sql, properties, h.catalog, { firstLaunch: true, clock: systemClock, ids: systemIds });
  assert.ok(prepared.value !== undefined && prepared.value.kind === 'job', prepared.diagnostics.map((d) => d.summary).join('\n'));
  const { plan, timeZone } = prepared.value;
  const out: { op: number; row: readonly unknown[] }[] = [];
  const fresh = (): TaskRunner => {
    const job = buildJob(plan, { topics: h.cloud.topics, schemaRegistry: h.cloud.schemaRegistry, clock: systemClock, timeZone, deliverResults: (cs) => { out.push(...cs); } });
    assert.ok(job.value !== undefined, job.diagnostics.map((d) => d.summary).join('\n'));
    const r = new TaskRunner(job.value, { statement: name, db: h.cloud.database, clock: systemClock });
    r.restore();
    return r;
  };
  let runner = fresh();
  for (let slices = 0; runner.step() !== 'done'; slices++) {
    assert.ok(slices < 10_000, 'the run does not end');
    if (rand() < 0.3) { runner.checkpoint(); runner = fresh(); }
  }
  assert.equal(runner.phase, 'COMPLETED', String(runner.failure?.error));
  return out;
}

function produce(h: FlinkHarness, table: string, data: TableData): void {
  const t = h.table(table);
  const ser = tableSerializer(t, writableColumns(t), h.cloud.schemaRegistry.codec(t.schemaRegistryId ?? ''));
  assert.ok(ser.value !== undefined);
  const s = ser.value;
  h.cloud.topics.append(h.clusterId, table, data.records.map((r) => ({ key: s.key?.([...r.row]) ?? null, value: r.tombstone ? null : s.value([...r.row]) })));
}

const TRIALS = Number(process.env['JOIN_FUZZ_TRIALS'] ?? 150);
const SEED = Number(process.env['JOIN_FUZZ_SEED'] ?? 20261124);

test('SQL join path: folded changelog = batch evaluation (random tables, batches, restores, join kinds)', async () => {
  const h = await FlinkHarness.start();
  try {
    for (let trial = 0; trial < TRIALS; trial++) {
      const seed = SEED + trial;
      const rand = seededRandom(seed);
      const left = randomTable(rand, rand() < 0.5);
      const right = randomTable(rand, rand() < 0.5);
      const c = CASES[Math.floor(rand() * CASES.length)] as Case;
      const [ln, rn] = [`l_${trial}`, `r_${trial}`];
      for (const [name, d] of [[ln, left], [rn, right]] as const) {
        const ddl = d.upsert
          ? `CREATE TABLE ${name} (id INT, k INT, v INT, PRIMARY KEY (id) NOT ENFORCED) DISTRIBUTED BY HASH(id) INTO 1 BUCKETS`
          : `CREATE TABLE ${name} (id INT, k INT, v INT) DISTRIBUTED INTO 1 BUCKETS`;
        const s = await h.run(`ddl-${name.replace('_', '-')}`, ddl, { until: ['COMPLETED', 'FAILED'] });
        assert.equal(s.status.phase, 'COMPLETED', `${ddl}: ${s.status.detail ?? ''}`);
        produce(h, name, d);
      }
      const sql = c.sql.replace(/\bL\b/g, ln).replace(/\bR\b/g, rn);
      const batch = String([1, 2, 3, 100][Math.floor(rand() * 4)]);
      const changes = run(h, sql, { 'streamform.source.max-poll-records': batch }, rand, `fuzz-${trial}`);
      const expected = c.expected(finalRows(left), finalRows(right)).map((r) => JSON.stringify(r.map((x) => (x === null ? null : String(x))))).sort();
      assert.deepEqual(fold(changes), expected, `seed ${seed}: ${sql} (batch ${batch})\nL ${JSON.stringify(left)}\nR ${JSON.stringify(right)}`);
    }
  } finally {
    await h.close();
  }
});
