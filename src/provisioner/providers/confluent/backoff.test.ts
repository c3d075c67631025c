import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticsError, systemIds } from '../../../shared/index.js';
import { backoffDelay, pollUntil } from './backoff.js';
import { HttpClient } from './http-client.js';
import type { ResourceContext } from './types.js';

function context(signal: AbortSignal, progress: string[]): ResourceContext {
  return {
    settings: { endpoint: 'http://127.0.0.1:9', maxRetries: 4, userAgent: 't', oauth: false },
    http: new HttpClient({ maxRetries: 4, userAgent: 't' }),
    ctx: { address: 'a', signal, progress: (m) => progress.push(m), now: () => 0 },
    env: () => undefined, ids: systemIds,
  };
}

describe('backoff and polling', () => {
  it('starts at 50 ms and caps at 2 s', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 5, 6, 20].map(backoffDelay), [50, 100, 200, 400, 800, 1600, 2000, 2000]);
  });

  it('reports each new status once and returns the final value', async () => {
    const progress: string[] = [];
    const steps = ['PENDING', 'PENDING', 'RUNNING'];
    let i = 0;
    const v = await pollUntil(context(new AbortController().signal, progress), async () => {
      const s = steps[i++] ?? 'RUNNING';
      return s === 'RUNNING' ? { done: true, value: 'ok' } : { done: false, status: s };
    }, { what: 'statement x to be RUNNING' });
    assert.equal(v, 'ok');
    assert.deepEqual(progress, ['waiting for statement x to be RUNNING (now PENDING)']);
  });

  it('stops waiting when the signal is aborted', async () => {
    const ac = new AbortController();
    const wait = pollUntil(context(ac.signal, []), async () => ({ done: false, status: 'PROVISIONING' }), { what: 'pool' });
    ac.abort();
    await assert.rejects(wait, (e: unknown) => e instanceof DiagnosticsError && e.diagnostics[0]?.code === 'confluent-interrupted');
  });
});
