import assert from 'node:assert/strict';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { startChild } from './state-child-driver.js';
import type { ChildHandle } from './state-child-driver.js';
import { StateLockedError, StateUnlockError } from './state-errors.js';
import { instance, openStore, tempDir } from './state-test-support.js';
import type { StateStore } from './state-store.js';
import type { LockInfo } from './types.js';

let dir = '';
let cleanup: () => void = () => {};
let path = '';
let store: StateStore | undefined;
const children: ChildHandle[] = [];
beforeEach(() => { ({ dir, cleanup } = tempDir()); path = join(dir, 'terraform.tfstate.db'); store = openStore(path); });
afterEach(async () => {
  for (const c of children.splice(0)) {
    if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
    await c.exited;
  }
  store?.close();
  cleanup();
});

function child(args: string[]): ChildHandle {
  const c = startChild(args);
  children.push(c);
  return c;
}

function s(): StateStore {
  assert.ok(store);
  return store;
}

async function lockedError(p: Promise<unknown>): Promise<StateLockedError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof StateLockedError) return e;
    throw e;
  }
  return assert.fail('expected StateLockedError');
}

/** A child holding the lock for `operation`; resolves with its LockInfo. */
async function holdingChild(operation: string): Promise<{ c: ChildHandle; lock: LockInfo }> {
  const c = child(['hold', path, operation]);
  const { lock } = await c.next() as { lock: LockInfo };
  return { c, lock };
}

describe('state lock in one process', () => {
  it('records holder info and releases', async () => {
    const lock = await s().acquireLock({ operation: 'OperationTypeApply', who: 'ann@box' }, { timeoutMs: 0 });
    assert.deepEqual(s().lockInfo(), { ...lock, host: hostname(), holderAlive: 'alive' });
    assert.equal(lock.created, '2026-01-01T00:00:00.000Z');
    assert.equal(lock.path, path);
    assert.equal(lock.pid, process.pid);
    assert.equal(lock.version, '0.1.0-test');
    assert.deepEqual(s().releaseLock(lock.id), []);
    assert.equal(s().lockInfo(), undefined);
    assert.deepEqual(s().releaseLock(lock.id).map((d) => [d.severity, d.code]), [['warning', 'state-lock-lost']]);
  });

  it('refuses a second lock even from the same process', async () => {
    await s().acquireLock({ operation: 'apply', who: 'a@b' }, { timeoutMs: 0 });
    const e = await lockedError(s().acquireLock({ operation: 'plan', who: 'a@b' }, { timeoutMs: 0 }));
    assert.equal(e.holder.operation, 'apply');
  });
});

describe('state lock between processes', () => {
  it('refuses the lock and writes while another process holds it, reporting the holder', async () => {
    const { c, lock } = await holdingChild('OperationTypeApply');
    const e = await lockedError(s().acquireLock({ operation: 'OperationTypePlan', who: 'ann@box' }, { timeoutMs: 30 }));
    assert.equal(e.holder.id, lock.id);
    assert.equal(e.holder.pid, c.proc.pid);
    assert.equal(e.holder.operation, 'OperationTypeApply');
    assert.equal(e.holder.who, 'child@test');
    assert.equal(e.holder.version, 'child');
    assert.equal(e.holder.holderAlive, 'alive');
    const d = e.diagnostic;
    assert.equal(d.code, 'state-locked');
    assert.equal(d.summary, 'Error acquiring the state lock');
    for (const field of ['ID:', 'Path:', 'Operation:', 'Who:', 'Version:', 'Created:']) assert.match(d.detail ?? '', new RegExp(field));
    assert.throws(() => s().putResource(instance('t', 'a')), StateLockedError);
    assert.throws(() => s().appendHistory({ user: 'u', operation: 'apply', summary: 'x', serialBefore: 0, serialAfter: 0 }), StateLockedError);
    assert.deepEqual(s().listAddresses(), []);
  });

  it('excludes another process while this one holds the lock', async () => {
    const lock = await s().acquireLock({ operation: 'apply', who: 'ann@box' }, { timeoutMs: 0 });
    s().putResource(instance('t', 'a'));
    const tryer = child(['try', path, '0']);
    const got = await tryer.next() as { error: string; holder: LockInfo };
    assert.equal(got.error, 'state-locked');
    assert.equal(got.holder.id, lock.id);
    assert.equal(got.holder.pid, process.pid);
    const putter = child(['put', path, '7']);
    assert.deepEqual(await putter.next(), { error: 'state-locked' });
    assert.deepEqual(s().listAddresses(), ['t.a']);
  });

  it('waits for the holder to release, then takes the lock', async () => {
    const { c, lock } = await holdingChild('apply');
    const waiting = s().acquireLock({ operation: 'plan', who: 'ann@box' }, { timeoutMs: 60_000 });
    c.send('release');
    assert.deepEqual(await c.next(), { released: [] });
    const mine = await waiting;
    assert.notEqual(mine.id, lock.id);
    assert.equal(s().lockInfo()?.pid, process.pid);
    s().putResource(instance('t', 'a'));
    assert.deepEqual(s().listAddresses(), ['t.a']);
  });
});

describe('force-unlock', () => {
  it('reports a dead holder, never breaks its lock by itself, and removes it only with the right id', async () => {
    const { c, lock } = await holdingChild('apply');
    c.proc.kill('SIGKILL');
    await c.exited;
    const e = await lockedError(s().acquireLock({ operation: 'plan', who: 'ann@box' }, { timeoutMs: 0 }));
    assert.equal(e.holder.holderAlive, 'dead');
    assert.match(e.diagnostic.detail ?? '', /force-unlock/);
    assert.throws(() => s().forceUnlock('not-the-id'), (x: unknown) => x instanceof StateUnlockError && x.diagnostic.code === 'state-unlock-id-mismatch');
    assert.equal(s().lockInfo()?.id, lock.id);
    assert.equal(s().forceUnlock(lock.id).id, lock.id);
    assert.equal(s().lockInfo(), undefined);
    assert.throws(() => s().forceUnlock(lock.id), (x: unknown) => x instanceof StateUnlockError && x.diagnostic.code === 'state-not-locked');
    const mine = await s().acquireLock({ operation: 'plan', who: 'ann@box' }, { timeoutMs: 0 });
    assert.equal(mine.operation, 'plan');
  });

  it('warns the original holder that its lock was lost', async () => {
    const { c, lock } = await holdingChild('apply');
    s().forceUnlock(lock.id);
    c.send('release');
    const { released } = await c.next() as { released: { code: string }[] };
    assert.deepEqual(released.map((d) => d.code), ['state-lock-lost']);
  });
});
