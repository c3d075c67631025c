import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { FlinkHarness } from './executor-harness.js';

// Wall time plus a skew the test moves forward: jobs keep checkpointing, and 5 minutes pass at once.
let skew = 0;
const clock = { now: (): number => Date.now() + skew };
let h: FlinkHarness;

before(async () => {
  h = await FlinkHarness.start({ clock, executor: { clock, checkpointIntervalMs: 10, idlePollMs: 1, idleCheckMs: 2 } });
});
after(async () => { await h.close(); });

test('a foreground SELECT nobody fetches results of for 5 minutes is STOPPED; an INSERT keeps running', async () => {
  assert.equal((await h.run('create-clicks', 'CREATE TABLE clicks (id INT)')).status.phase, 'COMPLETED');
  assert.equal((await h.run('create-sink', 'CREATE TABLE clicks_copy (id INT)')).status.phase, 'COMPLETED');
  h.produce('clicks', [[1], [2]]);
  assert.equal((await h.run('copy', 'INSERT INTO clicks_copy SELECT id FROM clicks')).status.phase, 'RUNNING');
  assert.equal((await h.run('watch', 'SELECT id FROM clicks')).status.phase, 'RUNNING');
  let stoppedAtSkew: number | undefined;
  h.cloud.statements.subscribe((e) => {
    if (e.name === 'watch' && stoppedAtSkew === undefined && h.cloud.statements.get(h.envId, 'watch')?.status.phase === 'STOPPED') stoppedAtSkew = skew;
  });

  skew += 4 * 60_000;
  await h.results('watch'); // a fetch restarts the 5 minutes
  skew += 4 * 60_000;
  await h.results('watch');
  skew += 5 * 60_000 + 1;
  const s = await h.awaitPhase('watch', ['STOPPED', 'FAILED']);
  assert.equal(s.status.phase, 'STOPPED');
  assert.equal(stoppedAtSkew, skew, 'stopped only once 5 minutes passed without a fetch');
  assert.equal(s.status.detail, 'Statement was stopped because no client fetched its results for 5 minutes.');
  assert.equal(s.spec.stopped, true);
  assert.equal(h.cloud.statements.get(h.envId, 'copy')?.status.phase, 'RUNNING');
});
