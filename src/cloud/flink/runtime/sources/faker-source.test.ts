import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock, seededIds } from '../../../../shared/index.js';
import { exampleTable } from '../../catalog/examples-catalog.js';
import { BatchBuilder } from '../batch.js';
import { INSERT, NO_WATERMARK, UPDATE_AFTER, type Row } from '../types.js';
import { FakerSource } from './faker-source.js';
import { EXAMPLE_COLUMNS } from './faker-rows.js';
import type { ExampleTableName, FakerSourceOptions } from './types.js';

const START = Date.UTC(2026, 0, 1, 12);

interface Drained { rows: Row[]; kinds: number[]; rowtimes: number[]; watermarks: number[] }

/** Polls until `n` rows came out, moving the clock `stepMs` between polls. */
function drive(src: FakerSource, clock: { advance(ms: number): void }, n: number, stepMs = 20): Drained {
  const out: Drained = { rows: [], kinds: [], rowtimes: [], watermarks: [] };
  const b = new BatchBuilder(64);
  for (let guard = 0; out.rows.length < n && guard < 100_000; guard++) {
    b.reset();
    src.poll(b, Math.min(64, n - out.rows.length));
    for (let i = 0; i < b.size; i++) {
      out.rows.push(b.rows[i] as Row);
      out.kinds.push(b.kinds[i] as number);
      out.rowtimes.push(b.rowtimes[i] as number);
    }
    out.watermarks.push(src.watermark);
    clock.advance(stepMs);
  }
  return out;
}

function source(table: ExampleTableName, extra: Partial<FakerSourceOptions> = {}): { src: FakerSource; clock: ReturnType<typeof fixedClock> } {
  const clock = fixedClock(START);
  return { src: new FakerSource({ table, clock, seed: 42, ...extra }), clock };
}

const TABLES: readonly ExampleTableName[] = ['clicks', 'customers', 'orders', 'products'];

