/**
 * Differential test of key groups (docs/autopilot.md) over the whole SQL path: each keyed query is
 * planned, built twice — plain, and with its keyed nodes run per key group (the `keyGroups` map
 * Autopilot uses, from parallelismLimit) — and both jobs run by hand over the same random records
 * (two 2-partition topics, late and NULL keys included) with the same random checkpoint → restore
 * points. The folded results must be equal, and so must each key's changelog where the output
 * carries the key. A planted bug (join rows routed to random key groups) must be caught.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FlinkHarness } from '../../src/cloud/flink/executor/executor-harness.js';
import { writableColumns } from '../../src/cloud/flink/binder/index.js';
import { prepareStatement, tableSerializer } from '../../src/cloud/flink/executor/index.js';
import { buildJob } from '../../src/cloud/flink/executor/job-builder.js';
import { parallelismLimit, type KeyedNode, type ParallelismLimit } from '../../src/cloud/flink/executor/parallel/parallelism.js';
import type { PhysicalPlan } from '../../src/cloud/flink/planner/index.js';
import { TaskRunner } from '../../src/cloud/flink/runtime/index.js';
import { seededRandom } from '../../src/cloud/flink/runtime/stateful/seeded-random.js';
import { systemClock, systemIds } from '../../src/shared/index.js';

/** A keyed query over A and B (k INT, v INT, ts TIMESTAMP(3) with a 1 s watermark delay) and C (upsert: id INT key, k, v, ts). */
interface Query {
  readonly name: string;
  readonly sql: string;
  /** Output columns holding the key: each key's changes must come in the same order in both runs. */
  readonly perKey?: readonly number[];
  /** Not split by key group: the reason parallelismLimit gives. */
  readonly refused?: RegExp;
}

