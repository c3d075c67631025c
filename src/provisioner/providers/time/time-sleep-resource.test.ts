import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isUnknown } from '../../lang/index.js';
import { create, destroy, plan, replacePaths, testContext, withDefaults } from '../lifecycle-test-support.js';
import { createTimeProvider } from './index.js';

const T0 = Date.UTC(2026, 0, 2, 3, 4, 5, 678);

describe('time_sleep', () => {
  it('waits create_duration and sets id to the RFC 3339 creation time', async () => {
    const p = createTimeProvider();
    const ctx = testContext({ now: () => T0 });
    const started = performance.now();
    const s = await create(p, 'time_sleep', { create_duration: '50ms' }, ctx);
    assert.ok(performance.now() - started >= 45, 'waited the duration');
    assert.equal(s['id'], '2026-01-02T03:04:05Z');
    assert.equal(s['create_duration'], '50ms');
    assert.deepEqual(ctx.messages, ['Sleeping 50ms after create']);
  });

  it('waits destroy_duration on delete', async () => {
    const p = createTimeProvider();
    const s = await create(p, 'time_sleep', { destroy_duration: '50ms' });
    const started = performance.now();
    await destroy(p, 'time_sleep', s);
    assert.ok(performance.now() - started >= 45);
  });

  it('fails with a diagnostic when interrupted', async () => {
    const p = createTimeProvider();
    const abort = new AbortController();
    const planned = (await plan(p, 'time_sleep', null, { create_duration: '1h' })).planned;
    const pending = p.applyResource({ type: 'time_sleep', action: 'create', prior: null, planned, config: planned }, testContext({ signal: abort.signal }));
    abort.abort();
    const res = await pending;
    assert.equal(res.state, null);
    assert.deepEqual(res.diagnostics?.map((d) => [d.code, d.address]), [['time-sleep-interrupted', 'test.resource']]);
  });

  it('fails at once when already aborted', async () => {
    const p = createTimeProvider();
    const abort = new AbortController();
    abort.abort();
    const s = await create(p, 'time_sleep', { destroy_duration: '1h' });
    const res = await p.applyResource({ type: 'time_sleep', action: 'delete', prior: s, planned: null, config: null }, testContext({ signal: abort.signal }));
    assert.deepEqual(res.diagnostics?.map((d) => d.code), ['time-sleep-interrupted']);
  });

  it('updates durations in place without waiting and replaces on triggers', async () => {
    const p = createTimeProvider();
    const prior = await create(p, 'time_sleep', { create_duration: '1ms', triggers: { a: '1' } });
    const res = await plan(p, 'time_sleep', prior, { create_duration: '1h', triggers: { a: '1' } });
    assert.deepEqual(replacePaths(res), []);
    assert.equal(res.planned['id'], prior['id']);
    const abort = new AbortController();
    abort.abort(); // an update that tried to sleep would fail
    const up = await p.applyResource({ type: 'time_sleep', action: 'update', prior, planned: res.planned, config: withDefaults(p, 'time_sleep', { create_duration: '1h', triggers: { a: '1' } }) }, testContext({ signal: abort.signal }));
    assert.deepEqual(up.diagnostics ?? [], []);
    assert.equal(up.state?.['create_duration'], '1h');
    assert.equal(up.state?.['id'], prior['id']);
    const replaced = await plan(p, 'time_sleep', prior, { create_duration: '1ms', triggers: { a: '2' } });
    assert.deepEqual(replacePaths(replaced), ['triggers']);
    assert.ok(isUnknown(replaced.planned['id']));
  });

  it('validates duration strings in the schema', () => {
    const v = createTimeProvider().schema().resources['time_sleep']?.attributes['create_duration']?.validate;
    assert.ok(v);
    assert.equal(v('30s'), undefined);
    assert.equal(v('1m30s'), undefined);
    assert.ok(v('90'));
    assert.ok(v('-5s'));
  });

  it('requires at least one duration', () => {
    const p = createTimeProvider();
    const codes = (c: Record<string, string>) => (p.validateResource?.('time_sleep', withDefaults(p, 'time_sleep', c)) ?? []).map((d) => d.code);
    assert.deepEqual(codes({}), ['time-sleep-no-duration']);
    assert.deepEqual(codes({ destroy_duration: '1s' }), []);
  });

  it('imports "create,destroy" durations', async () => {
    const p = createTimeProvider();
    const ctx = testContext({ now: () => T0 });
    const a = await p.importResource?.('time_sleep', '30s,', ctx);
    assert.deepEqual(a?.state, { id: '2026-01-02T03:04:05Z', create_duration: '30s', destroy_duration: null, triggers: {} });
    const b = await p.importResource?.('time_sleep', ',1m,env=prod,team=data', ctx);
    assert.deepEqual(b?.state?.['triggers'], { env: 'prod', team: 'data' });
    assert.equal(b?.state?.['destroy_duration'], '1m');
    for (const bad of ['30s', ',', 'x,1m', '1s,,noequals']) {
      const r = await p.importResource?.('time_sleep', bad, ctx);
      assert.deepEqual(r?.diagnostics?.map((d) => d.code), ['time-import-invalid-id'], bad);
    }
  });

  it('reads unchanged', async () => {
    const p = createTimeProvider();
    const s = await create(p, 'time_sleep', { create_duration: '0s' });
    assert.deepEqual((await p.readResource('time_sleep', s, testContext())).state, s);
  });
});
