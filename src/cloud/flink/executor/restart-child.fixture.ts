/**
 * Child process for the exactly-once restart test: starts a cloud on the given data dir, fills a
 * source topic, starts an INSERT, prints `ready` once the sink has committed output, then keeps
 * running until the parent kills it with SIGKILL (no close, no final checkpoint).
 */
import { FlinkHarness } from './executor-harness.js';

const dir = process.argv[2] ?? '';
const rows = Number(process.argv[3] ?? '20000');
const h = await FlinkHarness.start({ dataDir: dir, executor: { checkpointIntervalMs: 10, idlePollMs: 1 } });
await h.run('ct-src', 'CREATE TABLE src (id INT, label STRING)');
await h.run('ct-dst', 'CREATE TABLE dst (id INT, label STRING)');
const batch: unknown[][] = [];
for (let i = 0; i < rows; i++) batch.push([i, `row-${i}`]);
h.produce('src', batch);
await h.run('copy', 'INSERT INTO dst SELECT id, UPPER(label) FROM src WHERE MOD(id, 2) = 0', { until: ['RUNNING', 'FAILED'] });
const committed = (): number => h.cloud.topics.partitionOffsets(h.clusterId, 'dst').reduce((n, p) => n + p.highWatermark, 0);
await h.until(() => committed() > 0, 'first committed output', 20_000);
process.stdout.write(`ready ${committed()}\n`);
await new Promise(() => { /* run until killed */ });
