/**
 * Test support for the state tests: temp dirs, a store with a fixed clock and seeded ids, and a
 * resource object builder. Used only by *.test.ts in this folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock, seededIds } from '../../shared/index.js';
import type { ObjectValue } from './lang-values.js';
import { formatInstanceAddress } from './state-address.js';
import { StateStore } from './state-store.js';
import type { ResourceInstanceState } from './types.js';

/** Start of the fixed test clock: 2026-01-01T00:00:00Z. */
export const T0 = Date.UTC(2026, 0, 1);

/** A fresh temp dir and a cleanup function. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'streamform-state-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Opens (creating) a store with deterministic clock and ids. */
export function openStore(path: string, seed = 1): StateStore {
  return StateStore.open(path, { clock: fixedClock(T0), ids: seededIds(seed), create: true, version: '0.1.0-test' });
}

/** A resource instance object with sensible defaults; the address is derived from the parts. */
export function instance(
  type: string, name: string,
  opts: { module?: string; mode?: 'managed' | 'data'; indexKey?: number | string; attributes?: ObjectValue; deposed?: string; status?: 'ready' | 'tainted'; private?: ObjectValue; sensitivePaths?: string[]; dependencies?: string[] } = {},
): ResourceInstanceState {
  const parts = {
    module: opts.module ?? '', mode: opts.mode ?? 'managed', type, name,
    ...(opts.indexKey === undefined ? {} : { indexKey: opts.indexKey }),
  } as const;
  return {
    ...parts,
    address: formatInstanceAddress(parts),
    provider: 'provider["registry.terraform.io/confluentinc/confluent"]',
    schemaVersion: 0,
    attributes: opts.attributes ?? { id: `${type}-${name}` },
    sensitivePaths: opts.sensitivePaths ?? [],
    dependencies: opts.dependencies ?? [],
    status: opts.status ?? 'ready',
    ...(opts.deposed === undefined ? {} : { deposed: opts.deposed }),
    ...(opts.private === undefined ? {} : { private: opts.private }),
  };
}
