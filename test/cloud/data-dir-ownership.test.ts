/**
 * A data directory is served by one cloud at a time, and a cloud does not outlive its data
 * directory. Real clouds (in this process and in child processes), real HTTP, real SQLite.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { DataDirLockedError, dataDirLockHolder, lockFilePath, readCloudState, spawnBackground, startCloud, stopCloud } from '../../src/cloud/index.js';
import { healthAnswers, isProcessAlive } from '../../src/cloud/daemon/index.js';
import { tempDir } from '../../src/cloud/http/test-client.js';
import { ensureLocalCloud } from '../../src/cli/cloud-commands.js';
import type { Io } from '../../src/cli/terminal.js';
import { BIN } from '../support/index.js';
import { startCloudChild } from './cloud-child.js';

const quietIo: Io = { out: () => undefined, err: () => undefined, isTTY: false, stdinTTY: false, prompt: () => Promise.reject(new Error('no terminal')) };

/** Polls `check` every 20 ms until true; fails after `timeoutMs`. */
async function until(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise<void>((resolve) => { setTimeout(resolve, 20); });
  }
}

test('a second cloud on the same data directory in this process fails with DataDirLockedError; after close it starts', async () => {
  const tmp = tempDir();
  try {
    const first = await startCloud({ dataDir: tmp.dir, port: 0, runStatements: false, runConnectors: false });
    try {
      await assert.rejects(startCloud({ dataDir: tmp.dir, port: 0 }), (err: unknown) => {
        assert.ok(err instanceof DataDirLockedError);
        assert.equal(err.code, 'cloud-data-dir-locked');
        assert.equal(err.pid, process.pid);
        return true;
      });
      assert.ok(await healthAnswers(first.url), 'the first cloud is unharmed');
    } finally {
      await first.close();
    }
    assert.equal(existsSync(lockFilePath(tmp.dir)), false, 'close releases the lock');
    const again = await startCloud({ dataDir: tmp.dir, port: 0, runStatements: false, runConnectors: false });
    await again.close();
  } finally {
    tmp.cleanup();
  }
});

test('a cloud in another process holds the directory: starting here fails naming its pid; a dead holder\'s lock is taken over', async () => {
  const tmp = tempDir();
  try {
    const child = await startCloudChild(tmp.dir);
    try {
      assert.equal(dataDirLockHolder(tmp.dir), child.child.pid);
      await assert.rejects(startCloud({ dataDir: tmp.dir, port: 0 }), (err: unknown) => err instanceof DataDirLockedError && err.pid === child.child.pid);
    } finally {
      await child.stop();
    }
    // A holder killed without cleanup leaves its lock behind; its pid no longer runs.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(lockFilePath(tmp.dir), `${dead.stdout}\n`);
    assert.equal(dataDirLockHolder(tmp.dir), undefined);
    const cloud = await startCloud({ dataDir: tmp.dir, port: 0, runStatements: false, runConnectors: false });
    assert.equal(readFileSync(lockFilePath(tmp.dir), 'utf8').trim(), String(process.pid));
    await cloud.close();
  } finally {
    tmp.cleanup();
  }
});

test('the CLI does not start a second cloud beside one that is alive but not answering; autostart waits for it', async () => {
  const dir = tempDir('streamform-busy-').dir;
  const dataDir = join(dir, '.streamform', 'cloud');
  mkdirSync(dataDir, { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env['STREAMFORM_CLOUD_URL'];
  delete env['STREAMFORM_CLOUD_DIR'];
  const savedDir = process.env['STREAMFORM_CLOUD_DIR'];
  delete process.env['STREAMFORM_CLOUD_DIR'];
  const first = await spawnBackground(dataDir, { port: 0 });
  try {
    // SIGSTOP: the process lives and holds the directory but cannot answer, like a cloud whose
    // event loop is busy.
    process.kill(first.pid, 'SIGSTOP');
    const start = spawnSync(process.execPath, [BIN, `-chdir=${dir}`, 'cloud', 'start', '--background'], { encoding: 'utf8', env, timeout: 60_000 });
    assert.equal(start.status, 1, start.stdout + start.stderr);
    assert.match(start.stderr, new RegExp(`already served by a local cloud \\(pid ${first.pid}\\)`));
    assert.equal(dataDirLockHolder(dataDir), first.pid);
    assert.equal(readCloudState(dataDir)?.pid, first.pid, 'no second cloud took over the state file');
    const status = spawnSync(process.execPath, [BIN, `-chdir=${dir}`, 'cloud', 'status', '--json'], { encoding: 'utf8', env, timeout: 60_000 });
    assert.deepEqual({ ...JSON.parse(status.stdout) as Record<string, unknown>, version: '' }, { running: false, data_dir: dataDir, version: '', unresponsive_pid: first.pid });

    const url = ensureLocalCloud(quietIo, dir);
    // Whether autostart's own probe already gave up or not, it must come back with this cloud.
    assert.equal(await healthAnswers(first.url, 1_500), false);
    process.kill(first.pid, 'SIGCONT');
    assert.equal(await url, first.url);
    assert.equal(dataDirLockHolder(dataDir), first.pid);
  } finally {
    try { process.kill(first.pid, 'SIGCONT'); } catch { /* gone */ }
    await stopCloud(dataDir);
    if (savedDir !== undefined) process.env['STREAMFORM_CLOUD_DIR'] = savedDir;
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a cloud whose data directory is deleted closes itself', async () => {
  const tmp = tempDir();
  const dataDir = join(tmp.dir, 'cloud');
  try {
    const cloud = await startCloud({ dataDir, port: 0, dataDirCheckMs: 20 });
    assert.ok(await healthAnswers(cloud.url));
    rmSync(dataDir, { recursive: true, force: true });
    await cloud.closed;
    assert.equal(await healthAnswers(cloud.url, 500), false);
  } finally {
    tmp.cleanup();
  }
});

test('a background `cloud start --foreground` process exits once its data directory is deleted', async () => {
  const tmp = tempDir();
  const dataDir = join(tmp.dir, 'cloud');
  try {
    const c = await spawnBackground(dataDir, { port: 0 });
    try {
      rmSync(dataDir, { recursive: true, force: true });
      await until(`pid ${c.pid} exited`, () => !isProcessAlive(c.pid));
    } finally {
      if (isProcessAlive(c.pid)) process.kill(c.pid, 'SIGKILL');
    }
  } finally {
    tmp.cleanup();
  }
});
