/**
 * Parallel subtasks (Autopilot, issue 8): the topic-to-topic pipeline of pipeline.ts (filter and
 * projections, Avro in and out, 6 partitions, bounded at the latest offset so COMPLETED means the
 * sink committed everything) at parallelism 1 (on the cloud's event loop) and 2 (two worker
 * threads, 3 partitions each), each in a fresh cloud pinned at that parallelism. Printed per
 * parallelism: wall seconds, records/s (wall) and records per process-CPU-second (all threads;
 * the machine is shared, so CPU time is the fairer measure of cost, wall time of speed-up) and
 * the cores the process used on average (CPU s / wall s).
 * The worker start-up (a module graph and a re-plan per subtask) is inside the measured time.
 *
 * Usage: `node dist/bench/parallel.js [records]` (default 1 000 000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BenchCloud } from './bench-cloud.js';

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

async function run(parallelism: number, records: number): Promise<readonly string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'streamform-parallel-'));
  const cloud = await BenchCloud.start(dir, { autopilot: { fixedParallelism: parallelism } });
  try {
    const events = Math.ceil((records * 50) / 46) + 50;
    await cloud.must(`CREATE TABLE gen (
      event_type INT,
      bid ROW<auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING, dateTime TIMESTAMP(3), extra STRING>
    ) WITH ('connector' = 'nexmark', 'events.num' = '${events}', 'first-event.rate' = '10000000', 'next-event.rate' = '10000000')`);
    await cloud.must('CREATE TABLE src (auction BIGINT, bidder BIGINT, price BIGINT, channel STRING) DISTRIBUTED INTO 6 BUCKETS');
    await cloud.must('CREATE TABLE dst (auction BIGINT, bidder BIGINT, euros DECIMAL(23, 3), channel STRING) DISTRIBUTED INTO 6 BUCKETS');
    await cloud.must('INSERT INTO src SELECT bid.auction, bid.bidder, bid.price, bid.channel FROM gen WHERE event_type = 2');
    const produced = cloud.topicRecords('src');
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await cloud.must(`INSERT INTO dst
      SELECT auction, bidder, 0.908 * price AS euros, UPPER(channel) FROM src /*+ OPTIONS('scan.startup.mode' = 'earliest-offset', 'scan.bounded.mode' = 'latest-offset') */
      WHERE price >= 0`);
    const cpu = process.cpuUsage(cpu0);
    const seconds = (performance.now() - t0) / 1000;
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const delivered = cloud.topicRecords('dst');
    if (delivered !== produced) {
      console.error(`p=${parallelism}: sink holds ${delivered} records, source ${produced}`);
      process.exitCode = 1;
    }
    return [String(parallelism), fmt(delivered), seconds.toFixed(2), cpuSeconds.toFixed(2), (cpuSeconds / seconds).toFixed(2), fmt(produced / seconds), fmt(produced / cpuSeconds)];
  } finally {
    await cloud.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const arg = process.argv.slice(2).find((a) => /^\d+$/.test(a));
  const records = arg === undefined ? 1_000_000 : Number(arg);
  const rows = [await run(1, records), await run(2, records)];
  const header = ['parallelism', 'records', 'wall s', 'CPU s', 'cores used', 'records/s', 'records/CPU-s'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string => r.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
  console.log('\nTopic → filter/project → topic (6 partitions, Avro) at parallelism 1 and 2 (worker threads); CPU = the whole process, all threads');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}

await main();
