import assert from 'node:assert/strict';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { startChild } from './state-child-driver.js';
import { openStore, tempDir } from './state-test-support.js';

let dir = '';
let cleanup: () => void = () => {};
beforeEach(() => { ({ dir, cleanup } = tempDir()); });
afterEach(() => cleanup());

describe('crash safety', () => {
  it('keeps every acknowledged write when the writer is killed with SIGKILL mid-sequence', async () => {
    const path = join(dir, 'terraform.tfstate.db');
    const c = startChild(['write', path]);
    let acked = -1;
    while (acked < 300) {
      const line = await c.next();
      assert.equal(line['ack'], acked + 1, 'writes are acknowledged in order');
      acked += 1;
    }
    c.proc.kill('SIGKILL');
    assert.equal(await c.exited, 'SIGKILL');
    const s = openStore(path);
    for (let i = 0; i <= acked; i++) {
      assert.equal(s.getResource(`random_id.r[${i}]`)?.attributes['id'], `id-${i}`, `acknowledged write ${i} survived`);
    }
    // Each acknowledged write bumped serial once; the child may have committed a few more.
    const { serial } = s.head();
    assert.ok(serial >= acked + 1, `serial ${serial} covers ${acked + 1} writes`);
    assert.equal(s.listAddresses().length, serial);
    s.close();
  });
});

describe('concurrent writers', () => {
  it('serialises writes from two processes without SQLITE_BUSY failures', async () => {
    const path = join(dir, 'terraform.tfstate.db');
    openStore(path).close();
    const a = startChild(['write', path, '150', 'a']);
    const b = startChild(['write', path, '150', 'b']);
    const drain = async (c: typeof a): Promise<unknown> => {
      for (;;) {
        const line = await c.next();
        if ('done' in line) return line['done'];
      }
    };
    assert.deepEqual(await Promise.all([drain(a), drain(b)]), [150, 150]);
    assert.deepEqual(await Promise.all([a.exited, b.exited]), [0, 0]);
    const s = openStore(path);
    assert.equal(s.listAddresses().length, 300);
    assert.equal(s.head().serial, 300);
    s.close();
  });
});