const QUERIES: readonly Query[] = [
  { name: 'GROUP BY k', sql: 'SELECT k, COUNT(*), SUM(v), MAX(ts) FROM A GROUP BY k', perKey: [0] },
  { name: 'GROUP BY two keys', sql: 'SELECT k, MOD(v, 3) AS m, COUNT(*), MIN(ts) FROM A GROUP BY k, MOD(v, 3)', perKey: [0, 1] },
  {
    name: 'TUMBLE window with keys',
    sql: "SELECT k, window_start, COUNT(*), SUM(v) FROM TABLE(TUMBLE(TABLE A, DESCRIPTOR(ts), INTERVAL '2' SECOND)) GROUP BY k, window_start, window_end", perKey: [0],
  },
  { name: 'Top-N with PARTITION BY', sql: 'SELECT * FROM (SELECT k, v, ts, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v DESC) AS rn FROM A) WHERE rn <= 2', perKey: [0] },
  { name: 'deduplication (last row per key)', sql: 'SELECT k, v, ts FROM (SELECT k, v, ts, ROW_NUMBER() OVER (PARTITION BY k ORDER BY ts DESC) AS rn FROM A) WHERE rn = 1', perKey: [0] },
  { name: 'regular LEFT join', sql: 'SELECT a.k, a.v, b.v FROM A a LEFT JOIN B b ON a.k = b.k', perKey: [0] },
  { name: 'regular FULL join on two keys', sql: 'SELECT a.k, a.v, b.k, b.ts FROM A a FULL JOIN B b ON a.k = b.k AND a.v = b.v' },
  {
    name: 'interval join',
    sql: "SELECT a.k, a.v, b.v FROM A a LEFT JOIN B b ON a.k = b.k AND b.ts BETWEEN a.ts - INTERVAL '1' SECOND AND a.ts + INTERVAL '1' SECOND", perKey: [0],
  },
  { name: 'OVER with PARTITION BY', sql: 'SELECT k, v, SUM(v) OVER (PARTITION BY k ORDER BY ts ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM A', perKey: [0] },
  { name: 'GROUP BY over a join', sql: 'SELECT a.k, COUNT(*), SUM(b.v) FROM A a JOIN B b ON a.k = b.k GROUP BY a.k', perKey: [0] },
  { name: 'GROUP BY another key over a join', sql: 'SELECT b.v, COUNT(*), MAX(a.v) FROM A a JOIN B b ON a.k = b.k GROUP BY b.v' },
  // A NULL among the subquery's keys empties the result for every key: no key groups.
  { name: 'NOT IN (null-aware anti join)', sql: 'SELECT * FROM A WHERE k NOT IN (SELECT k FROM B WHERE v > 3)', refused: /NOT IN with a subquery .* runs at parallelism 1/ },
  { name: 'HOP window with keys', sql: "SELECT k, window_start, COUNT(*) FROM TABLE(HOP(TABLE A, DESCRIPTOR(ts), INTERVAL '1' SECOND, INTERVAL '3' SECOND)) GROUP BY k, window_start, window_end", perKey: [0] },
  { name: 'SESSION window PARTITION BY', sql: "SELECT k, window_start, window_end, COUNT(*) FROM TABLE(SESSION(TABLE A PARTITION BY k, DESCRIPTOR(ts), INTERVAL '1' SECOND)) GROUP BY k, window_start, window_end", perKey: [0] },
  {
    name: 'window Top-N',
    sql: "SELECT * FROM (SELECT k, v, window_start, ROW_NUMBER() OVER (PARTITION BY window_start, window_end, k ORDER BY v DESC) AS rn FROM TABLE(TUMBLE(TABLE A, DESCRIPTOR(ts), INTERVAL '2' SECOND))) WHERE rn <= 1", perKey: [0],
  },
  {
    name: 'MATCH_RECOGNIZE PARTITION BY',
    sql: 'SELECT * FROM A MATCH_RECOGNIZE (PARTITION BY k ORDER BY ts MEASURES FIRST(X.v) AS v1, LAST(Y.v) AS v2 ONE ROW PER MATCH AFTER MATCH SKIP PAST LAST ROW PATTERN (X Y) DEFINE X AS X.v < 5, Y AS Y.v >= 5)', perKey: [0],
  },
  // Keyed by id, then by k: rows of one k leave the normalizer in another order (by key group), so
  // only the results compare.
  {
    name: 'window deduplication',
    sql: "SELECT k, v, ts, window_start FROM (SELECT k, v, ts, window_start, ROW_NUMBER() OVER (PARTITION BY window_start, window_end, k ORDER BY ts DESC) AS rn FROM TABLE(TUMBLE(TABLE A, DESCRIPTOR(ts), INTERVAL '2' SECOND))) WHERE rn = 1", perKey: [0],
  },
  { name: 'SESSION window TVF PARTITION BY', sql: "SELECT k, v, window_start, window_end FROM TABLE(SESSION(TABLE A PARTITION BY k, DESCRIPTOR(ts), INTERVAL '1' SECOND))", perKey: [0] },
  { name: 'global aggregate', sql: 'SELECT COUNT(*), SUM(v) FROM A', refused: /Global \(non-keyed\) aggregations/ },
  { name: 'upsert source (normalized by id) GROUP BY k', sql: 'SELECT k, COUNT(*), SUM(v) FROM C GROUP BY k' },
  { name: 'join with an upsert side', sql: 'SELECT a.k, a.v, c.id, c.v FROM A a LEFT JOIN C c ON a.k = c.k' },
  { name: 'event-time temporal join', sql: 'SELECT a.k, a.v, c.v FROM A a LEFT JOIN C FOR SYSTEM_TIME AS OF a.ts AS c ON a.k = c.id', perKey: [0] },
  { name: 'NOT EXISTS (anti join)', sql: 'SELECT * FROM A a WHERE NOT EXISTS (SELECT * FROM B b WHERE b.k = a.k AND b.v > a.v)' },
];

type Change = { readonly op: number; readonly row: readonly unknown[] };

/** Random rows `[k, v, ts]` over two partitions; a tenth are NULL keys, a third are late by up to 3 s. */
function randomRecords(rand: () => number, n: number): { partition: number; row: unknown[] }[] {
  const pick = (m: number): number => Math.floor(rand() * m);
  return Array.from({ length: n }, (_, i) => {
    const late = pick(3) === 0 ? -pick(3000) : pick(300);
    return { partition: pick(2), row: [pick(10) === 0 ? null : pick(12), pick(8) === 0 ? null : pick(10), 1_700_000_000_000 + i * 150 + late] };
  });
}

/** Upserts `[id, k, v, ts]` of ids 0..14 (a sixth are tombstones), partitioned by id. */
function randomUpserts(rand: () => number, n: number): { tombstone: boolean; row: unknown[] }[] {
  const pick = (m: number): number => Math.floor(rand() * m);
  return Array.from({ length: n }, (_, i) => ({ tombstone: pick(6) === 0, row: [pick(15), pick(10) === 0 ? null : pick(12), pick(10), 1_700_000_000_000 + i * 150 + pick(300)] }));
}