describe('FakerSource', () => {
  it('produces rows with the columns and value types of the examples tables', () => {
    for (const table of TABLES) {
      const def = exampleTable(table);
      assert.ok(def !== undefined);
      assert.deepEqual(EXAMPLE_COLUMNS[table], def.columns.map((c) => c.name), table);
      const { src, clock } = source(table, { unpaced: true });
      for (const row of drive(src, clock, 200).rows) {
        assert.equal(row.length, def.columns.length);
        def.columns.forEach((c, i) => {
          const v = row[i];
          const kind = c.kind === 'physical' ? c.type.kind : 'other';
          if (kind === 'INTEGER') assert.ok(Number.isInteger(v), `${table}.${c.name} = ${String(v)}`);
          else if (kind === 'DOUBLE') assert.equal(typeof v, 'number', `${table}.${c.name}`);
          else assert.ok(typeof v === 'string' && v.length > 0, `${table}.${c.name} = ${String(v)}`);
        });
      }
    }
  });

  it('keeps clicks within the documented ranges and shapes', () => {
    const { src, clock } = source('clicks', { unpaced: true });
    const users = new Set<number>();
    for (const [id, user, url, agent, view] of drive(src, clock, 2000).rows) {
      assert.match(id as string, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.ok((user as number) >= 3000 && (user as number) <= 4999);
      users.add(user as number);
      assert.match(url as string, /^https:\/\/www\.acme\.com\/product\/[a-z]{5}$/);
      assert.match(agent as string, /Mozilla|Opera|Googlebot|Dalvik|[A-Za-z]+\/\d/);
      assert.ok((view as number) >= 10 && (view as number) <= 119);
    }
    assert.ok(users.size > 500, 'user ids spread over the range');
  });

  it('keeps orders, customers and products within their key ranges', () => {
    let s = source('orders', { unpaced: true });
    for (const [, customer, product, price] of drive(s.src, s.clock, 2000).rows) {
      assert.ok((customer as number) >= 3000 && (customer as number) <= 3249);
      assert.match(product as string, /^1[0-4]\d\d$/);
      assert.ok((price as number) >= 0 && (price as number) <= 100);
      assert.equal(Math.round((price as number) * 100) / 100, price);
    }
    s = source('customers', { unpaced: true });
    for (const [id, , , , , email] of drive(s.src, s.clock, 500).rows) {
      assert.ok((id as number) >= 3000 && (id as number) <= 3249);
      assert.match(email as string, /^[^@\s]+@[^@\s]+\.[a-z]+$/);
    }
    s = source('products', { unpaced: true });
    for (const [id] of drive(s.src, s.clock, 500).rows) assert.match(id as string, /^1[0-4]\d\d$/);
  });

  it('emits +I for append tables and +U for upsert tables', () => {
    for (const table of TABLES) {
      const { src, clock } = source(table, { unpaced: true });
      const kinds = new Set(drive(src, clock, 50).kinds);
      const expected = table === 'customers' || table === 'products' ? UPDATE_AFTER : INSERT;
      assert.deepEqual([...kinds], [expected], table);
    }
  });

  it('paces at 50 rows per second of the injected clock', () => {
    const { src, clock } = source('clicks');
    const b = new BatchBuilder();
    assert.equal(src.poll(b, 1024), 'idle', 'pacing starts at the first poll');
    assert.equal(src.nextDueAt(), START + 20);
    clock.advance(19);
    assert.equal(src.poll(b, 1024), 'idle');
    clock.advance(1);
    assert.equal(src.poll(b, 1024), 'data');
    assert.equal(b.size, 1);
    // Ten seconds in 8 ms steps (0.4 rows owed per step, so polls emit 0 or 1): exactly 500 rows.
    let total = 0;
    for (let t = 0; t < 10_000; t += 8) {
      clock.advance(8);
      b.reset();
      src.poll(b, 1024);
      total += b.size;
    }
    assert.equal(total, 500);
    assert.equal(src.emitted, 501);
  });

  it('limits catch-up after a stall to one second of rows', () => {
    const { src, clock } = source('orders');
    const b = new BatchBuilder();
    src.poll(b, 1024);
    clock.advance(60_000);
    assert.equal(src.poll(b, 1024), 'data');
    assert.equal(b.size, 50);
    b.reset();
    assert.equal(src.poll(b, 1024), 'idle');
  });

  it('keeps rowtime and watermark strictly ascending, +1 ms within one millisecond', () => {
    const { src, clock } = source('clicks', { rowsPerSecond: 5000 });
    const b = new BatchBuilder();
    src.poll(b, 1024);
    assert.equal(src.watermark, NO_WATERMARK);
    clock.advance(10);
    src.poll(b, 1024);
    assert.equal(b.size, 50);
    assert.deepEqual(Array.from(b.rowtimes.subarray(0, 3)), [START + 10, START + 11, START + 12]);
    assert.equal(src.watermark, START + 59, 'watermark = max rowtime seen');
    const d = drive(src, clock, 3000, 3);
    for (let i = 1; i < d.rowtimes.length; i++) assert.ok((d.rowtimes[i] as number) > (d.rowtimes[i - 1] as number));
    for (let i = 1; i < d.watermarks.length; i++) assert.ok((d.watermarks[i] as number) >= (d.watermarks[i - 1] as number));
    assert.equal(d.watermarks[d.watermarks.length - 1], d.rowtimes[d.rowtimes.length - 1]);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    const a = source('customers', { unpaced: true });
    const b = source('customers', { unpaced: true });
    const c = source('customers', { unpaced: true, seed: 7 });
    const ra = drive(a.src, a.clock, 100).rows;
    assert.deepEqual(drive(b.src, b.clock, 100).rows, ra);
    assert.notDeepEqual(drive(c.src, c.clock, 100).rows, ra);
    const fromIds = (): Row[] => {
      const clock = fixedClock(START);
      return drive(new FakerSource({ table: 'clicks', clock, unpaced: true, ids: seededIds(5) }), clock, 10).rows;
    };
    assert.deepEqual(fromIds(), fromIds(), 'without a seed, the seed comes from the injected id source');
  });

  it('continues the same sequence after snapshot and restore', () => {
    const straight = source('products', { unpaced: true });
    const all = drive(straight.src, straight.clock, 300);
    const first = source('products', { unpaced: true });
    const head = drive(first.src, first.clock, 120);
    const pos = JSON.parse(JSON.stringify(first.src.snapshot())) as unknown;
    const restored = source('products', { unpaced: true, seed: 999 });
    restored.src.restore(pos);
    assert.equal(restored.src.emitted, 120);
    const tail = drive(restored.src, restored.clock, 180);
    assert.deepEqual([...head.rows, ...tail.rows], all.rows);
    assert.ok((tail.rowtimes[0] as number) > (head.rowtimes[head.rowtimes.length - 1] as number));
  });

  it('ends after rowsLimit rows in bounded mode', () => {
    const { src, clock } = source('orders', { rowsLimit: 30 });
    const b = new BatchBuilder();
    src.poll(b, 1024);
    clock.advance(5000);
    src.poll(b, 1024);
    assert.equal(b.size, 30);
    assert.equal(src.poll(b, 1024), 'end');
    assert.equal(src.nextDueAt(), Number.POSITIVE_INFINITY);
  });
});
