/** Reading a work dir's state through the state store API (what the tests and the crash test poll). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { StateStore, DEFAULT_STATE_FILE } from '../../src/provisioner/state/index.js';
import type { StateSnapshot } from '../../src/provisioner/state/index.js';
import { systemClock, systemIds } from '../../src/shared/index.js';

/** The state snapshot of `dir` (default state file), or undefined when there is none yet. */
export function readState(dir: string, file = DEFAULT_STATE_FILE): StateSnapshot | undefined {
  const path = join(dir, file);
  if (!existsSync(path)) return undefined;
  const store = StateStore.open(path, { clock: systemClock, ids: systemIds, create: false });
  try { return store.snapshot(); } finally { store.close(); }
}

/** Addresses of the current (non-deposed) objects in `dir`'s state, sorted. */
export function stateAddresses(dir: string): string[] {
  return (readState(dir)?.resources ?? []).filter((r) => r.deposed === undefined).map((r) => r.address).sort();
}

/** One attribute of a resource instance in `dir`'s state. */
export function stateAttr(dir: string, address: string, name: string): unknown {
  const r = readState(dir)?.resources.find((x) => x.address === address && x.deposed === undefined);
  return r?.attributes[name];
}

/** The id of the lock held on `dir`'s state, if any. */
export function lockId(dir: string, file = DEFAULT_STATE_FILE): string | undefined {
  const path = join(dir, file);
  if (!existsSync(path)) return undefined;
  const store = StateStore.open(path, { clock: systemClock, ids: systemIds, create: false });
  try { return store.lockInfo()?.id; } finally { store.close(); }
}
