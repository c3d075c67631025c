import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isUnknown } from '../../lang/index.js';
import { create, plan, replacePaths, testContext, withDefaults } from '../lifecycle-test-support.js';
import { createTimeProvider } from './index.js';

const T0 = Date.UTC(2026, 5, 1, 12, 0, 0);
const DAY = 86_400_000;

describe('time_rotating', () => {
  it('records the base and a rotation time whose parts it exposes', async () => {
    const s = await create(createTimeProvider(), 'time_rotating', { rotation_days: 30 }, testContext({ now: () => T0 }));
    assert.equal(s['id'], '2026-06-01T12:00:00Z');
    assert.equal(s['rfc3339'], '2026-06-01T12:00:00Z');
    assert.equal(s['rotation_rfc3339'], '2026-07-01T12:00:00Z');
    assert.deepEqual([s['year'], s['month'], s['day']], [2026, 7, 1]);
    assert.equal(s['unix'], (T0 + 30 * DAY) / 1000);
  });

  it('reads as present before the rotation time and gone after it', async () => {
    const p = createTimeProvider();
    const s = await create(p, 'time_rotating', { rotation_days: 30 }, testContext({ now: () => T0 }));
    assert.deepEqual((await p.readResource('time_rotating', s, testContext({ now: () => T0 + 29 * DAY }))).state, s);
    assert.equal((await p.readResource('time_rotating', s, testContext({ now: () => T0 + 31 * DAY }))).state, null);
  });

  it('uses an explicit rotation_rfc3339', async () => {
    const s = await create(createTimeProvider(), 'time_rotating', { rfc3339: '2026-01-01T00:00:00Z', rotation_rfc3339: '2026-02-01T00:00:00Z' });
    assert.equal(s['rotation_rfc3339'], '2026-02-01T00:00:00Z');
    assert.equal(s['month'], 2);
  });

  it('moves the rotation in place when the rotation units change', async () => {
    const p = createTimeProvider();
    const prior = await create(p, 'time_rotating', { rotation_days: 30 }, testContext({ now: () => T0 }));
    assert.deepEqual((await plan(p, 'time_rotating', prior, { rotation_days: 30 })).planned, prior);
    const res = await plan(p, 'time_rotating', prior, { rotation_days: 60 });
    assert.deepEqual(replacePaths(res), []);
    assert.equal(res.planned['rotation_rfc3339'], '2026-07-31T12:00:00Z');
    assert.equal(res.planned['id'], prior['id']);
    const applied = await p.applyResource({ type: 'time_rotating', action: 'update', prior, planned: res.planned, config: withDefaults(p, 'time_rotating', { rotation_days: 60 }) }, testContext());
    assert.equal(applied.state?.['rotation_rfc3339'], '2026-07-31T12:00:00Z');
  });

  it('replaces on triggers or base change', async () => {
    const p = createTimeProvider();
    const prior = await create(p, 'time_rotating', { rfc3339: '2026-01-01T00:00:00Z', rotation_hours: 1, triggers: { a: '1' } });
    const res = await plan(p, 'time_rotating', prior, { rfc3339: '2026-01-01T00:00:00Z', rotation_hours: 1, triggers: { a: '2' } });
    assert.deepEqual(replacePaths(res), ['triggers']);
    assert.equal(res.planned['rotation_rfc3339'], '2026-01-01T01:00:00Z'); // base configured: known at plan
    const now = await plan(p, 'time_rotating', await create(p, 'time_rotating', { rotation_hours: 1, triggers: { a: '1' } }), { rotation_hours: 1, triggers: { a: '2' } });
    assert.ok(isUnknown(now.planned['rotation_rfc3339'])); // base is the time of the new create
    assert.deepEqual(replacePaths(await plan(p, 'time_rotating', prior, { rfc3339: '2026-02-01T00:00:00Z', rotation_hours: 1, triggers: { a: '1' } })), ['rfc3339']);
  });

  it('requires a rotation and imports both id forms', async () => {
    const p = createTimeProvider();
    assert.deepEqual((p.validateResource?.('time_rotating', withDefaults(p, 'time_rotating', {})) ?? []).map((d) => d.code), ['time-rotating-no-rotation']);
    const two = await p.importResource?.('time_rotating', '2026-01-01T00:00:00Z,2026-03-01T00:00:00Z', testContext());
    assert.equal(two?.state?.['rotation_rfc3339'], '2026-03-01T00:00:00Z');
    assert.equal(two?.state?.['rotation_days'], null);
    const six = await p.importResource?.('time_rotating', '2026-01-01T00:00:00Z,,,,2,', testContext());
    assert.equal(six?.state?.['rotation_rfc3339'], '2026-01-01T02:00:00Z');
    assert.equal(six?.state?.['rotation_hours'], 2);
    for (const bad of ['2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z,,,,,', 'x,2026-01-01T00:00:00Z']) {
      assert.deepEqual((await p.importResource?.('time_rotating', bad, testContext()))?.diagnostics?.map((d) => d.code), ['time-import-invalid-id'], bad);
    }
  });
});
