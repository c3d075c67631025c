/**
 * Test fixture (not a test): runs the recovery pipeline unbounded over the database at argv[2] with
 * a checkpoint every 500 records, printing `checkpoint <id>` after each commit, and never exits by
 * itself. task-runner-crash.test.ts kills it with SIGKILL mid-way.
 */
import { TopicLogStore } from '../../kafka/index.js';
import { TaskRunner } from './index.js';
import { recoveryJob } from './recovery-pipeline.fixture.js';

const file = process.argv[2];
if (file === undefined) throw new Error('usage: crash-child.fixture.js <db file>');
const logs = TopicLogStore.open(file);
const runner = new TaskRunner(recoveryJob(logs), { statement: 'crashy', db: logs.database, maxBatchRecords: 50, checkpoints: { everyRecords: 500 } });
runner.restore();
let last = runner.checkpointId;
for (;;) {
  runner.step();
  if (runner.phase !== 'RUNNING') throw new Error(`unexpected phase ${runner.phase}: ${runner.detail}`);
  if (runner.checkpointId !== last) {
    last = runner.checkpointId;
    process.stdout.write(`checkpoint ${last}\n`);
  }
}
