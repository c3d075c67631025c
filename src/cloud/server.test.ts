import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startCloud } from './server.js';
import { call, tempDir } from './http/test-client.js';

test('a taken port falls back to a free one and says which was requested', async () => {
  const a = tempDir();
  const b = tempDir();
  const first = await startCloud({ dataDir: a.dir, port: 0 });
  const second = await startCloud({ dataDir: b.dir, port: first.port });
  try {
    assert.notEqual(second.port, first.port);
    assert.equal(second.requestedPort, first.port);
    assert.equal(first.requestedPort, undefined);
    assert.equal((await call(second.url, 'GET', '/health')).status, 200);
  } finally {
    await second.close();
    await first.close();
    a.cleanup();
    b.cleanup();
  }
});

test('each data dir has its own organization; close is idempotent', async () => {
  const a = tempDir();
  const b = tempDir();
  const one = await startCloud({ dataDir: a.dir });
  const two = await startCloud({ dataDir: b.dir });
  assert.notEqual(one.organizationId, two.organizationId);
  await Promise.all([one.close(), one.close(), two.close()]);
  a.cleanup();
  b.cleanup();
});
