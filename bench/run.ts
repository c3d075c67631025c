/**
 * `npm run bench`: runs every benchmark in turn, each in its own process so one's garbage and JIT
 * state don't colour the next, and prints their reports. `npm run bench -- plan log` runs only
 * the named ones. Timing goals live here and in the individual benchmarks, never in unit tests.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface Bench { readonly name: string; readonly file: string; readonly args?: readonly string[]; readonly what: string }

const dist = fileURLToPath(new URL('../', import.meta.url));
const BENCHES: readonly Bench[] = [
  { name: 'plan', file: 'bench/plan-bench.js', what: 'provisioning at scale: validate / plan / apply / no-op plan of 1,000 and 10,000 resources (goals: no-op plan of 10,000 < 2 s, apply of 1,000 < 3 s)' },
  { name: 'log', file: 'bench/log-bench.js', what: 'topic log append and sequential read, 100-byte values (goals: ≥ 500 K appends/s, ≥ 2 M reads/s)' },
  { name: 'runtime', file: 'src/cloud/flink/runtime/throughput.bench.js', what: 'Flink runtime: topic source → calc → blackhole, 1 M records' },
  { name: 'nexmark-source', file: 'src/cloud/flink/runtime/sources/nexmark-generation.bench.js', what: 'Nexmark event generation alone' },
  { name: 'group-aggregate', file: 'src/cloud/flink/runtime/stateful/group-aggregate-throughput.bench.js', what: 'GROUP BY COUNT/SUM, 1 M rows, 10 K keys' },
  { name: 'join', file: 'src/cloud/flink/runtime/join/regular-join-throughput.bench.js', what: 'inner equi-join, 1 M probe rows against 10 K build keys' },
  { name: 'semi-anti-join', file: 'src/cloud/flink/runtime/join/semi-anti-join-throughput.bench.js', what: 'semi / anti joins (IN, NOT EXISTS, NOT IN), 1 M probe rows against 10 K build keys' },
  { name: 'match-recognize', file: 'src/cloud/flink/runtime/join/match-recognize/match-recognize-throughput.bench.js', what: 'MATCH_RECOGNIZE (A B C), 1 M rows' },
  { name: 'nexmark', file: 'bench/nexmark.js', what: 'Nexmark q0, q1, q2, q21, q22 through SQL (nexmark → blackhole), 10 M events each (goal ≥ 1.2 M events/s per core on q0–q2)' },
  { name: 'pipeline', file: 'bench/pipeline.js', what: 'topic → INSERT … SELECT → topic through the log, 1 M Avro records: time until the sink has them all' },
  { name: 'parallel', file: 'bench/parallel.js', what: 'the pipeline above at parallelism 1 and 2 (worker threads): wall time and records per process-CPU-second' },
  { name: 'parallel-keyed', file: 'bench/parallel.js', args: ['--keyed'], what: 'GROUP BY into an upsert table, 1 M records: p=1 plain, p=1 key-grouped, p=2 (exchange by key group); results must match' },
  { name: 'parallel-join', file: 'bench/parallel.js', args: ['--join'], what: 'regular join of two topics, 1 M bids: p=1 plain, p=1 key-grouped, p=2 (exchange by key group); results must match' },
  { name: 'kafka-wire', file: 'src/cloud/kafka/wire/wire-throughput.bench.js', args: ['100000', '1000'], what: 'Kafka wire protocol with kafkajs: produce and consume' },
];

const wanted = process.argv.slice(2);
let failed = 0;
for (const b of BENCHES) {
  if (wanted.length && !wanted.includes(b.name)) continue;
  const file = `${dist}${b.file}`;
  console.log(`\n=== ${b.name}: ${b.what}`);
  if (!existsSync(file)) { console.log(`(not built: ${b.file})`); failed++; continue; }
  const r = spawnSync(process.execPath, [file, ...(b.args ?? [])], { stdio: 'inherit' });
  if (r.status !== 0) { console.log(`(${b.name} exited with ${r.status})`); failed++; }
}
process.exitCode = failed ? 1 : 0;
