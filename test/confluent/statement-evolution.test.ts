/**
 * Evolving `confluent_flink_statement`s with the real CLI on a local cloud (docs/evolving-statements.md):
 * the plan shows each replacement's strategy (golden excerpts, text and -json); a stateless change
 * is carried over — generated and pinned names — while kafkajs produces before, during and after,
 * and the sinks hold every matching order exactly once; a stateful change without a choice fails
 * the plan; a cut-over of a GROUP BY into an upsert table ends with the content of one
 * uninterrupted run.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { goldenDir, removeDir, workdir } from '../support/index.js';
import { OrdersClient, applyWhileProducing, evolutionConfig, explain, run, runWith } from './evolution-harness.js';
import type { EvolvingSql, Order, TopicRecord } from './evolution-harness.js';

const golden = goldenDir('test/confluent/golden/evolution');

const V1: EvolvingSql = {
  filter: "INSERT INTO big_orders SELECT id, amount, 'v1' FROM orders WHERE amount > 10;",
  pinned: "INSERT INTO big_orders_pinned SELECT id, amount, 'v1' FROM orders WHERE amount > 10;",
  totals: 'INSERT INTO totals SELECT id % 3, COUNT(*), SUM(amount) FROM orders GROUP BY id % 3;',
  pairs: 'INSERT INTO matched SELECT a.id, a.amount FROM orders a JOIN orders b ON a.id = b.id;',
};
const V2: EvolvingSql = {
  ...V1,
  filter: "INSERT INTO big_orders SELECT id, amount, 'v2' FROM orders WHERE amount > 10;",
  pinned: "INSERT INTO big_orders_pinned SELECT id, amount, 'v2' FROM orders WHERE amount > 10;",
};
/** The same aggregation, written differently: a cut-over must give the content of one run. */
const TOTALS_V2 = 'INSERT INTO totals SELECT id % 3 AS k, COUNT(*) AS n, SUM(amount) AS s FROM orders GROUP BY id % 3;';
const PAIRS_V2 = 'INSERT INTO matched SELECT l.id AS id, r.amount AS amount FROM orders l JOIN orders r ON l.id = r.id;';

/** The plan's header and strategy lines of one resource (ids and names vary from run to run). */
function strategyExcerpt(plan: string, address: string): string {
  const lines = plan.split('\n');
  const at = lines.findIndex((l) => l.includes(`# ${address} `));
  if (at < 0) return `(no change for ${address})\n`;
  return `${lines.slice(at, at + 3).filter((l) => l.trim().startsWith('#')).map((l) => l.trim()).join('\n')}\n`;
}

/** Asserts every produced order with amount > 10 appears exactly once, and per source partition the versions (`tags`) take over in order. */
function assertCarriedOver(records: readonly TopicRecord[], produced: readonly Order[], what: string, versions: readonly string[] = ['v1', 'v2']): void {
  const expected = produced.filter((o) => o.amount > 10);
  const seen = new Map<number, Record<string, unknown>>();
  for (const r of records) {
    const id = Number(r.value?.['id']);
    assert.ok(!seen.has(id), `${what}: order ${id} written twice`);
    seen.set(id, r.value ?? {});
  }
  assert.deepEqual([...seen.keys()].sort((a, b) => a - b), expected.map((o) => o.id), `${what}: every matching order exactly once`);
  const tags = new Set<unknown>();
  for (const p of [0, 1]) {
    let at = 0;
    for (const o of expected.filter((x) => x.partition === p)) {
      const v = seen.get(o.id) ?? {};
      assert.equal(v['amount'], o.amount);
      tags.add(v['tag']);
      const i = versions.indexOf(String(v['tag']));
      assert.ok(i >= at, `${what}: order ${o.id} (partition ${p}) went through ${String(v['tag'])} after ${versions[at] ?? '?'} took over`);
      at = i;
    }
  }
  assert.deepEqual([...tags].sort(), [...versions].sort(), `${what}: every version wrote orders`);
}

/** Orders the cut-over test never saw matched (checked by a test of its own), and how far its read got. */
let joinMissing: number[] = [];
let joinRead = '';

