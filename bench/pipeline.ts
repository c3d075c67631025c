/**
 * A topic-to-topic pipeline through the log (issue 4, item 9): N records are produced into an Avro
 * topic table (by a bounded nexmark → topic INSERT, which measures the topic sink too), then
 * `INSERT INTO dst SELECT … FROM src` with a filter and projections runs over them, bounded at the
 * latest offset so that COMPLETED means the sink has committed every record. Printed: records/s of
 * each phase (wall) and per CPU core, and the sink's record count checked against the input.
 *
 * Usage: `node dist/bench/pipeline.js [records]` (default 1 000 000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchCloud } from './bench-cloud.js';

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

async function timed(cloud: BenchCloud, sql: string): Promise<{ seconds: number; cpuSeconds: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await cloud.must(sql);
  const cpu = process.cpuUsage(cpu0);
  return { seconds: (performance.now() - t0) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
}

async function main(): Promise<void> {
  const arg = process.argv.slice(2).find((a) => /^\d+$/.test(a));
  const records = arg === undefined ? 1_000_000 : Number(arg);
  const dir = mkdtempSync(join(tmpdir(), 'streamform-pipeline-'));
  const cloud = await BenchCloud.start(dir);
  try {
    // Only bids (event_type 2): 46 of every 50 nexmark events; ask for enough events to get `records` bids.
    const events = Math.ceil((records * 50) / 46) + 50;
    await cloud.must(`CREATE TABLE gen (
      event_type INT,
      bid ROW<auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING, dateTime TIMESTAMP(3), extra STRING>
    ) WITH ('connector' = 'nexmark', 'events.num' = '${events}', 'first-event.rate' = '10000000', 'next-event.rate' = '10000000')`);
    await cloud.must(`CREATE TABLE src (auction BIGINT, bidder BIGINT, price BIGINT, channel STRING) DISTRIBUTED INTO 6 BUCKETS`);
    await cloud.must(`CREATE TABLE dst (auction BIGINT, bidder BIGINT, euros DECIMAL(23, 3), channel STRING) DISTRIBUTED INTO 6 BUCKETS`);
    const fill = await timed(cloud, `INSERT INTO src SELECT bid.auction, bid.bidder, bid.price, bid.channel FROM gen WHERE event_type = 2`);
    const produced = cloud.topicRecords('src');
    const pipe = await timed(cloud, `INSERT INTO dst
      SELECT auction, bidder, 0.908 * price AS euros, UPPER(channel) FROM src /*+ OPTIONS('scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset') */
      WHERE price >= 0`);
    const delivered = cloud.topicRecords('dst');
    const header = ['phase', 'records', 'seconds', 'records/s', 'records/s/core'];
    const rows = [
      ['nexmark → Avro topic (produce)', fmt(produced), fill.seconds.toFixed(2), fmt(produced / fill.seconds), fmt(produced / fill.cpuSeconds)],
      ['topic → filter/project → Avro topic', fmt(delivered), pipe.seconds.toFixed(2), fmt(produced / pipe.seconds), fmt(produced / pipe.cpuSeconds)],
    ];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (r: readonly string[]): string => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
    console.log(`\nTopic-to-topic pipeline through the log (6 partitions, avro-registry values; time until COMPLETED = every record committed to the sink)`);
    console.log(line(header));
    for (const r of rows) console.log(line(r));
    if (delivered !== produced) {
      console.error(`sink holds ${delivered} records, source ${produced}`);
      process.exitCode = 1;
    }
  } finally {
    await cloud.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
