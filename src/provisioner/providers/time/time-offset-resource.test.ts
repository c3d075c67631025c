import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isUnknown } from '../../lang/index.js';
import { create, plan, replacePaths, testContext, withDefaults } from '../lifecycle-test-support.js';
import { createTimeProvider } from './index.js';

const T0 = Date.UTC(2026, 0, 31, 10, 0, 0);

describe('time_offset', () => {
  it('offsets the creation time from the injected clock', async () => {
    const s = await create(createTimeProvider(), 'time_offset', { offset_days: 7 }, testContext({ now: () => T0 }));
    assert.equal(s['base_rfc3339'], '2026-01-31T10:00:00Z');
    assert.equal(s['id'], '2026-01-31T10:00:00Z');
    assert.equal(s['rfc3339'], '2026-02-07T10:00:00Z');
    assert.deepEqual([s['year'], s['month'], s['day'], s['hour']], [2026, 2, 7, 10]);
    assert.equal(s['unix'], Date.UTC(2026, 1, 7, 10) / 1000);
  });

  it('combines units and rolls month overflow like Go AddDate', async () => {
    const s = await create(createTimeProvider(), 'time_offset', { base_rfc3339: '2026-01-31T10:00:00+02:00', offset_months: 1, offset_hours: 3 });
    assert.equal(s['rfc3339'], '2026-03-03T13:00:00+02:00');
    assert.equal(s['hour'], 13);
    assert.equal(s['unix'], Date.UTC(2026, 2, 3, 11) / 1000);
  });

  it('knows the result at plan when the base is configured, and updates offsets in place', async () => {
    const p = createTimeProvider();
    const config = { base_rfc3339: '2026-01-01T00:00:00Z', offset_years: 1 };
    const planned = (await plan(p, 'time_offset', null, config)).planned;
    assert.equal(planned['rfc3339'], '2027-01-01T00:00:00Z');
    const prior = await create(p, 'time_offset', config);
    const changed = await plan(p, 'time_offset', prior, { ...config, offset_years: 2 });
    assert.deepEqual(replacePaths(changed), []);
    assert.equal(changed.planned['rfc3339'], '2028-01-01T00:00:00Z');
    const applied = await p.applyResource({ type: 'time_offset', action: 'update', prior, planned: changed.planned, config: withDefaults(p, 'time_offset', { ...config, offset_years: 2 }) }, testContext());
    assert.equal(applied.state?.['rfc3339'], '2028-01-01T00:00:00Z');
    assert.equal(applied.state?.['id'], prior['id']);
  });

  it('keeps the base from state when re-planning without a configured base, and replaces on triggers', async () => {
    const p = createTimeProvider();
    const prior = await create(p, 'time_offset', { offset_minutes: 5, triggers: { a: '1' } }, testContext({ now: () => T0 }));
    const same = await plan(p, 'time_offset', prior, { offset_minutes: 5, triggers: { a: '1' } });
    assert.deepEqual(same.planned, prior);
    const replaced = await plan(p, 'time_offset', prior, { offset_minutes: 5, triggers: { a: '2' } });
    assert.deepEqual(replacePaths(replaced), ['triggers']);
    assert.ok(isUnknown(replaced.planned['rfc3339']));
  });

  it('requires an offset and imports base plus offsets', async () => {
    const p = createTimeProvider();
    assert.deepEqual((p.validateResource?.('time_offset', withDefaults(p, 'time_offset', {})) ?? []).map((d) => d.code), ['time-offset-no-offset']);
    const imp = await p.importResource?.('time_offset', '2026-01-01T00:00:00Z,,,10,,,', testContext());
    assert.equal(imp?.state?.['rfc3339'], '2026-01-11T00:00:00Z');
    assert.equal(imp?.state?.['offset_days'], 10);
    assert.equal(imp?.state?.['offset_hours'], null);
    for (const bad of ['2026-01-01T00:00:00Z,,,,,,', 'nope,1,,,,,', '2026-01-01T00:00:00Z,1']) {
      assert.deepEqual((await p.importResource?.('time_offset', bad, testContext()))?.diagnostics?.map((d) => d.code), ['time-import-invalid-id'], bad);
    }
  });
});
