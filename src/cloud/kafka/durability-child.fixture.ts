/**
 * Test fixture (not a test): appends batches forever to the store at argv[2] and prints one
 * `acked <partition> <offset> <value>` line per record after its append transaction committed.
 * topic-log-durability.test.ts kills it with SIGKILL and checks every acknowledged record survived.
 */
import { TopicLogStore } from './index.js';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: durability-child.fixture.js <db file>');
const store = TopicLogStore.open(file);
if (!store.hasTopic('lkc-dur', 'events')) store.createTopic('lkc-dur', 'events', { partitionsCount: 3 });
process.stdout.write('ready\n');
for (let batch = 0; ; batch++) {
  const records = Array.from({ length: 50 }, (_, i) => ({ key: Buffer.from(`k${i}`), value: Buffer.from(`v${batch}-${i}`) }));
  const placed = store.append('lkc-dur', 'events', records);
  process.stdout.write(placed.map((p, i) => `acked ${p.partition} ${p.offset} v${batch}-${i}\n`).join(''));
}