describe('statement evolution through the CLI', () => {
  let dir = '';
  let client: OrdersClient;
  const write = (sql: EvolvingSql): void => writeFileSync(join(dir, 'main.tf'), evolutionConfig(sql));

  before(async () => {
    dir = workdir({}, 'sf-evolution-');
    write(V1);
    const applied = run(dir, 'apply', '-auto-approve');
    assert.equal(applied.code, 0, explain(applied));
    client = await OrdersClient.open(run(dir, 'output', '-raw', 'bootstrap').out.trim(), run(dir, 'output', '-raw', 'schema_registry').out.trim());
  });

  after(async () => {
    await client?.close();
    if (dir !== '') {
      run(dir, 'cloud', 'stop');
      removeDir(dir);
    }
  });

  it('plans carry-over for stateless changes, with pinned and generated names (text and -json)', () => {
    write(V2);
    const plan = run(dir, 'plan', '-no-color');
    assert.equal(plan.code, 0, explain(plan));
    golden.expect('carry-over.txt', strategyExcerpt(plan.out, 'confluent_flink_statement.filter') + strategyExcerpt(plan.out, 'confluent_flink_statement.filter_pinned'));
    assert.match(plan.out, /Plan: 2 to add, 0 to change, 2 to destroy\./);
    const saved = run(dir, 'plan', '-out=evo.plan');
    assert.equal(saved.code, 0, explain(saved));
    const json = JSON.parse(run(dir, 'show', '-json', 'evo.plan').out) as { resource_changes: { address: string; change: { replace_strategy?: { name: string } } }[] };
    const strategies = Object.fromEntries(json.resource_changes.filter((c) => c.change.replace_strategy !== undefined).map((c) => [c.address, c.change.replace_strategy?.name]));
    assert.deepEqual(strategies, { 'confluent_flink_statement.filter': 'carry-over', 'confluent_flink_statement.filter_pinned': 'carry-over' });
    const lines = run(dir, 'plan', '-json').out.split('\n').filter((l) => l.includes('"planned_change"')).map((l) => JSON.parse(l) as { change: { resource: { addr: string }; replace_strategy?: { name: string } } });
    assert.deepEqual(lines.filter((l) => l.change.replace_strategy !== undefined).map((l) => [l.change.resource.addr, l.change.replace_strategy?.name]).sort(), [
      ['confluent_flink_statement.filter', 'carry-over'], ['confluent_flink_statement.filter_pinned', 'carry-over'],
    ]);
  });

  it('carries a stateless statement over with no record lost or duplicated while producers keep writing', async () => {
    await client.produce(200); // before
    const applied = await applyWhileProducing(client, dir);
    assert.equal(applied.code, 0, explain(applied));
    assert.match(applied.out, /Apply complete! Resources: 2 added, 0 changed, 2 destroyed\./);
    assert.ok(client.produced.length > 200, 'orders were produced while apply carried the statements over');
    const statements = JSON.parse(run(dir, 'statement', 'list', '--json').out) as { name: string; phase: string; statement: string }[];
    assert.deepEqual(statements.filter((s) => s.statement.includes('big_orders') && s.statement.startsWith('INSERT')).map((s) => [s.phase, s.statement.includes("'v2'")]), [['RUNNING', true], ['RUNNING', true]], 'the old statements are gone');
    assert.ok(statements.some((s) => s.name === 'filter-pinned'), 'the pinned name is reused');
    await client.produce(200); // after
    const expected = client.produced.filter((o) => o.amount > 10).length;
    for (const [topic, what] of [['big_orders', 'generated name'], ['big_orders_pinned', 'pinned name']] as const) {
      const records = await client.readTopic(topic, (r) => r.length >= expected);
      assertCarriedOver(records, client.produced, what);
    }
  });

  it('fails the plan of a stateful change without a choice, naming the options', () => {
    write({ ...V2, totals: TOTALS_V2 });
    const plan = run(dir, 'plan', '-no-color');
    assert.equal(plan.code, 1, explain(plan));
    golden.expect('stateful-without-choice.txt', plan.err.replace(/\r/g, ''));
  });

  it('checks the new output schema against the sink at plan', () => {
    write({ ...V2, filter: "INSERT INTO big_orders SELECT id, CAST(amount AS STRING), 'v3' FROM orders;" });
    const plan = run(dir, 'plan', '-no-color');
    assert.equal(plan.code, 1, explain(plan));
    assert.match(plan.err, /Invalid Flink SQL in confluent_flink_statement/);
    assert.match(plan.err, /on main\.tf line \d+, in resource "confluent_flink_statement" "filter"/);
  });

  it('plans each chosen strategy for a stateful change', () => {
    const excerpts: string[] = [];
    for (const choice of ['cut-over', 'restart-from-earliest', 'fresh-start']) {
      write({ ...V2, totals: TOTALS_V2, totalsAnnotation: choice });
      const plan = run(dir, 'plan', '-no-color');
      assert.equal(plan.code, 0, explain(plan));
      excerpts.push(strategyExcerpt(plan.out, 'confluent_flink_statement.totals_job'));
    }
    write({ ...V2, totals: TOTALS_V2, totalsAnnotation: 'carry-over' });
    const refused = run(dir, 'plan', '-no-color');
    assert.equal(refused.code, 1, explain(refused));
    excerpts.push(refused.err.replace(/\r/g, ''));
    golden.expect('stateful-choices.txt', excerpts.join('\n'));
    write({ ...V2, totals: TOTALS_V2, totalsAnnotation: 'cut-over' });
    const unverified = runWith({ STREAMFORM_SQL_VALIDATION: 'off' }, dir, 'plan', '-no-color');
    assert.equal(unverified.code, 0, explain(unverified));
    assert.match(unverified.out + unverified.err, /Evolution strategy "cut-over" could not be checked at plan/);
  });

  it('cuts stateful statements over: a GROUP BY upsert table and a join into an append table end as one uninterrupted run leaves them', async () => {
    write({ ...V2, totals: TOTALS_V2, totalsAnnotation: 'cut-over', pairs: PAIRS_V2, pairsAnnotation: 'cut-over' });
    const applied = await applyWhileProducing(client, dir);
    assert.equal(applied.code, 0, explain(applied));
    assert.match(applied.out, /rebuilds its state from the earliest offsets/);
    const statements = JSON.parse(run(dir, 'statement', 'list', '--json').out) as { phase: string; detail: string; statement: string }[];
    assert.deepEqual(statements.filter((s) => s.statement === TOTALS_V2 || s.statement === PAIRS_V2).map((s) => [s.phase, s.detail]), [
      ['RUNNING', 'Statement is running'], ['RUNNING', 'Statement is running'],
    ], 'apply returned once both had caught up and switched their output on');
    await client.produce(300); // after: every key is updated again by the new statement
    const want = new Map<number, { n: number; s: number }>();
    for (const o of client.produced) {
      const t = want.get(o.id % 3) ?? { n: 0, s: 0 };
      want.set(o.id % 3, { n: t.n + 1, s: t.s + o.amount });
    }
    const latest = (records: readonly TopicRecord[]): Map<number, unknown> => {
      const m = new Map<number, unknown>();
      for (const r of records) m.set(Number(r.key?.['k']), r.value === null ? null : { n: Number(r.value['n']), s: Number(r.value['s']) });
      return m;
    };
    const current = new Map<number, unknown>();
    const records = await client.readTopic('totals', (_, r) => {
      current.set(Number(r.key?.['k']), r.value === null ? null : { n: Number(r.value['n']), s: Number(r.value['s']) });
      return [...want].every(([k, v]) => JSON.stringify(current.get(k)) === JSON.stringify(v));
    });
    assert.deepEqual(Object.fromEntries(latest(records)), Object.fromEntries(want), 'the table converged to the totals of all orders');
    // The join writes each order once: the new statement's output of the history it rebuilt was suppressed.
    const ids = new Set(client.produced.map((o) => o.id));
    const seen = new Set<number>();
    const matched = await client.readTopic('matched', (_, r) => seen.add(Number(r.value?.['id'])).size >= ids.size);
    assert.equal(matched.length, seen.size, 'no order matched twice: the rebuilt history stayed suppressed');
    joinMissing = [...ids].filter((id) => !seen.has(id));
    if (joinMissing.length > 0) {
      // Tells a short read (records the reader did not reach) from orders the join never wrote.
      joinRead = `read ${matched.length} records of matched, which holds ${await client.recordCount('matched')}`;
      const list = JSON.parse(run(dir, 'statement', 'list', '--json').out) as { name: string; statement: string }[];
      for (const p of list.filter((x) => x.statement.includes('INTO matched'))) console.log('# join cut-over:', run(dir, 'statement', 'describe', p.name, '--json').out);
    }
  });

  // Once seen in about 1 run of 8 under load as "one partition stops matching after the switch". The
  // join was exact: the topic held every order; the read gave up at its 60 s deadline because its
  // predicate rebuilt a Set of all records per record (quadratic in the ~40 000 orders produced
  // while apply ran). The read is linear now; this stays a hard check of its own.
  it('cut-over of the join: every order matched after the switch', () => {
    assert.deepEqual(joinMissing, [], `orders never matched (${joinRead}): ${joinMissing.slice(0, 10).join(', ')}…`);
  });

  it("runs Confluent's two-resource carry-over (sql.tables.initial-offset-from) through the CLI", async () => {
    const v3 = "INSERT INTO big_orders_pinned SELECT id, amount, 'v3' FROM orders WHERE amount > 10;";
    write({ ...V2, totals: TOTALS_V2, totalsAnnotation: 'cut-over', pairs: PAIRS_V2, pairsAnnotation: 'cut-over', next: v3 });
    const created = run(dir, 'apply', '-auto-approve');
    assert.equal(created.code, 0, explain(created));
    const waiting = JSON.parse(run(dir, 'statement', 'list', '--json').out) as { phase: string; detail: string; statement: string }[];
    assert.deepEqual(waiting.filter((s) => s.statement === v3).map((s) => [s.phase, /waiting for statement 'filter-pinned' to stop/.test(s.detail)]), [['PENDING', true]]);
    await client.produce(40);
    write({ ...V2, totals: TOTALS_V2, totalsAnnotation: 'cut-over', pairs: PAIRS_V2, pairsAnnotation: 'cut-over', next: v3, pinnedStopped: true });
    const stopped = run(dir, 'apply', '-auto-approve');
    assert.equal(stopped.code, 0, explain(stopped));
    await client.produce(40);
    const expected = client.produced.filter((o) => o.amount > 10).length;
    assertCarriedOver(await client.readTopic('big_orders_pinned', (r) => r.length >= expected), client.produced, 'initial-offset-from', ['v1', 'v2', 'v3']);
  });
});
