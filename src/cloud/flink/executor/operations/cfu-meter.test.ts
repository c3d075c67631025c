import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { fixedClock } from '../../../../shared/index.js';
import { CfuMeter } from './cfu-meter.js';

const dir = mkdtempSync(join(tmpdir(), 'streamform-cfu-'));
after(() => { rmSync(dir, { recursive: true, force: true }); });

test('CFU-minutes integrate CFUs over the clock, at least 1 per run, summed per statement', () => {
  const db = new Database(join(dir, 'a.db'));
  const clock = fixedClock(1_000_000);
  const meter = new CfuMeter(db, { clock });
  const short = meter.open({ environmentId: 'env-1', name: 'short' }, { uid: 'u1', poolId: 'lfcp-1', cfu: 1, restart: false });
  const wide = meter.open({ environmentId: 'env-1', name: 'wide' }, { uid: 'u2', poolId: 'lfcp-1', cfu: 3, restart: false });
  clock.advance(10_000);
  meter.close(short);
  clock.advance(110_000);
  meter.close(wide);
  clock.advance(60_000); // closed runs accrue nothing more
  const again = meter.open({ environmentId: 'env-1', name: 'short' }, { uid: 'u1', poolId: 'lfcp-1', cfu: 1, restart: false });
  clock.advance(90_000);
  assert.deepEqual(meter.usage(), [
    { environmentId: 'env-1', name: 'short', computePoolId: 'lfcp-1', runs: 2, cfuMinutes: 1 + 1.5 },
    { environmentId: 'env-1', name: 'wide', computePoolId: 'lfcp-1', runs: 1, cfuMinutes: 6 },
  ]);
  meter.close(again);
  db.close();
});

test('a run left open by a crashed process ends at its last accrual; recovering runs count as restarts', () => {
  const file = join(dir, 'b.db');
  const clock = fixedClock(0);
  const first = new Database(file);
  const meter = new CfuMeter(first, { clock });
  meter.open({ environmentId: 'env-1', name: 's' }, { uid: 'u1', poolId: 'lfcp-1', cfu: 2, restart: false });
  clock.advance(180_000);
  meter.accrue();
  clock.advance(600_000); // the process dies without closing the run
  first.close();
  const second = new Database(file);
  const reopened = new CfuMeter(second, { clock });
  reopened.open({ environmentId: 'env-1', name: 's' }, { uid: 'u1', poolId: 'lfcp-1', cfu: 2, restart: true });
  assert.deepEqual(reopened.usage().map((u) => [u.name, u.runs, u.cfuMinutes]), [['s', 2, 6 + 1]]);
  assert.equal(reopened.restarts('u1'), 1);
  assert.equal(reopened.restarts('u-other'), 0);
  second.close();
});
