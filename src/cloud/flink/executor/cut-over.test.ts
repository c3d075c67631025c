/**
 * Cut-over evolution at the executor (`spec.evolution.mode = 'cut-over'`): a tumbling-window count
 * into an append table is stopped mid-stream and replaced by a new statement that rebuilds its
 * windows from the earliest offset with output suppressed until the old statement's stop offsets.
 * The sink then holds exactly what an uninterrupted run of the same query writes: no window twice,
 * none lost.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { FlinkHarness } from './executor-harness.js';

let h: FlinkHarness;
const T0 = Date.UTC(2026, 0, 1);
const WINDOWS = (into: string, alias = ''): string =>
  `INSERT INTO ${into} SELECT window_start${alias}, COUNT(*)${alias === '' ? '' : ' AS n'} FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts), INTERVAL '10' SECOND)) GROUP BY window_start, window_end`;

before(async () => {
  h = await FlinkHarness.start();
  for (const [name, ddl] of [
    ['t-events', "CREATE TABLE events (id INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) DISTRIBUTED INTO 1 BUCKETS"],
    ['t-ref', 'CREATE TABLE counts_ref (window_start TIMESTAMP(3), n BIGINT)'],
    ['t-evo', 'CREATE TABLE counts_evo (window_start TIMESTAMP(3), n BIGINT)'],
  ] as const) assert.equal((await h.run(name, ddl)).status.phase, 'COMPLETED');
});
after(async () => { await h.close(); });

/** Events 1 s apart, `count` of them from second `from`. */
function events(from: number, count: number): unknown[][] {
  return Array.from({ length: count }, (_, i) => [from + i, T0 + (from + i) * 1000]);
}

test('a cut-over window aggregation writes exactly what an uninterrupted run writes', async () => {
  assert.equal((await h.run('ref', WINDOWS('counts_ref'))).status.phase, 'RUNNING');
  assert.equal((await h.run('old', WINDOWS('counts_evo'))).status.phase, 'RUNNING');
  h.produce('events', events(0, 35)); // windows 0, 10, 20 close; 30 stays open
  await h.until(() => h.read('counts_evo').length === 3 && h.read('counts_ref').length === 3, 'three closed windows');

  assert.equal((await h.setStopped('old', true)).status, 200);
  const stopped = await h.awaitPhase('old', ['STOPPED', 'FAILED']);
  assert.equal(stopped.status.phase, 'STOPPED');
  h.produce('events', events(35, 10)); // arrives while no statement writes counts_evo

  const r = await fetch(`${h.cloud.url}${h.statementsPath}`, {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'new',
      spec: {
        statement: WINDOWS('counts_evo', ' AS window_start'),
        properties: { 'sql.current-catalog': 'dev', 'sql.current-database': 'cluster_0' },
        evolution: { mode: 'cut-over', offsets: stopped.status.latestOffsets ?? {} },
      },
    }),
  });
  assert.equal(r.status, 201, await r.text());
  assert.equal((await h.awaitPhase('new', ['RUNNING', 'FAILED'])).status.phase, 'RUNNING');
  await h.until(() => h.cloud.statements.get(h.envId, 'new')?.status.detail === 'Statement is running', 'the output switched on (detail)');
  h.produce('events', events(45, 20)); // closes windows 30, 40, 50
  await h.until(() => h.read('counts_ref').length === 6 && h.read('counts_evo').length === 6, 'six closed windows in both sinks');
  const sorted = (rows: unknown[][]): string[] => rows.map((x) => x.map(String).join(' ')).sort();
  assert.deepEqual(sorted(h.read('counts_evo')), sorted(h.read('counts_ref')));
  assert.deepEqual(h.read('counts_ref').map((x) => Number(x[1])), [10, 10, 10, 10, 10, 10]);
});