function produce(h: FlinkHarness, table: string, records: readonly { partition?: number; tombstone?: boolean; row: unknown[] }[]): void {
  const t = h.table(table);
  const ser = tableSerializer(t, writableColumns(t), h.cloud.schemaRegistry.codec(t.schemaRegistryId ?? ''));
  assert.ok(ser.value !== undefined);
  const s = ser.value;
  h.cloud.topics.append(h.clusterId, table, records.map((r) => ({
    ...(r.partition === undefined ? {} : { partition: r.partition }), key: s.key?.(r.row) ?? null, value: r.tombstone === true ? null : s.value(r.row),
  })));
}

/** The limit of the plan as a background INSERT (a SELECT always runs at 1): its keyed nodes. */
function limitOf(plan: PhysicalPlan, h: FlinkHarness): ParallelismLimit {
  const background: PhysicalPlan = { ...plan, sqlKind: 'INSERT_INTO', sinks: plan.sinks.map((s) => ({ kind: 'blackhole-sink', id: s.id, input: s.input })) };
  return parallelismLimit(background, h.cloud.topics);
}

function prepare(h: FlinkHarness, sql: string, batch: string): { plan: PhysicalPlan; timeZone: string } {
  const properties = { 'sql.current-catalog': 'dev', 'sql.current-database': 'cluster_0', 'sql.tables.scan.bounded.mode': 'latest-offset', 'streamform.source.max-poll-records': batch };
  const prepared = prepareStatement(sql, properties, h.catalog, { firstLaunch: true, clock: systemClock, ids: systemIds });
  assert.ok(prepared.value !== undefined && prepared.value.kind === 'job', prepared.diagnostics.map((d) => d.summary).join('\n'));
  return prepared.value;
}

interface Run { readonly changes: Change[]; readonly keyed: ReadonlyMap<string, KeyedNode> | undefined }

/** Runs the query by hand, checkpointing and restoring into a fresh job where `seed` says. */
function run(h: FlinkHarness, sql: string, o: { readonly name: string; readonly seed: number; readonly grouped: boolean; readonly batch: string; readonly plant?: (k: KeyedNode) => KeyedNode }): Run {
  const { plan, timeZone } = prepare(h, sql, o.batch);
  let keyed = o.grouped ? limitOf(plan, h).keyed : undefined;
  if (keyed !== undefined && o.plant !== undefined) keyed = new Map([...keyed].map(([id, k]) => [id, id.startsWith('join') ? (o.plant as (k: KeyedNode) => KeyedNode)(k) : k]));
  const changes: Change[] = [];
  const fresh = (): TaskRunner => {
    const job = buildJob(plan, {
      topics: h.cloud.topics, schemaRegistry: h.cloud.schemaRegistry, clock: systemClock, timeZone, deliverResults: (cs) => { changes.push(...cs); },
      ...(keyed === undefined ? {} : { keyGroups: keyed }),
    });
    assert.ok(job.value !== undefined, job.diagnostics.map((d) => d.summary).join('\n'));
    const r = new TaskRunner(job.value, { statement: o.name, db: h.cloud.database, clock: systemClock });
    r.restore();
    return r;
  };
  const rand = seededRandom(o.seed);
  let runner = fresh();
  for (let slices = 0; runner.step() !== 'done'; slices++) {
    assert.ok(slices < 20_000, 'the run does not end');
    if (rand() < 0.2) { runner.checkpoint(); runner = fresh(); }
  }
  assert.equal(runner.phase, 'COMPLETED', String(runner.failure?.error));
  return { changes, keyed };
}

/** The folded result: live rows as text, sorted. */
function fold(changes: readonly Change[]): string[] {
  const bag = new Map<string, number>();
  for (const c of changes) {
    const k = JSON.stringify(c.row);
    bag.set(k, (bag.get(k) ?? 0) + (c.op === 0 || c.op === 2 ? 1 : -1));
  }
  return [...bag].flatMap(([k, n]) => (n === 0 ? [] : [`${k} x${n}`])).sort();
}

