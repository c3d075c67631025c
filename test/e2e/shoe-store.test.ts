/**
 * examples/shoe-store end to end: a copy of the workshop with seeded, bounded Datagen connectors
 * is applied with the real CLI on a local cloud, then the facts the workshop teaches are checked
 * against an independent reading of the topics. Lab 1 is applied first; lab 2 (joins and
 * aggregations) is applied by a later test. Everything is destroyed and the cloud stopped after.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { BIN, pollUntil, removeDir, REPO_ROOT } from '../support/index.js';
import type { CliResult } from '../support/index.js';

/** Records each seeded connector produces (products and customers: enough to see every row). */
const ITERATIONS = { SHOES: 8000, SHOE_CUSTOMERS: 3000, SHOE_ORDERS: 30000 } as const;
const SEED = '42';
const DATABASE = 'cc_handson_cluster';
/** Files of lab 2; held back until the lab-2 test applies them. */
const LAB2_FILES = ['lab2.tf'];

interface Consumed {
  readonly offset: number;
  readonly key: unknown;
  readonly value: Record<string, unknown> | null;
}
interface Product { readonly id: string; readonly brand: string; readonly name: string; readonly sale_price: number }
interface Customer { readonly id: string; readonly first_name: string; readonly last_name: string; readonly email: string }
interface Order { readonly order_id: number; readonly product_id: string; readonly customer_id: string }

/** The workshop's connectors.tf with a fixed seed, no pause between records and a bounded count. */
function seededConnectors(source: string): string {
  let s = source.replace(/"max\.interval"(\s*)= [^\n]+/g, `"max.interval"$1= "0"\n    "random.seed"$1= "${SEED}"`);
  for (const [quickstart, n] of Object.entries(ITERATIONS)) {
    s = s.replace(new RegExp(`("quickstart"(\\s*)= "${quickstart}")`), `$1\n    "iterations"$2= "${n}"`);
  }
  return s;
}

/** The real binary as a child process (topics are read whole, so the output buffer is large). */
function cliChild(dir: string, args: readonly string[]): CliResult {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env['STREAMFORM_CLOUD_URL']; // the directory's own local cloud
  const r = spawnSync(process.execPath, [BIN, `-chdir=${dir}`, ...args], { encoding: 'utf8', env, timeout: 120_000, maxBuffer: 512 * 1024 * 1024 });
  return { code: r.status ?? -1, out: r.stdout, err: r.error ? `${r.error.message}\n${r.stderr}` : r.stderr };
}

/**
 * Stops the directory's local cloud. Should `cloud stop` itself fail, the cloud this test
 * started (its pid file) is terminated, so that no cloud outlives its deleted data directory.
 */
function stopCloud(dir: string): void {
  const pidFile = join(dir, '.streamform', 'cloud', 'cloud.pid');
  const pid = existsSync(pidFile) ? Number.parseInt(readFileSync(pidFile, 'utf8'), 10) : Number.NaN;
  const stop = cliChild(dir, ['cloud', 'stop']);
  if (stop.code === 0 || !Number.isSafeInteger(pid) || pid <= 0) return;
  try { process.kill(pid, 'SIGTERM'); } catch { /* already gone */ }
}

function ok(r: CliResult, what: string): string {
  assert.equal(r.code, 0, `${what} failed:\n${r.err}\n${r.out.slice(0, 2000)}`);
  return r.out;
}

/** Every record of a topic, decoded (Avro through Schema Registry) by `topic consume --json`. */
function consume(dir: string, topic: string): Consumed[] {
  const out = ok(cliChild(dir, ['topic', 'consume', topic, '--from-beginning', '--max', '1000000', '--json']), `consume ${topic}`);
  return out.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Consumed);
}

function values<T>(records: readonly Consumed[]): T[] {
  return records.flatMap((r) => (r.value === null ? [] : [r.value as unknown as T]));
}

