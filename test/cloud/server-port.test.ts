/**
 * A restarted local cloud keeps its address (endpoints live in Terraform state), unless the port
 * is taken; a restart inside the same process gets a fresh port.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { startCloud } from '../../src/cloud/index.js';
import { tempDir } from '../../src/cloud/http/test-client.js';
import { startCloudChild } from './cloud-child.js';

test('port 0 on a data dir another process served reuses that port', async () => {
  const tmp = tempDir();
  try {
    const before = await startCloudChild(tmp.dir);
    await before.stop();
    const after = await startCloud({ dataDir: tmp.dir, port: 0 });
    assert.equal(after.port, before.port);
    assert.equal(after.url, before.url);
    assert.equal(after.requestedPort, undefined);
    await after.close();
  } finally {
    tmp.cleanup();
  }
});

test('a remembered port that is taken falls back to a free one and says which was wanted', async () => {
  const tmp = tempDir();
  const squatter = createServer();
  try {
    const before = await startCloudChild(tmp.dir);
    await before.stop();
    await new Promise<void>((resolve) => squatter.listen(before.port, '127.0.0.1', resolve));
    const after = await startCloud({ dataDir: tmp.dir, port: 0 });
    assert.notEqual(after.port, before.port);
    assert.equal(after.requestedPort, before.port);
    await after.close();
  } finally {
    await new Promise<void>((resolve) => squatter.close(() => resolve()));
    tmp.cleanup();
  }
});

test('a restart in the same process, and a fresh data dir, get ephemeral ports', async () => {
  const a = tempDir(), b = tempDir();
  try {
    const one = await startCloud({ dataDir: a.dir, port: 0 });
    const other = await startCloud({ dataDir: b.dir });
    assert.notEqual(one.port, other.port);
    await one.close();
    const again = await startCloud({ dataDir: a.dir, port: 0 });
    assert.notEqual(again.port, one.port);
    assert.equal(again.requestedPort, undefined);
    await again.close();
    await other.close();
  } finally {
    a.cleanup();
    b.cleanup();
  }
});
