/**
 * A stand-in for the Flink runtime while none is attached to the local cloud's StatementStore:
 * moves PENDING statements on (CREATE → COMPLETED, a `FAIL_ME` column → FAILED with a detail,
 * carry-over statements stay PENDING, anything else → RUNNING) and records latest offsets on
 * stop, through the store's public runtime API. It reacts to store events; nothing sleeps.
 * Only for clouds started with `runStatements: false` (provider tests that need phases the real
 * runtime would not produce on demand); never together with the real executor.
 */
import type { Harness } from './provider-harness.js';
import type { RunningCloud } from '../../src/cloud/index.js';

const clouds = new WeakMap<Harness, RunningCloud>();

/** Remembers the cloud behind a harness (set by startHarness). */
export function rememberCloud(h: Harness, cloud: RunningCloud): void {
  clouds.set(h, cloud);
}

/** Attaches the stand-in to the harness's (or the given) cloud; returns the detach function. */
export function attachStandInRuntime(target: Harness | RunningCloud): () => void {
  const cloud = 'statements' in target ? target : clouds.get(target);
  if (cloud === undefined) throw new Error('harness without a cloud');
  const store = cloud.statements;
  let attached = true;
  const unsubscribe = store.subscribe((e) => {
    if (e.kind === 'deleted') return;
    setImmediate(() => {
      if (!attached) return; // detached (and maybe closed) since the event: the store is off limits
      const s = store.get(e.environmentId, e.name);
      if (s === undefined) return;
      if (s.status.phase === 'PENDING' && s.spec.properties['sql.tables.initial-offset-from'] === undefined) {
        if (/FAIL_ME/.test(s.spec.statement)) store.setPhase(e.environmentId, e.name, 'FAILED', "SQL validation failed. Error while validating the statement: Column 'FAIL_ME' cannot be resolved.");
        else if (/^\s*CREATE\s/i.test(s.spec.statement)) store.setPhase(e.environmentId, e.name, 'COMPLETED', 'SQL statement is completed');
        else store.setPhase(e.environmentId, e.name, 'RUNNING', 'Statement is running');
      } else if (s.status.phase === 'STOPPED' && s.status.latestOffsets === undefined) {
        store.setLatestOffsets(e.environmentId, e.name, { b: 'partition:0,offset:42' }, new Date().toISOString());
      }
    });
  });
  return () => { attached = false; unsubscribe(); };
}