/** Rows of a bounded SQL query (the final table, after every change is applied). */
function sqlRows(dir: string, query: string): Record<string, unknown>[] {
  const out = ok(cliChild(dir, ['sql', '-e', query, '--database', DATABASE, '--bounded', '--format', 'json']), `sql ${query}`);
  return JSON.parse(out) as Record<string, unknown>[];
}

/** Waits until a topic holds `n` records (sources and statements run in the background). */
async function waitForCount(dir: string, topic: string, n: number): Promise<Consumed[]> {
  return pollUntil(`${n} records in ${topic}`, () => {
    const recs = consume(dir, topic);
    return recs.length >= n ? recs : undefined;
  }, undefined, 60_000);
}

function keyField(key: unknown, field: string): string {
  assert.ok(typeof key === 'object' && key !== null, `expected an Avro key record, got ${JSON.stringify(key)}`);
  const v = (key as Record<string, unknown>)[field];
  assert.equal(typeof v, 'string');
  return v as string;
}

function level(total: number): string {
  if (total > 80_000_000) return 'GOLD';
  if (total > 7_000_000) return 'SILVER';
  if (total > 600_000) return 'BRONZE';
  return 'CLIMBING';
}

describe('examples/shoe-store (seeded, bounded) on the local cloud', () => {
  let tmp = '';
  let dir = '';
  let products: Product[] = [];
  let customers: Customer[] = [];
  let orders: Order[] = [];

  before(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'sf-shoe-store-'));
    dir = join(tmp, 'shoe-store');
    cpSync(join(REPO_ROOT, 'examples', 'shoe-store'), dir, { recursive: true, filter: (p) => !/\.streamform|terraform\.tfstate/.test(p) });
    const connectors = join(dir, 'connectors.tf');
    const seeded = seededConnectors(readFileSync(connectors, 'utf8'));
    assert.equal(seeded.match(/"iterations"/g)?.length, 3, 'the three connectors got a bounded iteration count');
    writeFileSync(connectors, seeded);
    mkdirSync(join(tmp, 'held'));
    for (const f of LAB2_FILES) renameSync(join(dir, f), join(tmp, 'held', f));
    ok(cliChild(dir, ['init', '-no-color']), 'init');
    ok(cliChild(dir, ['apply', '-auto-approve', '-no-color']), 'apply (lab 1)');
    products = values<Product>(await waitForCount(dir, 'shoe_products', ITERATIONS.SHOES));
    customers = values<Customer>(await waitForCount(dir, 'shoe_customers', ITERATIONS.SHOE_CUSTOMERS));
    orders = values<Order>(await waitForCount(dir, 'shoe_orders', ITERATIONS.SHOE_ORDERS));
  });

  after(() => {
    if (dir === '') return;
    try {
      // The ad-hoc `sql` statements are not managed by the configuration: delete them first.
      const list = cliChild(dir, ['statement', 'list', '--json']);
      const adHoc = list.code === 0 ? (JSON.parse(list.out) as { name?: string }[]).flatMap((x) => (x.name?.startsWith('cli-') ? [x.name] : [])) : [];
      if (adHoc.length > 0) cliChild(dir, ['statement', 'delete', ...adHoc]);
      const d = cliChild(dir, ['destroy', '-auto-approve', '-no-color']);
      assert.equal(d.code, 0, `destroy failed:\n${d.err}\n${d.out}`);
    } finally {
      stopCloud(dir);
      removeDir(tmp);
    }
  });

  it('shoe_products holds the 643 products of 20 brands, each re-emitted many times', () => {
    assert.equal(products.length, ITERATIONS.SHOES);
    assert.equal(new Set(products.map((p) => p.id)).size, 643);
    assert.equal(new Set(products.map((p) => p.brand)).size, 20);
  });

  it('shoe_customers holds the 301 customers, every copy of a customer identical', () => {
    assert.equal(new Set(customers.map((c) => c.id)).size, 301);
    const byId = new Map<string, string>();
    for (const c of customers) {
      const text = JSON.stringify(c);
      assert.equal(byId.get(c.id) ?? text, text, `customer ${c.id} changed`);
      byId.set(c.id, text);
    }
  });

  it('every order refers to a known product and a known customer, with increasing order ids', () => {
    const productIds = new Set(products.map((p) => p.id));
    const customerIds = new Set(customers.map((c) => c.id));
    assert.equal(orders.length, ITERATIONS.SHOE_ORDERS);
    for (const o of orders) {
      assert.ok(productIds.has(o.product_id), `order ${o.order_id}: unknown product ${o.product_id}`);
      assert.ok(customerIds.has(o.customer_id), `order ${o.order_id}: unknown customer ${o.customer_id}`);
    }
    assert.deepEqual(orders.slice(0, 3).map((o) => o.order_id), [1000, 1001, 1002]);
  });

  it('the keyed tables are upserts by primary key: one key per customer / product, latest value = the source row', async () => {
    const keyedCustomers = await waitForCount(dir, 'shoe_customers_keyed', ITERATIONS.SHOE_CUSTOMERS);
    const latest = new Map<string, Record<string, unknown> | null>();
    for (const r of keyedCustomers) latest.set(keyField(r.key, 'customer_id'), r.value);
    assert.equal(latest.size, 301);
    const example = customers.find((c) => c.id === 'b523f7f3-0338-4f1f-a951-a387beeb8b6a');
    assert.ok(example, 'the lab\'s example customer is in the data');
    for (const c of customers) {
      assert.deepEqual(latest.get(c.id), { first_name: c.first_name, last_name: c.last_name, email: c.email });
    }
    const keyedProducts = await waitForCount(dir, 'shoe_products_keyed', ITERATIONS.SHOES);
    const productKeys = new Set(keyedProducts.map((r) => keyField(r.key, 'product_id')));
    assert.equal(productKeys.size, 643);
    const one = keyedProducts.filter((r) => keyField(r.key, 'product_id') === products[0]?.id).at(-1);
    assert.deepEqual(one?.value, { brand: products[0]?.brand, model: products[0]?.name, sale_price: products[0]?.sale_price, rating: (products[0] as unknown as { rating: number }).rating });
  });

  it('a bounded SELECT of a keyed table returns one row per key', () => {
    const rows = sqlRows(dir, 'SELECT customer_id, email FROM shoe_customers_keyed');
    assert.equal(rows.length, 301);
    assert.equal(new Set(rows.map((r) => r['customer_id'])).size, 301);
  });

  it('COUNT(DISTINCT id) over shoe_customers converges to 301 while COUNT(id) counts every copy', () => {
    const [row] = sqlRows(dir, 'SELECT COUNT(id) AS all_records, COUNT(DISTINCT id) AS customers FROM shoe_customers');
    assert.deepEqual(row, { all_records: ITERATIONS.SHOE_CUSTOMERS, customers: 301 });
  });

  it('per brand: 20 brands, their model counts and top prices as counted from the topic', () => {
    const expected = new Map<string, { names: Set<string>; max: number }>();
    for (const p of products) {
      const e = expected.get(p.brand) ?? { names: new Set<string>(), max: 0 };
      e.names.add(p.name); e.max = Math.max(e.max, p.sale_price); expected.set(p.brand, e);
    }
    const rows = sqlRows(dir, 'SELECT brand AS brand_name, COUNT(DISTINCT name) AS models_by_brand, MAX(sale_price) / 100 AS max_price FROM shoe_products GROUP BY brand');
    assert.equal(rows.length, 20);
    for (const r of rows) {
      const e = expected.get(String(r['brand_name']));
      assert.ok(e, `unexpected brand ${String(r['brand_name'])}`);
      assert.equal(r['models_by_brand'], e.names.size);
      assert.equal(r['max_price'], Math.trunc(e.max / 100));
    }
  });

  it('COUNT(*) of the keyed customers table converges to 301 (one row per key)', () => {
    const [row] = sqlRows(dir, 'SELECT COUNT(*) AS amountrows FROM shoe_customers_keyed');
    assert.deepEqual(row, { amountrows: 301 });
  });

  it('lab 2 applies: enrichment join, loyalty levels and promotions', () => {
    for (const f of LAB2_FILES) cpSync(join(tmp, 'held', f), join(dir, f));
    ok(cliChild(dir, ['apply', '-auto-approve', '-no-color']), 'apply (lab 2)');
  });

  it('shoe_loyalty_levels equals an independent SUM(sale_price) per email, with its level', async () => {
    const price = new Map(products.map((p) => [p.id, p.sale_price]));
    const email = new Map(customers.map((c) => [c.id, c.email]));
    const expected = new Map<string, number>();
    for (const o of orders) {
      const e = email.get(o.customer_id) ?? '';
      expected.set(e, (expected.get(e) ?? 0) + (price.get(o.product_id) ?? 0));
    }
    const rows = await pollUntil('loyalty levels to converge', () => {
      const r = sqlRows(dir, 'SELECT email, total, rewards_level FROM shoe_loyalty_levels');
      const got = new Map(r.map((x) => [String(x['email']), Number(x['total'])]));
      return [...expected].every(([e, t]) => got.get(e) === t) ? r : undefined;
    }, undefined, 60_000);
    assert.equal(rows.length, expected.size);
    for (const r of rows) assert.equal(r['rewards_level'], level(Number(r['total'])), String(r['email']));
  });

  it('shoe_promotions: final offers match the rules, and a next_free offer is retracted by a tombstone', async () => {
    const brand = new Map(products.map((p) => [p.id, p.brand]));
    const email = new Map(customers.map((c) => [c.id, c.email]));
    const jones = new Map<string, number>();
    const bundle = new Map<string, { brands: Set<string>; n: number }>();
    for (const o of orders) {
      const e = email.get(o.customer_id) ?? '';
      const b = brand.get(o.product_id) ?? '';
      if (b === 'Jones-Stokes') jones.set(e, (jones.get(e) ?? 0) + 1);
      if (b === 'Braun-Bruen' || b === 'Will Inc') {
        const x = bundle.get(e) ?? { brands: new Set<string>(), n: 0 };
        x.brands.add(b); x.n += 1; bundle.set(e, x);
      }
    }
    const nextFree = new Set([...jones].filter(([, n]) => n % 10 === 0).map(([e]) => e));
    const bundleOffer = new Set([...bundle].filter(([, x]) => x.brands.size === 2 && x.n > 10).map(([e]) => e));
    const passedTen = [...jones].filter(([e, n]) => n > 10 && n % 10 !== 0 && !bundleOffer.has(e)).map(([e]) => e);
    assert.ok(passedTen.length > 0, 'the seeded data has customers whose free-order count went past 10');
    // Both branches write the same key, so a retraction in one branch deletes the other's row too:
    // bundle customers whose Jones-Stokes count ever reached 10 may end with either offer or none.
    // Everyone else's final offer is exact.
    const expected = new Map<string, string>();
    for (const e of nextFree) if (!bundleOffer.has(e)) expected.set(e, 'next_free');
    for (const e of bundleOffer) if ((jones.get(e) ?? 0) < 10) expected.set(e, 'bundle_offer');
    const records = await pollUntil('promotions to converge', () => {
      const rows = sqlRows(dir, 'SELECT email, promotion_name FROM shoe_promotions');
      const got = new Map(rows.map((r) => [String(r['email']), String(r['promotion_name'])]));
      const exact = [...expected].every(([e, p]) => got.get(e) === p) && [...got.keys()].every((e) => nextFree.has(e) || bundleOffer.has(e));
      return exact ? consume(dir, 'shoe_promotions') : undefined;
    }, undefined, 60_000);
    const e = passedTen[0] ?? '';
    const mine = records.filter((r) => keyField(r.key, 'email') === e);
    const offered = mine.findIndex((r) => r.value?.['promotion_name'] === 'next_free');
    assert.ok(offered >= 0, `${e} got next_free at its 10th Jones-Stokes order`);
    assert.ok(mine.slice(offered + 1).some((r) => r.value === null), `${e}'s offer was retracted by a tombstone at the 11th`);
  });
});
