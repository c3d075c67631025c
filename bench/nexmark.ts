/**
 * The Nexmark benchmark through the whole SQL path (nexmark.md): an in-process local cloud (temp
 * dir, port 0), one environment and cluster, the wide `nexmark` source table
 * (`'connector' = 'nexmark'`, computed `dateTime`, `WATERMARK FOR dateTime AS dateTime - 4 s`),
 * `blackhole` sinks, and the stateless queries q0, q1, q2, q21 and q22 submitted over the sql/v1
 * REST API as `INSERT INTO sink SELECT … FROM nexmark`, each waited on until COMPLETED.
 *
 * Measured per query: wall time from submission to COMPLETED and process CPU time
 * (`process.cpuUsage`, user + system, every thread); events/s per core = events / CPU-seconds,
 * the same quantity as Nexmark's `Throughput/Cores`. Compared with Flink 1.13's published per-core
 * figures (nexmark.md §4 a). The queries read Nexmark's standard `bid` view, created with
 * CREATE VIEW over the source table (`bid_warmup` over the warm-up table).
 *
 * Usage: `node dist/bench/nexmark.js [events] [q0 q1 …] [--no-warmup]` (default 10 000 000 events,
 * all five queries, a 1 M-event warm-up run of each query first).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchCloud } from './bench-cloud.js';

/** Flink 1.13, V1 suite: events/s per core (nexmark.md §4 a). */
const FLINK_PER_CORE: Readonly<Record<string, number>> = { q0: 155_000, q1: 158_000, q2: 175_000, q21: 98_500, q22: 130_000 };

/** Nexmark's `bid` view over a source table. */
function bidView(view: string, source: string): string {
  return `CREATE VIEW ${view} AS SELECT bid.auction AS auction, bid.bidder AS bidder, bid.price AS price,
  bid.channel AS channel, bid.url AS url, dateTime, bid.extra AS extra FROM ${source} WHERE event_type = 2`;
}

interface Query { readonly name: string; readonly sink: string; readonly select: string }

const QUERIES: readonly Query[] = [
  {
    name: 'q0',
    sink: 'auction BIGINT, bidder BIGINT, price BIGINT, dateTime TIMESTAMP(3), extra STRING',
    select: `SELECT auction, bidder, price, dateTime, extra FROM bid`,
  },
  {
    name: 'q1',
    sink: 'auction BIGINT, bidder BIGINT, price DECIMAL(23, 3), dateTime TIMESTAMP(3), extra STRING',
    select: `SELECT auction, bidder, 0.908 * price AS price, dateTime, extra FROM bid`,
  },
  {
    name: 'q2',
    sink: 'auction BIGINT, price BIGINT',
    select: `SELECT auction, price FROM bid WHERE MOD(auction, 123) = 0`,
  },
  {
    name: 'q21',
    sink: 'auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, channel_id STRING',
    select: `SELECT auction, bidder, price, channel,
      CASE LOWER(channel)
        WHEN 'apple' THEN '0' WHEN 'google' THEN '1' WHEN 'facebook' THEN '2' WHEN 'baidu' THEN '3'
        ELSE REGEXP_EXTRACT(url, '(&|^)channel_id=([^&]*)', 2)
      END AS channel_id
      FROM bid
      WHERE LOWER(channel) IN ('apple', 'google', 'facebook', 'baidu') OR REGEXP_EXTRACT(url, '(&|^)channel_id=([^&]*)', 2) IS NOT NULL`,
  },
  {
    name: 'q22',
    sink: 'auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, dir1 STRING, dir2 STRING, dir3 STRING',
    select: `SELECT auction, bidder, price, channel,
      SPLIT_INDEX(url, '/', 3) AS dir1, SPLIT_INDEX(url, '/', 4) AS dir2, SPLIT_INDEX(url, '/', 5) AS dir3
      FROM bid`,
  },
];

function nexmarkDdl(table: string, events: number): string {
  return `CREATE TABLE ${table} (
    event_type INT,
    person ROW<id BIGINT, name STRING, emailAddress STRING, creditCard STRING, city STRING, state STRING, dateTime TIMESTAMP(3), extra STRING>,
    auction ROW<id BIGINT, itemName STRING, description STRING, initialBid BIGINT, reserve BIGINT, dateTime TIMESTAMP(3), expires TIMESTAMP(3), seller BIGINT, category BIGINT, extra STRING>,
    bid ROW<auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING, dateTime TIMESTAMP(3), extra STRING>,
    dateTime AS CASE WHEN event_type = 0 THEN person.dateTime WHEN event_type = 1 THEN auction.dateTime ELSE bid.dateTime END,
    WATERMARK FOR dateTime AS dateTime - INTERVAL '4' SECOND
  ) WITH (
    'connector' = 'nexmark',
    'events.num' = '${events}',
    'first-event.rate' = '10000000',
    'next-event.rate' = '10000000'
  )`;
}

interface Measured { readonly query: string; readonly events: number; readonly seconds: number; readonly cpuSeconds: number }

async function measure(cloud: BenchCloud, q: Query, source: string, events: number): Promise<Measured> {
  const sql = `INSERT INTO sink_${q.name} ${q.select.replaceAll('FROM bid', `FROM ${source}`)}`;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await cloud.must(sql);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { query: q.name, events, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const eventsArg = args.find((a) => /^\d+$/.test(a));
  const events = eventsArg === undefined ? 10_000_000 : Number(eventsArg);
  const warmup = !args.includes('--no-warmup');
  const wanted = args.filter((a) => /^q\d+$/.test(a));
  const queries = QUERIES.filter((q) => wanted.length === 0 || wanted.includes(q.name));
  const dir = mkdtempSync(join(tmpdir(), 'streamform-nexmark-'));
  const cloud = await BenchCloud.start(dir);
  const rows: Measured[] = [];
  try {
    await cloud.must(nexmarkDdl('nexmark', events));
    await cloud.must(bidView('bid', 'nexmark'));
    const warmEvents = Math.min(1_000_000, events);
    if (warmup) {
      await cloud.must(nexmarkDdl('nexmark_warmup', warmEvents));
      await cloud.must(bidView('bid_warmup', 'nexmark_warmup'));
    }
    for (const q of queries) await cloud.must(`CREATE TABLE sink_${q.name} (${q.sink}) WITH ('connector' = 'blackhole')`);
    for (const q of queries) {
      if (warmup) await measure(cloud, q, 'bid_warmup', warmEvents);
      const m = await measure(cloud, q, 'bid', events);
      rows.push(m);
      console.log(`${q.name}: ${fmt(m.events)} events in ${m.seconds.toFixed(2)} s wall, ${m.cpuSeconds.toFixed(2)} s CPU`);
    }
  } finally {
    await cloud.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const header = ['query', 'events', 'seconds', 'events/s', 'events/s/core', 'Flink 1.13 /core', 'ratio'];
  const table = rows.map((m) => {
    const perCore = m.events / m.cpuSeconds;
    const flink = FLINK_PER_CORE[m.query] ?? Number.NaN;
    return [m.query, fmt(m.events), m.seconds.toFixed(2), fmt(m.events / m.seconds), fmt(perCore), fmt(flink), `${(perCore / flink).toFixed(2)}×`];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(`\nNexmark through SQL (events/s per core = events / process CPU seconds; goal ≥ 1.2 M on q0–q2)`);
  console.log(line(header));
  for (const r of table) console.log(line(r));
}

await main();
