import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isUnknown } from '../../lang/index.js';
import { create, destroy, plan, replacePaths, testContext } from '../lifecycle-test-support.js';
import { createTimeProvider } from './index.js';

const T0 = Date.UTC(2026, 10, 24, 1, 2, 3, 456);

describe('time_static', () => {
  it('records the creation time from the injected clock with its parts', async () => {
    const s = await create(createTimeProvider(), 'time_static', {}, testContext({ now: () => T0 }));
    assert.deepEqual(s, {
      id: '2026-11-24T01:02:03Z', rfc3339: '2026-11-24T01:02:03Z', triggers: null,
      year: 2026, month: 11, day: 24, hour: 1, minute: 2, second: 3, unix: Math.floor(T0 / 1000),
    });
  });

  it('uses a configured rfc3339 in its own offset, known at plan', async () => {
    const planned = (await plan(createTimeProvider(), 'time_static', null, { rfc3339: '2020-02-29T23:30:00+02:00' })).planned;
    assert.equal(planned['year'], 2020);
    assert.equal(planned['id'], '2020-02-29T23:30:00+02:00');
    const s = await create(createTimeProvider(), 'time_static', { rfc3339: '2020-02-29T23:30:00+02:00' });
    assert.equal(s['day'], 29);
    assert.equal(s['hour'], 23);
    assert.equal(s['unix'], Date.parse('2020-02-29T21:30:00Z') / 1000);
  });

  it('keeps its time until triggers change, then plans a new one', async () => {
    const p = createTimeProvider();
    const prior = await create(p, 'time_static', { triggers: { v: '1' } });
    const same = await plan(p, 'time_static', prior, { triggers: { v: '1' } });
    assert.deepEqual(replacePaths(same), []);
    assert.deepEqual(same.planned, prior);
    const changed = await plan(p, 'time_static', prior, { triggers: { v: '2' } });
    assert.deepEqual(replacePaths(changed), ['triggers']);
    assert.ok(isUnknown(changed.planned['rfc3339']));
    assert.ok(isUnknown(changed.planned['unix']));
  });

  it('validates rfc3339 and imports a timestamp', async () => {
    const p = createTimeProvider();
    const v = p.schema().resources['time_static']?.attributes['rfc3339']?.validate;
    assert.ok(v);
    assert.ok(v('2020-01-01 10:00'));
    assert.equal(v('2020-01-01T10:00:00Z'), undefined);
    const imp = await p.importResource?.('time_static', '2021-03-04T05:06:07Z', testContext());
    assert.equal(imp?.state?.['year'], 2021);
    assert.equal(imp?.state?.['id'], '2021-03-04T05:06:07Z');
    assert.deepEqual(imp?.state?.['triggers'], {});
    const bad = await p.importResource?.('time_static', 'yesterday', testContext());
    assert.deepEqual(bad?.diagnostics?.map((d) => d.code), ['time-import-invalid-id']);
  });

  it('reads unchanged and deletes', async () => {
    const p = createTimeProvider();
    const s = await create(p, 'time_static', {});
    assert.deepEqual((await p.readResource('time_static', s, testContext())).state, s);
    await destroy(p, 'time_static', s);
  });
});
