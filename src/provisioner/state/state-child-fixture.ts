/**
 * A second process for the state tests (lock contention, kill -9 durability). Not part of the
 * public API. Speaks line-delimited JSON on stdout; commands:
 *   hold <db> <operation>  take the lock, print it, release on stdin "release", exit on EOF
 *   try <db> <timeoutMs>   try to take the lock; print the result; release it if taken
 *   put <db> <index>       write random_id.r[index]; print ok or the error's diagnostic code
 *   write <db> [n] [name]  write random_id.<name>[0], [1], ... (name defaults to r), printing each
 *                          index after the write returned; forever unless n is given (the parent
 *                          kill -9s it), else prints {"done": n} after n writes
 */
import { createInterface } from 'node:readline';
import { systemClock, systemIds } from '../../shared/index.js';
import { StateError } from './state-errors.js';
import { StateStore } from './state-store.js';
import type { ResourceInstanceState } from './types.js';

function say(x: unknown): void { process.stdout.write(`${JSON.stringify(x)}\n`); }

/** The resource written by the child; the parent checks address and attributes.id. */
function childResource(i: number, name = 'r'): ResourceInstanceState {
  return {
    address: `random_id.${name}[${i}]`, module: '', mode: 'managed', type: 'random_id', name, indexKey: i,
    provider: 'provider["registry.terraform.io/hashicorp/random"]', schemaVersion: 0,
    attributes: { id: `id-${i}`, byte_length: 8, hex: i.toString(16) }, sensitivePaths: [], dependencies: [], status: 'ready',
  };
}

async function main(argv: readonly string[]): Promise<void> {
  const [cmd, db, arg, arg2] = argv;
  if (db === undefined) throw new Error('usage: state-child-fixture <cmd> <db> [arg]');
  const store = StateStore.open(db, { clock: systemClock, ids: systemIds, create: true, version: 'child' });
  if (cmd === 'hold') {
    const lock = await store.acquireLock({ operation: arg ?? 'hold', who: 'child@test' }, { timeoutMs: 0 });
    say({ lock });
    for await (const line of createInterface({ input: process.stdin })) {
      if (line === 'release') { say({ released: store.releaseLock(lock.id) }); break; }
    }
  } else if (cmd === 'try') {
    try {
      const lock = await store.acquireLock({ operation: 'try', who: 'child@test' }, { timeoutMs: Number(arg ?? '0') });
      store.releaseLock(lock.id);
      say({ acquired: lock });
    } catch (e) {
      if (!(e instanceof StateError)) throw e;
      say({ error: e.diagnostic.code, holder: 'holder' in e ? e.holder : undefined });
    }
  } else if (cmd === 'put') {
    try {
      store.putResource(childResource(Number(arg ?? '0')));
      say({ ok: true });
    } catch (e) {
      if (!(e instanceof StateError)) throw e;
      say({ error: e.diagnostic.code });
    }
  } else if (cmd === 'write') {
    const n = arg === undefined ? Infinity : Number(arg);
    for (let i = 0; i < n; i++) {
      store.putResource(childResource(i, arg2));
      say({ ack: i });
    }
    say({ done: n });
  }
  store.close();
}

await main(process.argv.slice(2));
