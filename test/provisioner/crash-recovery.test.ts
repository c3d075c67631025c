/**
 * Real processes of bin/streamform.js killed with SIGKILL in the middle of an apply: the next
 * apply (after force-unlock of the dead holder's lock) converges without duplicating anything.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { cliChild, lockId, pollUntil, readState, removeDir, spawnCli, stateAddresses, stateAttr, workdir } from '../support/index.js';

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

describe('crash in the middle of an apply', () => {
  const dir = workdir({ 'main.tf': SLOW });
  after(() => removeDir(dir));

  test('SIGKILL between two operations, then force-unlock and apply converge without duplicates', async () => {
    const run = spawnCli(dir, ['apply', '-auto-approve']);
    try {
      // The first resource is in state (written as it completed); the slow one is still running.
      const firstId = await pollUntil('random_id.first in state', () => {
        const r = readState(dir)?.resources.find((x) => x.address === 'random_id.first');
        return r ? String(r.attributes['id']) : undefined;
      }, run);
      run.child.kill('SIGKILL');
      const killed = await run.exited;
      assert.equal(killed.code, -1, 'killed by the signal');
      assert.deepEqual(stateAddresses(dir), ['random_id.first']);

      // The dead holder's lock is reported, with the way out.
      const blocked = cliChild(dir, ['apply', '-auto-approve', '-var=wait=0s']);
      assert.equal(blocked.code, 1);
      assert.match(blocked.err, /Error acquiring the state lock/);
      assert.match(blocked.err, /Lock Info:/);
      assert.match(blocked.err, /no longer running/);
      const id = /ID:\s+(\S+)/.exec(blocked.err)?.[1];
      assert.ok(id, blocked.err);
      assert.equal(id, lockId(dir));

      const unlocked = cliChild(dir, ['force-unlock', '-force', id]);
      assert.equal(unlocked.code, 0, unlocked.err);
      assert.match(unlocked.out, /successfully unlocked/);
      assert.equal(lockId(dir), undefined);

      const again = cliChild(dir, ['apply', '-auto-approve', '-var=wait=0s']);
      assert.equal(again.code, 0, again.out + again.err);
      assert.match(again.out, /Resources: 2 added, 0 changed, 0 destroyed\./);
      const snap = readState(dir);
      const addrs = (snap?.resources ?? []).map((r) => r.address + (r.deposed ? ` (deposed ${r.deposed})` : ''));
      assert.deepEqual(addrs.sort(), ['random_id.first', 'random_id.second', 'time_sleep.wait']);
      assert.equal(stateAttr(dir, 'random_id.first', 'id'), firstId, 'created before the kill, kept');
      const noop = cliChild(dir, ['plan', '-detailed-exitcode', '-var=wait=0s']);
      assert.equal(noop.code, 0, noop.out + noop.err);
    } finally {
      run.child.kill('SIGKILL');
    }
  });
});

const CBD = `
variable "v" {
  type    = string
  default = "one"
}

variable "wait" {
  type    = string
  default = "0s"
}

resource "random_id" "cbd" {
  byte_length = 4
  keepers = {
    v = var.v
  }
  lifecycle {
    create_before_destroy = true
  }
}

resource "time_sleep" "wait" {
  create_duration = var.wait
  triggers = {
    id = random_id.cbd.id
  }
  lifecycle {
    create_before_destroy = true
  }
}
`;

describe('crash during a create_before_destroy replacement', () => {
  const dir = workdir({ 'main.tf': CBD });
  after(() => removeDir(dir));

  test('a deposed object left by SIGKILL is destroyed by the next apply', async () => {
    assert.equal(cliChild(dir, ['apply', '-auto-approve']).code, 0);
    const oldId = stateAttr(dir, 'random_id.cbd', 'id');
    const run = spawnCli(dir, ['apply', '-auto-approve', '-var=v=two', '-var=wait=60s']);
    try {
      // The replacement exists and the old object is deposed; time_sleep is sleeping.
      await pollUntil('a new random_id.cbd', () => {
        const cur = readState(dir)?.resources.find((r) => r.address === 'random_id.cbd' && r.deposed === undefined);
        return cur && cur.attributes['id'] !== oldId ? true : undefined;
      }, run);
      run.child.kill('SIGKILL');
      await run.exited;
      const id = lockId(dir);
      assert.ok(id);
      assert.equal(cliChild(dir, ['force-unlock', '-force', id]).code, 0);
      const again = cliChild(dir, ['apply', '-auto-approve', '-var=v=two']);
      assert.equal(again.code, 0, again.out + again.err);
      assert.match(again.out, /random_id\.cbd \(deposed object\): Destruction complete/);
      const left = (readState(dir)?.resources ?? []).map((r) => r.address + (r.deposed ? ' (deposed)' : ''));
      assert.deepEqual(left.sort(), ['random_id.cbd', 'time_sleep.wait']);
    } finally {
      run.child.kill('SIGKILL');
    }
  });
});