/** Each key's changes in order, keys sorted. */
function byKey(changes: readonly Change[], cols: readonly number[]): [string, string[]][] {
  const m = new Map<string, string[]>();
  for (const c of changes) {
    const k = JSON.stringify(cols.map((i) => c.row[i]));
    const list = m.get(k) ?? [];
    list.push(`${c.op} ${JSON.stringify(c.row)}`);
    m.set(k, list);
  }
  return [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

interface Tables { readonly a: string; readonly b: string; readonly c: string }

async function withTables(body: (h: FlinkHarness, tables: (trial: number) => Promise<Tables>) => Promise<void>): Promise<void> {
  const h = await FlinkHarness.start();
  try {
    await body(h, async (trial) => {
      const rand = seededRandom(SEED + trial);
      const names = { a: `a_${trial}`, b: `b_${trial}`, c: `c_${trial}` };
      const ddl = async (name: string, columns: string, dist: string): Promise<void> => {
        const sql = `CREATE TABLE ${name} (${columns}ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) ${dist} INTO 2 BUCKETS`;
        const s = await h.run(`ddl-${name.replace('_', '-')}`, sql, { until: ['COMPLETED', 'FAILED'] });
        assert.equal(s.status.phase, 'COMPLETED', `${sql}: ${s.status.detail ?? ''}`);
      };
      for (const name of [names.a, names.b]) {
        await ddl(name, 'k INT, v INT, ', 'DISTRIBUTED');
        produce(h, name, randomRecords(rand, 40 + Math.floor(rand() * 60)));
      }
      await ddl(names.c, 'id INT, k INT, v INT, PRIMARY KEY (id) NOT ENFORCED, ', 'DISTRIBUTED BY HASH(id)');
      produce(h, names.c, randomUpserts(rand, 30 + Math.floor(rand() * 30)));
      return names;
    });
  } finally {
    await h.close();
  }
}

const tableNames = (sql: string, t: Tables): string => sql.replace(/\bA\b/g, t.a).replace(/\bB\b/g, t.b).replace(/\bC\b/g, t.c);

const TRIALS = Number(process.env['KEYED_DIFF_TRIALS'] ?? 6);
const SEED = Number(process.env['KEYED_DIFF_SEED'] ?? 20261124);
const BATCHES = ['1', '3', '100'];

test('SQL path: keyed operators run per key group give the plain job\'s results and per-key changelogs', async () => {
  const produced = new Set<string>();
  await withTables(async (h, tables) => {
    for (let trial = 0; trial < TRIALS; trial++) {
      const t = await tables(trial);
      QUERIES.forEach((q, qi) => {
        const sql = tableNames(q.sql, t);
        const seed = SEED + trial * 100 + qi;
        const batch = BATCHES[(trial + qi) % BATCHES.length] as string;
        const what = `seed ${seed}, batch ${batch}: ${q.name}: ${sql}`;
        if (q.refused !== undefined) {
          const limit = limitOf(prepare(h, sql, batch).plan, h);
          assert.deepEqual([limit.max, limit.keyed], [1, undefined], what);
          assert.match(limit.reason ?? '', q.refused, what);
          return;
        }
        const plain = run(h, sql, { name: `plain-${trial}-${qi}`, seed, grouped: false, batch });
        const grouped = run(h, sql, { name: `grouped-${trial}-${qi}`, seed, grouped: true, batch });
        assert.ok(grouped.keyed !== undefined && grouped.keyed.size > 0, `${what}: has keyed nodes`);
        if (plain.changes.length > 0) produced.add(q.name);
        assert.deepEqual(fold(grouped.changes), fold(plain.changes), `${what}: final result`);
        if (q.perKey !== undefined) assert.deepEqual(byKey(grouped.changes, q.perKey), byKey(plain.changes, q.perKey), `${what}: per-key changelogs`);
      });
    }
  });
  // Random data may leave a query without a result now and then (and a restore, which restarts the
  // sources' watermarks, changes which rows are late), but not in every trial.
  assert.deepEqual(QUERIES.filter((q) => q.refused === undefined && !produced.has(q.name)).map((q) => q.name), [], 'queries that never produced output');
});

test('the differential check catches a planted bug: join rows routed to random key groups', async () => {
  await withTables(async (h, tables) => {
    const t = await tables(0);
    const rand = seededRandom(7);
    const plant = (k: KeyedNode): KeyedNode => ({ keys: k.keys.map(() => () => Math.floor(rand() * 1000)) });
    for (const name of ['regular LEFT join', 'GROUP BY over a join', 'interval join']) {
      const q = QUERIES.find((x) => x.name === name) as Query;
      const sql = tableNames(q.sql, t);
      const plain = run(h, sql, { name: `plain-${name}`, seed: 1, grouped: false, batch: '3' });
      const planted = run(h, sql, { name: `planted-${name}`, seed: 1, grouped: true, batch: '3', plant });
      assert.notDeepEqual(fold(planted.changes), fold(plain.changes), `${name}: the planted bug changes the result`);
    }
  });
});
