/**
 * Benchmark (not a test): Nexmark event generation alone into a no-op sink (batches of 1024,
 * the q0 source path without operators). Run:
 *   node dist/src/cloud/flink/runtime/sources/nexmark-generation.bench.js [events] [rounds]
 * Prints one JSON line per round (wall and CPU time: on a loaded machine events per CPU second is
 * the steadier figure; CPU time includes the GC threads). Nothing asserts on the numbers.
 */
import { BatchBuilder } from '../batch.js';
import { boundedOutOfOrderness } from '../watermark-generators.js';
import { DEFAULT_NEXMARK_CONFIG } from './nexmark-options.js';
import { NexmarkSource } from './nexmark-source.js';

const events = Number(process.argv[2] ?? 20_000_000);
const rounds = Number(process.argv[3] ?? 3);

for (let round = 1; round <= rounds; round++) {
  const src = new NexmarkSource({
    config: { ...DEFAULT_NEXMARK_CONFIG, eventsNum: events }, baseTime: 0, watermarks: boundedOutOfOrderness(4000),
  });
  const batch = new BatchBuilder(1024);
  const started = performance.now();
  const cpu = process.cpuUsage();
  let count = 0;
  while (src.poll(batch, 1024) === 'data') {
    count += batch.size;
    batch.reset();
  }
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  process.stdout.write(`${JSON.stringify({
    round, events: count, ms: Math.round(ms), cpuMs: Math.round(cpuMs),
    eventsPerSec: Math.round(count / (ms / 1000)), eventsPerCpuSec: Math.round(count / (cpuMs / 1000)),
  })}\n`);
}
