/**
 * Parallel subtasks (Autopilot, issue 8), each configuration in a fresh cloud with the same input
 * (bench/parallel-scenarios.ts; filling the sources is not measured):
 * - default: the stateless topic-to-topic pipeline of pipeline.ts (filter and projections, Avro
 *   in and out, 6 partitions, bounded at the latest offset) at parallelism 1 (on the cloud's event
 *   loop) and 2 (two worker threads, 3 partitions each).
 * - `--keyed`: GROUP BY bidder (COUNT, SUM) into an upsert table with PRIMARY KEY bidder;
 *   `--join`: a regular join of two 6-partition topics on the auction id, append output. Each at
 *   p=1 plain (Autopilot off: the plain operators), p=1 key-grouped (the operators per key group,
 *   `fixedParallelism: 1`) and p=2 (two worker threads exchanging rows by key group). The sink's
 *   result (final table, or the multiset of output records) must be identical in all three, or
 *   the bench fails.
 * Printed per run: wall seconds, CPU seconds, cores used on average (CPU s / wall s), records/s
 * (wall) and records per process-CPU-second (all threads; the machine is shared, so CPU time is the
 * fairer measure of cost, wall time of speed-up), and the load average before the run.
 * The worker start-up (a module graph and a re-plan per subtask) is inside the measured time.
 *
 * Usage: `node dist/bench/parallel.js [records] [--keyed | --join] [--only=plain,grouped,p2] [--repeat=N] [--profile=dir]`
 * (default 1 000 000 records, i.e. bids; the join also reads the auctions).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AutopilotOptions } from '../src/cloud/flink/index.js';
import { BenchCloud } from './bench-cloud.js';
import { JOIN, KEYED, STATELESS, type Scenario, type SinkSummary } from './parallel-scenarios.js';

interface Config { readonly name: string; readonly label: string; readonly autopilot: AutopilotOptions }

const STATELESS_CONFIGS: readonly Config[] = [
  { name: 'p1', label: '1', autopilot: { fixedParallelism: 1 } },
  { name: 'p2', label: '2', autopilot: { fixedParallelism: 2 } },
];
const KEYED_CONFIGS: readonly Config[] = [
  { name: 'plain', label: '1 plain', autopilot: { enabled: false } },
  { name: 'grouped', label: '1 key-grouped', autopilot: { fixedParallelism: 1 } },
  { name: 'p2', label: '2', autopilot: { fixedParallelism: 2 } },
];

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

interface Result { readonly row: readonly string[]; readonly summary: SinkSummary; readonly input: number }

/** Profiles the main thread while `f` runs into `<dir>/<name>.cpuprofile` (`--profile=dir`; workers: node --cpu-prof). */
async function profiled<T>(dir: string | undefined, name: string, f: () => Promise<T>): Promise<T> {
  if (dir === undefined) return f();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await f();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

/**
 * CPU seconds per thread of this process (Linux /proc; empty elsewhere), sampled every 50 ms so
 * that threads which end (the subtask workers) keep their last reading.
 */
class ThreadCpu {
  readonly #last = new Map<string, number>();
  readonly #base = new Map<string, number>();
  readonly #timer: NodeJS.Timeout;
  /** Clock ticks per second of /proc/…/stat (USER_HZ, 100 on Linux). */
  readonly #tick = 100;

  constructor() {
    this.#read(this.#base);
    this.#timer = setInterval(() => this.#read(this.#last), 50);
  }

  /** [main thread CPU s, other threads CPU s] since construction. */
  stop(): [number, number] {
    clearInterval(this.#timer);
    this.#read(this.#last);
    let main = 0;
    let others = 0;
    for (const [tid, t] of this.#last) {
      const d = (t - (this.#base.get(tid) ?? 0)) / this.#tick;
      if (tid === String(process.pid)) main += d; else others += d;
    }
    if (process.env['BENCH_THREADS'] !== undefined) console.log([...this.#last].map(([tid, t]) => `${tid}:${((t - (this.#base.get(tid) ?? 0)) / this.#tick).toFixed(2)}`).join(' '));
    return [main, others];
  }

  #read(into: Map<string, number>): void {
    let tids: string[];
    try { tids = readdirSync('/proc/self/task'); } catch { return; }
    for (const tid of tids) {
      try {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        into.set(tid, Number(f[11]) + Number(f[12]));
      } catch { /* the thread ended */ }
    }
  }
}

async function run(scenario: Scenario, config: Config, records: number, profileDir?: string): Promise<Result> {
  const dir = mkdtempSync(join(tmpdir(), 'streamform-parallel-'));
  const cloud = await BenchCloud.start(dir, { autopilot: config.autopilot });
  try {
    const input = await scenario.setup(cloud, records);
    const load = loadavg()[0] ?? 0;
    const threads = new ThreadCpu();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await profiled(profileDir, config.name, () => cloud.must(scenario.statement));
    const cpu = process.cpuUsage(cpu0);
    const [mainCpu, otherCpu] = threads.stop();
    const seconds = (performance.now() - t0) / 1000;
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const summary = scenario.summarise(cloud);
    return {
      input, summary,
      row: [config.label, fmt(input), fmt(summary.records), seconds.toFixed(2), cpuSeconds.toFixed(2), (cpuSeconds / seconds).toFixed(2), fmt(input / seconds), fmt(input / cpuSeconds), `${mainCpu.toFixed(2)} / ${otherCpu.toFixed(2)}`, load.toFixed(1)],
    };
  } finally {
    await cloud.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = args.find((a) => /^\d+$/.test(a));
  const records = arg === undefined ? 1_000_000 : Number(arg);
  const repeat = Number(args.find((a) => a.startsWith('--repeat='))?.slice(9) ?? '1');
  const profileDir = args.find((a) => a.startsWith('--profile='))?.slice(10);
  const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
  const scenario = args.includes('--keyed') ? KEYED : args.includes('--join') ? JOIN : STATELESS;
  const configs = (scenario === STATELESS ? STATELESS_CONFIGS : KEYED_CONFIGS).filter((c) => only === undefined || only.includes(c.name));
  const results: Result[] = [];
  for (let r = 0; r < repeat; r++) for (const c of configs) results.push(await run(scenario, c, records, profileDir));
  const header = ['parallelism', 'input', 'sink records', 'wall s', 'CPU s', 'cores used', 'records/s', 'records/CPU-s', 'CPU s main / other threads', 'load avg'];
  const widths = header.map((h, i) => Math.max(h.length, ...results.map((r) => (r.row[i] ?? '').length)));
  const line = (r: readonly string[]): string => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  console.log(`\n${scenario.title}, bounded at the latest offset; CPU = the whole process, all threads; load avg = 1-minute load before the run (2 cores)`);
  console.log(line(header));
  for (const r of results) console.log(line(r.row));
  check(scenario, results);
}

/** Fails the bench when the runs' results differ (or the stateless sink lost records). */
function check(scenario: Scenario, results: readonly Result[]): void {
  const bad: string[] = [];
  for (const r of results) {
    if (scenario === STATELESS && r.summary.records !== r.input) bad.push(`p=${r.row[0]}: sink holds ${r.summary.records} records, source ${r.input}`);
  }
  const first = results[0];
  if (scenario !== STATELESS && first !== undefined) {
    for (const r of results) {
      if (r.summary.digest !== first.summary.digest || r.summary.rows !== first.summary.rows) {
        bad.push(`p=${r.row[0]}: ${r.summary.rows} result rows (sha256 ${r.summary.digest.slice(0, 16)}…), but p=${first.row[0]} has ${first.summary.rows} (${first.summary.digest.slice(0, 16)}…)`);
      }
    }
    if (bad.length === 0) console.log(`The result is the same in every run: ${fmt(first.summary.rows)} rows, sha256 ${first.summary.digest.slice(0, 16)}…`);
  }
  if (bad.length > 0) {
    console.error(`RESULTS DIFFER:\n${bad.join('\n')}`);
    process.exitCode = 1;
  }
}

await main();
