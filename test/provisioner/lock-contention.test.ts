/**
 * The state lock between real processes of bin/streamform.js: a second apply fails with the
 * holder's lock info, or waits with -lock-timeout; SIGINT stops the holder gracefully.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { cliChild, lockId, pollUntil, removeDir, spawnCli, stateAddresses, workdir } from '../support/index.js';

const SLOW = `
variable "wait" {
  type    = string
  default = "60s"
}

resource "random_id" "first" {
  byte_length = 4
}

resource "time_sleep" "wait" {
  depends_on      = [random_id.first]
  create_duration = var.wait
}

resource "random_id" "second" {
  depends_on  = [time_sleep.wait]
  byte_length = 4
}
`;

describe('state lock', () => {
  const dir = workdir({ 'main.tf': SLOW });
  after(() => removeDir(dir));

  test('a second apply fails with the holder\'s lock info; SIGINT stops the holder and frees the lock', async () => {
    const holder = spawnCli(dir, ['apply', '-auto-approve']);
    try {
      const held = await pollUntil('the lock to be taken', () => lockId(dir), holder);
      const second = cliChild(dir, ['apply', '-auto-approve']);
      assert.equal(second.code, 1);
      assert.match(second.err, /Error acquiring the state lock/);
      assert.match(second.err, /Lock Info:/);
      assert.match(second.err, new RegExp(`ID:\\s+${held}`));
      assert.match(second.err, /Operation:\s+OperationTypeApply/);
      // The holder is alive: no invitation to force-unlock.
      assert.doesNotMatch(second.err, /no longer running/);
      // Wait until the slow resource is being created, then interrupt gracefully.
      await pollUntil('random_id.first in state', () => (stateAddresses(dir).includes('random_id.first') ? true : undefined), holder);
      holder.child.kill('SIGINT');
      const done = await holder.exited;
      assert.equal(done.code, 1, done.out + done.err);
      assert.match(done.err, /Interrupt received/);
      assert.equal(lockId(dir), undefined, 'lock released on a graceful stop');
      assert.ok(!stateAddresses(dir).includes('random_id.second'));
    } finally {
      holder.child.kill('SIGKILL');
    }
  });

  test('-lock-timeout waits for the holder to finish', async () => {
    const holder = spawnCli(dir, ['apply', '-auto-approve', '-var=wait=1s']);
    try {
      await pollUntil('the lock to be taken', () => lockId(dir), holder);
      const waiter = spawnCli(dir, ['apply', '-auto-approve', '-var=wait=1s', '-lock-timeout=30s']);
      const [h, w] = await Promise.all([holder.exited, waiter.exited]);
      assert.equal(h.code, 0, h.out + h.err);
      assert.equal(w.code, 0, w.out + w.err);
      // The waiter planned after the holder finished, so it had nothing left to do.
      assert.match(w.out, /No changes\./);
      assert.deepEqual(stateAddresses(dir), ['random_id.first', 'random_id.second', 'time_sleep.wait']);
    } finally {
      holder.child.kill('SIGKILL');
    }
  });

  test('force-unlock with an unknown id fails and keeps the lock', () => {
    const r = cliChild(dir, ['force-unlock', '-force', 'not-the-id']);
    assert.equal(r.code, 1);
  });
});
