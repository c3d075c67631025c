#!/usr/bin/env node
// The shoe-store demo: applies examples/shoe-store (the Confluent Flink SQL workshop, written for
// the official confluent provider) on the local cloud, waits for the pipelines to produce
// results, prints loyalty levels and promotions, and shows how to explore further.
// Runs in place: state in examples/shoe-store/terraform.tfstate.db, the local cloud's data in
// examples/shoe-store/.streamform/ (both git-ignored). The local cloud keeps running afterwards.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'streamform.js');
const dir = join(root, 'examples', 'shoe-store');
const rel = relative(process.cwd(), dir) || '.';
const DATABASE = 'cc_handson_cluster';
/** Faster Datagen than the workshop's 500 ms, so two minutes show what takes hours there. */
const MAX_INTERVAL_MS = 5;
/** Orders to wait for before printing results, and the longest wait. */
const TARGET_ORDERS = 10_000;
const WAIT_MS = 45_000;

const started = Date.now();
const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const dim = (s) => (process.stdout.isTTY ? `\x1b[2m${s}\x1b[0m` : s);
const step = (s) => console.log(`\n${bold(`▶ ${s}`)} ${dim(`(${elapsed()})`)}`);
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

function fail(message, detail = '') {
  console.error(`\n✗ ${message}`);
  if (detail.trim() !== '') console.error(detail.trim().split('\n').slice(-25).join('\n'));
  process.exit(1);
}

/** Runs the CLI in the example's directory and returns its exit code and output. */
function cli(args, { timeout = 90_000 } = {}) {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.STREAMFORM_CLOUD_URL;
  const r = spawnSync(process.execPath, [bin, `-chdir=${dir}`, ...args], { encoding: 'utf8', env, timeout, maxBuffer: 256 * 1024 * 1024 });
  if (r.error) fail(`streamform ${args.join(' ')}: ${r.error.message}`);
  return { code: r.status ?? 1, out: r.stdout, err: r.stderr };
}

function sqlJson(query) {
  const r = cli(['sql', '-e', query, '--database', DATABASE, '--bounded', '--format', 'json']);
  if (r.code !== 0) return { error: (r.err || r.out).trim().split('\n').filter((l) => l.trim() !== '').slice(-1)[0] ?? 'failed' };
  try { return { rows: JSON.parse(r.out) }; } catch { return { error: `unexpected output: ${r.out.slice(0, 200)}` }; }
}

/** Records in a topic: the sum of its partitions' latest offsets. */
function topicCount(topic) {
  const r = cli(['topic', 'describe', topic, '--json']);
  if (r.code !== 0) return 0;
  try {
    return JSON.parse(r.out).partitions.reduce((n, p) => n + Number(p.latest_offset) - Number(p.earliest_offset), 0);
  } catch { return 0; }
}

/** Names of the environment's statements (empty when none can be listed yet). */
function statementNames() {
  const r = cli(['statement', 'list', '--json']);
  if (r.code !== 0) return [];
  try { return JSON.parse(r.out).map((x) => x.name); } catch { return []; }
}

function table(rows, columns) {
  if (rows.length === 0) return '  (no rows yet)';
  const cell = (v) => (v === null || v === undefined ? 'NULL' : String(v));
  const w = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = `  +${w.map((n) => '-'.repeat(n + 2)).join('+')}+`;
  const fmt = (vals) => `  | ${vals.map((v, i) => (typeof v === 'number' ? cell(v).padStart(w[i]) : cell(v).padEnd(w[i]))).join(' | ')} |`;
  return [line, fmt(columns), line, ...rows.map((r) => fmt(columns.map((c) => r[c]))), line].join('\n');
}

async function waitUntil(what, check) {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const v = check();
    if (v.done || Date.now() > deadline) return v;
    if (process.stdout.isTTY) process.stdout.write(dim(`  … ${what}: ${v.status}   \r`));
    await new Promise((r) => setTimeout(r, 1500));
  }
}

// ------------------------------------------------------------------------------------------------
if (!existsSync(join(root, 'dist', 'src', 'cli', 'main.js'))) fail('streamform is not built yet: run `npm run build` (or `npm run demo`) first.');

console.log(bold('streamform — the Confluent "shoe store" Flink SQL workshop on your machine'));
console.log(dim(`  configuration: ${rel}/*.tf (written for the official confluentinc/confluent provider)`));

step('streamform init');
const init = cli(['init', '-no-color']);
if (init.code !== 0) fail('init failed', init.err || init.out);
console.log('  providers ready (confluent, random, time)');

step(`streamform apply -auto-approve -var datagen_max_interval_ms=${MAX_INTERVAL_MS}   # starts the local cloud on first use`);
const apply = cli(['apply', '-auto-approve', '-no-color', '-var', `datagen_max_interval_ms=${MAX_INTERVAL_MS}`], { timeout: 120_000 });
const applied = apply.out.match(/Apply complete! Resources: .*/)?.[0];
let lab2Pending = '';
if (apply.code === 0) {
  console.log(`  ${applied ?? 'applied'} ${dim(`(${elapsed()})`)}`);
} else {
  const all = `${apply.out}\n${apply.err}`;
  const notYet = all.match(/not supported yet: ([^\n]+)/);
  const created = (apply.out.match(/Creation complete/g) ?? []).length;
  if (!notYet) fail('apply failed', all);
  lab2Pending = notYet[1];
  console.log(`  ${created} resources created; lab 2 stopped at: "not supported yet: ${lab2Pending}" ${dim(`(${elapsed()})`)}`);
}

