import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { FlinkHarness } from './executor-harness.js';

let h: FlinkHarness;

before(async () => {
  h = await FlinkHarness.start();
  const ct = await h.run('create-sales', 'CREATE TABLE sales (brand STRING, price INT) DISTRIBUTED INTO 1 BUCKETS');
  assert.equal(ct.status.phase, 'COMPLETED', ct.status.detail);
  h.produce('sales', [['Acme', 10], ['Bolt', 5], ['Acme', 7]]);
});
after(async () => { await h.close(); });

test('an updating SELECT reports is_append_only=false and its upsert columns in the traits', async () => {
  const s = await h.run('per-brand', 'SELECT brand, SUM(price) AS total FROM sales GROUP BY brand', {
    properties: { 'sql.tables.scan.bounded.mode': 'latest-offset' }, until: ['COMPLETED', 'FAILED'],
  });
  assert.equal(s.status.phase, 'COMPLETED', s.status.detail);
  assert.deepEqual({ append: s.status.traits?.isAppendOnly, upsert: s.status.traits?.upsertColumns }, { append: false, upsert: [0] });
  const got = await fetch(`${h.cloud.url}${h.statementsPath}/per-brand`).then((r) => r.json()) as { status: { traits: Record<string, unknown> } };
  assert.deepEqual(got.status.traits['upsert_columns'], [0]);
  assert.equal(got.status.traits['is_append_only'], false);
});

test('a running GROUP BY keeps updating its results as records arrive', async () => {
  const s = await h.run('running-total', 'SELECT brand, COUNT(*) AS n FROM sales GROUP BY brand');
  assert.equal(s.status.phase, 'RUNNING', s.status.detail);
  const folded = async (): Promise<string[]> => {
    const rows: string[] = [];
    for (const c of await h.results('running-total')) {
      const text = c.row.join('|');
      if (c.op === 0 || c.op === 2) rows.push(text);
      else rows.splice(rows.indexOf(text), 1);
    }
    return rows.sort();
  };
  /** Polls the results pages (no event to wait on) until they fold to `rows`, at most 5 s. */
  const want = async (rows: string[]): Promise<void> => {
    const deadline = Date.now() + 5000;
    let last = await folded();
    while (JSON.stringify(last) !== JSON.stringify(rows) && Date.now() < deadline) {
      await new Promise<void>((r) => setTimeout(r, 5));
      last = await folded();
    }
    assert.deepEqual(last, rows);
  };
  await want(['Acme|2', 'Bolt|1']);
  h.produce('sales', [['Bolt', 1], ['Cole', 2]]);
  await want(['Acme|2', 'Bolt|2', 'Cole|1']);
  await h.setStopped('running-total', true);
  assert.equal((await h.awaitPhase('running-total', ['STOPPED', 'FAILED'])).status.phase, 'STOPPED');
});
