/**
 * Benchmark (not a test): kafkajs produce and consume throughput against the listener with
 * 100-byte values. Run: node dist/src/cloud/kafka/wire/wire-throughput.bench.js [records] [batch]
 * Prints one JSON line per phase. Numbers depend on the machine; nothing asserts on them.
 */
import { CLUSTER, startHarness } from './listener-harness.fixture.js';

const total = Number(process.argv[2] ?? 200_000);
const batch = Number(process.argv[3] ?? 1_000);
const value = Buffer.alloc(100, 0x61);

const h = await startHarness();
try {
  h.store.createTopic(CLUSTER, 'bench', { partitionsCount: 6 });
  const kafka = h.kafka({ retries: 3 });
  const producer = kafka.producer();
  await producer.connect();
  const messages = Array.from({ length: batch }, (_, i) => ({ key: `k${i}`, value }));
  let started = performance.now();
  for (let sent = 0; sent < total; sent += batch) await producer.send({ topic: 'bench', acks: -1, messages });
  let ms = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ phase: 'produce', records: total, batch, ms: Math.round(ms), recordsPerSec: Math.round(total / (ms / 1000)) })}\n`);
  await producer.disconnect();

  const consumer = kafka.consumer({ groupId: 'bench', maxWaitTimeInMs: 100, maxBytes: 10 << 20, maxBytesPerPartition: 1 << 20 });
  await consumer.connect();
  await consumer.subscribe({ topic: 'bench', fromBeginning: true });
  started = performance.now();
  let seen = 0;
  await new Promise<void>((resolve, reject) => {
    consumer.run({
      eachBatch: async ({ batch: b }) => {
        seen += b.messages.length;
        if (seen >= total) resolve();
      },
    }).catch(reject);
  });
  ms = performance.now() - started;
  process.stdout.write(`${JSON.stringify({ phase: 'consume', records: seen, ms: Math.round(ms), recordsPerSec: Math.round(seen / (ms / 1000)) })}\n`);
  await consumer.disconnect();
} finally {
  await h.close();
}