step('Datagen connectors fill shoe_products, shoe_customers and shoe_orders');
const counts = await waitUntil('waiting for orders', () => {
  const n = topicCount('shoe_orders');
  return { done: n >= TARGET_ORDERS, status: `${n} orders`, n };
});
console.log(`  ${topicCount('shoe_products')} product events, ${topicCount('shoe_customers')} customer events, ${counts.n} orders ${dim(`(${elapsed()})`)}`);

const before = new Set(statementNames());

step('Lab 1: what the streams hold (bounded queries: read up to now, then stop)');
const distinct = sqlJson('SELECT COUNT(id) AS customer_events, COUNT(DISTINCT id) AS customers FROM shoe_customers');
if (distinct.rows) console.log(table(distinct.rows, ['customer_events', 'customers']));
else console.log(`  COUNT(DISTINCT id): ${distinct.error}`);
const brands = sqlJson('SELECT brand AS brand_name, COUNT(DISTINCT name) AS models, ROUND(AVG(rating), 2) AS avg_rating, MAX(sale_price) / 100 AS max_price FROM shoe_products GROUP BY brand');
if (brands.rows) {
  const top = [...brands.rows].sort((a, b) => Number(b.models) - Number(a.models)).slice(0, 5);
  console.log(`  ${brands.rows.length} brands; the five with the most models:`);
  console.log(table(top, ['brand_name', 'models', 'avg_rating', 'max_price']));
} else console.log(`  per-brand aggregation: ${brands.error}`);
const keyed = sqlJson("SELECT product_id, brand, `model`, sale_price FROM shoe_products_keyed WHERE product_id = '0fd15be0-8b95-4f19-b90b-53aabf4c49df'");
if (keyed.rows) {
  console.log('  shoe_products_keyed (filled by a running INSERT statement), one product:');
  console.log(table(keyed.rows.slice(-1), ['product_id', 'brand', 'model', 'sale_price']));
}

if (lab2Pending === '') {
  step('Lab 2: loyalty levels (SUM of sale_price per customer, in cents)');
  const loyalty = (await waitUntil('waiting for loyalty levels', () => {
    const r = sqlJson('SELECT email, total, rewards_level FROM shoe_loyalty_levels');
    return { done: (r.rows?.length ?? 0) >= 250, status: r.rows ? `${r.rows.length} customers` : r.error, r };
  })).r;
  if (loyalty.rows) {
    const byLevel = {};
    for (const row of loyalty.rows) byLevel[row.rewards_level] = (byLevel[row.rewards_level] ?? 0) + 1;
    console.log(`  ${loyalty.rows.length} customers: ${Object.entries(byLevel).map(([l, n]) => `${n} ${l}`).join(', ')}. Top ten:`);
    console.log(table([...loyalty.rows].sort((a, b) => Number(b.total) - Number(a.total)).slice(0, 10), ['email', 'total', 'rewards_level']));
  } else console.log(`  shoe_loyalty_levels: ${loyalty.error}`);

  step('Lab 2: promotions (every 10th Jones-Stokes pair free; Braun-Bruen + Will Inc bundle)');
  const promos = (await waitUntil('waiting for promotions', () => {
    const r = sqlJson('SELECT email, promotion_name FROM shoe_promotions');
    return { done: (r.rows?.length ?? 0) >= 10, status: r.rows ? `${r.rows.length} offers` : r.error, r };
  })).r;
  if (promos.rows) {
    console.log(`  ${promos.rows.length} current offers${promos.rows.length > 12 ? ' (first 12)' : ''}:`);
    console.log(table(promos.rows.slice(0, 12), ['email', 'promotion_name']));
  } else console.log(`  shoe_promotions: ${promos.error}`);
} else {
  step('Lab 2: not yet');
  console.log(`  Lab 2 (orders joined with customers and products, then loyalty levels and promotions)`);
  console.log(`  needs regular joins in streamform's Flink SQL engine, which are still being built`);
  console.log(`  ("not supported yet: ${lab2Pending}"). Lab 1 above runs; re-run this demo when joins land.`);
}

// The queries above ran as statements of their own: remove them, so that only the configuration's
// statements remain (and a later destroy finds nothing it does not manage).
const adHoc = statementNames().filter((n) => !before.has(n) && n.startsWith('cli-'));
if (adHoc.length > 0) cli(['statement', 'delete', ...adHoc]);

console.log(`\n${bold('Explore further')} ${dim(`(finished in ${elapsed()}; the local cloud keeps running)`)}`);
console.log(`  npx streamform -chdir=${rel} shell --database ${DATABASE}   # type the labs: ${rel}/labs/lab1.sql, lab2.sql`);
console.log(`  npx streamform -chdir=${rel} topic consume shoe_orders --follow`);
console.log(`  npx streamform -chdir=${rel} statement list`);
console.log(`  npx streamform -chdir=${rel} lineage                       # which statements read and write which topics`);
console.log(`  npx streamform -chdir=${rel} state list`);
console.log(`  npx streamform -chdir=${rel} destroy -auto-approve         # remove everything`);
console.log(`  npx streamform -chdir=${rel} cloud stop                    # stop the local cloud`);
