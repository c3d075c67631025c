import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { InternalError, fixedClock, seededIds } from '../../shared/index.js';
import { UNKNOWN } from '../lang/value.js';
import { MIGRATIONS, SCHEMA_VERSION, readSchemaVersion, runMigrations } from './migrations.js';
import { StateLineageError, StateOperationError, StateVersionError } from './state-errors.js';
import { StateStore, resolveStatePath } from './state-store.js';
import { instance, openStore, tempDir } from './state-test-support.js';

let dir = '';
let cleanup: () => void = () => {};
let path = '';
beforeEach(() => { ({ dir, cleanup } = tempDir()); path = join(dir, 'terraform.tfstate.db'); });
afterEach(() => cleanup());

function codeOf(fn: () => unknown): string {
  try { fn(); } catch (e) {
    if (e instanceof StateOperationError || e instanceof StateLineageError || e instanceof StateVersionError) return e.diagnostic.code;
    throw e;
  }
  return 'no error';
}

describe('opening', () => {
  it('creates a WAL database with a lineage, serial 0 and the current schema version', () => {
    const s = openStore(path);
    const snap = s.snapshot();
    assert.match(snap.lineage, /^[0-9a-f-]{36}$/);
    assert.equal(snap.serial, 0);
    assert.equal(snap.streamformVersion, '0.1.0-test');
    assert.deepEqual(snap.resources, []);
    s.close();
    const raw = new Database(path);
    assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
    assert.deepEqual(readSchemaVersion(raw), { version: SCHEMA_VERSION, writtenBy: '0.1.0-test' });
    raw.close();
  });

  it('keeps the lineage across reopen', () => {
    const a = openStore(path, 1);
    const lineage = a.head().lineage;
    a.close();
    const b = openStore(path, 2);
    assert.equal(b.head().lineage, lineage);
    b.close();
  });

  it('refuses a missing file when create is false', () => {
    assert.equal(codeOf(() => StateStore.open(path, { clock: fixedClock(0), ids: seededIds(1), create: false })), 'state-not-found');
  });

  it('refuses a file that is not a state database, pointing at state push', () => {
    writeFileSync(path, '{"version": 4, "lineage": "x", "serial": 1, "resources": []}\n'.repeat(40));
    try {
      openStore(path);
      assert.fail('expected an error');
    } catch (e) {
      assert.ok(e instanceof StateOperationError);
      assert.equal(e.diagnostic.code, 'state-not-sqlite');
      assert.match(e.diagnostic.detail ?? '', /state push/);
    }
  });

  it('resolves the default path beside the config and a backend path relative to it', () => {
    assert.equal(resolveStatePath('/cfg'), '/cfg/terraform.tfstate.db');
    assert.equal(resolveStatePath('/cfg', 'state/prod.db'), '/cfg/state/prod.db');
    assert.equal(resolveStatePath('/cfg', '/abs/s.db'), '/abs/s.db');
  });
});

describe('schema versions', () => {
  it('applies newer migrations in order to an existing file and keeps its data', () => {
    const s = openStore(path);
    s.putResource(instance('confluent_environment', 'e'));
    s.close();
    const next = [...MIGRATIONS, { version: SCHEMA_VERSION + 1, description: 'test column', up: 'ALTER TABLE resources ADD COLUMN note TEXT' }];
    const db = new Database(path);
    const init = (): void => { throw new Error('init must not run on an existing file'); };
    assert.deepEqual(runMigrations(db, next, { writtenBy: '0.2.0', init }), [SCHEMA_VERSION + 1]);
    assert.deepEqual(runMigrations(db, next, { writtenBy: '0.2.0', init }), []);
    assert.deepEqual(readSchemaVersion(db), { version: SCHEMA_VERSION + 1, writtenBy: '0.2.0' });
    assert.equal((db.prepare('SELECT count(*) AS n FROM resources').get() as { n: number }).n, 1);
    db.close();
  });

  it('refuses a file written by a newer schema, naming the version that wrote it', () => {
    openStore(path).close();
    const db = new Database(path);
    db.prepare('UPDATE meta SET schema_version = ?, written_by = ?').run(SCHEMA_VERSION + 5, '9.9.9');
    db.close();
    try {
      openStore(path);
      assert.fail('expected StateVersionError');
    } catch (e) {
      assert.ok(e instanceof StateVersionError);
      assert.equal(e.fileSchemaVersion, SCHEMA_VERSION + 5);
      assert.equal(e.diagnostic.code, 'state-version-unsupported');
      assert.match(e.diagnostic.detail ?? '', /9\.9\.9/);
      assert.match(e.diagnostic.detail ?? '', /Upgrade streamform/);
    }
  });
});

describe('resources', () => {
  it('stores and returns every field of an object, bumping serial once per write', () => {
    const s = openStore(path);
    const r = instance('confluent_kafka_topic', 't', {
      module: 'module.kafka["a"]', indexKey: 'orders', attributes: { topic_name: 'orders', partitions_count: 6, config: { 'cleanup.policy': 'delete' }, tags: ['a', null] },
      private: { schema_version: '1' }, sensitivePaths: ['credentials.secret'], dependencies: ['confluent_kafka_cluster.c', 'confluent_environment.e'],
    });
    assert.equal(r.address, 'module.kafka["a"].confluent_kafka_topic.t["orders"]');
    s.putResource(r);
    assert.equal(s.head().serial, 1);
    const back = s.getResource(r.address);
    assert.deepEqual(back, { ...r, dependencies: ['confluent_environment.e', 'confluent_kafka_cluster.c'] });
    assert.equal(s.getResource('nope.nope'), undefined);
    s.putResource({ ...r, attributes: { topic_name: 'orders', partitions_count: 12 } });
    assert.equal(s.head().serial, 2);
    assert.deepEqual(s.getResource(r.address)?.attributes, { topic_name: 'orders', partitions_count: 12 });
    s.close();
  });

  it('keeps deposed objects beside the current one and sorts the snapshot by address', () => {
    const s = openStore(path);
    s.putResource(instance('b_type', 'x'));
    s.putResource(instance('a_type', 'y', { indexKey: 1 }));
    s.putResource(instance('a_type', 'y', { indexKey: 1, deposed: 'deadbeef' }));
    s.putResource(instance('a_type', 'y', { indexKey: 0 }));
    const snap = s.snapshot();
    assert.deepEqual(snap.resources.map((r) => `${r.address}${r.deposed ? ` (deposed ${r.deposed})` : ''}`),
      ['a_type.y[0]', 'a_type.y[1]', 'a_type.y[1] (deposed deadbeef)', 'b_type.x']);
    assert.deepEqual(s.listAddresses(), ['a_type.y[0]', 'a_type.y[1]', 'b_type.x']);
    assert.equal(s.getResource('a_type.y[1]', 'deadbeef')?.deposed, 'deadbeef');
    assert.equal(s.removeResource('a_type.y[1]', 'deadbeef'), true);
    assert.equal(s.removeResource('a_type.y[1]', 'deadbeef'), false);
    assert.ok(s.getResource('a_type.y[1]'));
    s.close();
  });

  it('never stores an unknown value (a bug in the caller)', () => {
    const s = openStore(path);
    assert.throws(() => s.putResource(instance('t', 'n', { attributes: { id: UNKNOWN } })), InternalError);
    assert.throws(() => s.setOutputs({ o: { value: [UNKNOWN], sensitive: false } }), InternalError);
    assert.equal(s.head().serial, 0);
    s.close();
  });

  it('refuses an address that does not match the parts (a bug in the caller)', () => {
    const s = openStore(path);
    assert.throws(() => s.putResource({ ...instance('t', 'n'), address: 't.other' }), InternalError);
    s.close();
  });

  it('taints and untaints the current object; a missing one is a user error', () => {
    const s = openStore(path);
    s.putResource(instance('t', 'n'));
    s.markTainted('t.n', true);
    assert.equal(s.getResource('t.n')?.status, 'tainted');
    s.markTainted('t.n', false);
    assert.equal(s.getResource('t.n')?.status, 'ready');
    assert.equal(s.head().serial, 3);
    assert.equal(codeOf(() => s.markTainted('t.missing', true)), 'state-resource-not-found');
    s.close();
  });
});

describe('state mv and rm', () => {
  it('moves one instance, recomputing its parts', () => {
    const s = openStore(path);
    s.putResource(instance('t', 'a', { indexKey: 0 }));
    assert.deepEqual(s.moveResource('t.a[0]', 'module.m.t.b["k"]'), [{ from: 't.a[0]', to: 'module.m.t.b["k"]' }]);
    const moved = s.getResource('module.m.t.b["k"]');
    assert.equal(moved?.module, 'module.m');
    assert.equal(moved?.name, 'b');
    assert.equal(moved?.indexKey, 'k');
    assert.equal(s.getResource('t.a[0]'), undefined);
    s.close();
  });

  it('moves a whole resource with its instances and deposed objects, and a whole module', () => {
    const s = openStore(path);
    s.putResource(instance('t', 'a', { indexKey: 0 }));
    s.putResource(instance('t', 'a', { indexKey: 1 }));
    s.putResource(instance('t', 'a', { indexKey: 1, deposed: 'd1' }));
    s.putResource(instance('t', 'ab'));
    s.moveResource('t.a', 't.z');
    assert.deepEqual(s.listAddresses(), ['t.ab', 't.z[0]', 't.z[1]']);
    assert.ok(s.getResource('t.z[1]', 'd1'));
    s.putResource(instance('t', 'q', { module: 'module.old' }));
    s.putResource(instance('u', 'r', { module: 'module.old.module.inner' }));
    s.moveResource('module.old', 'module.new');
    assert.deepEqual(s.listAddresses(), ['module.new.module.inner.u.r', 'module.new.t.q', 't.ab', 't.z[0]', 't.z[1]']);
    assert.equal(s.getResource('module.new.module.inner.u.r')?.module, 'module.new.module.inner');
    s.close();
  });

  it('refuses a missing source, an occupied target, a type change and a bad address without changing anything', () => {
    const s = openStore(path);
    s.putResource(instance('t', 'a'));
    s.putResource(instance('t', 'b'));
    const serial = s.head().serial;
    assert.equal(codeOf(() => s.moveResource('t.nothing', 't.c')), 'state-resource-not-found');
    assert.equal(codeOf(() => s.moveResource('t.a', 't.b')), 'state-move-target-exists');
    assert.equal(codeOf(() => s.moveResource('t.a', 'other.a')), 'state-move-type-mismatch');
    assert.equal(codeOf(() => s.moveResource('t.a[', 't.c')), 'state-invalid-address');
    assert.deepEqual(s.listAddresses(), ['t.a', 't.b']);
    assert.equal(s.head().serial, serial);
    s.close();
  });

  it('forgets everything a selector matches', () => {
    const s = openStore(path);
    s.putResource(instance('t', 'a', { module: 'module.m[0]' }));
    s.putResource(instance('t', 'a', { module: 'module.m[1]', deposed: 'x' }));
    s.putResource(instance('t', 'a', { module: 'module.mm' }));
    assert.deepEqual(s.forgetResources('module.m'), ['module.m[0].t.a', 'module.m[1].t.a']);
    assert.deepEqual(s.listAddresses(), ['module.mm.t.a']);
    const serial = s.head().serial;
    assert.deepEqual(s.forgetResources('t.none'), []);
    assert.equal(s.head().serial, serial);
    s.close();
  });
});

describe('serial, transactions and outputs', () => {
  it('bumps serial once for a transaction, and rolls everything back when it throws', () => {
    const s = openStore(path);
    s.transaction(() => {
      s.putResource(instance('t', 'a'));
      s.putResource(instance('t', 'b'));
      s.setOutputs({ x: { value: 1, sensitive: false } });
    });
    assert.equal(s.head().serial, 1);
    assert.throws(() => s.transaction(() => {
      s.removeResource('t.a');
      throw new Error('provider failed');
    }), /provider failed/);
    assert.equal(s.head().serial, 1);
    assert.ok(s.getResource('t.a'));
    s.close();
  });

  it('replaces all outputs, keeping sensitivity', () => {
    const s = openStore(path);
    s.setOutputs({ a: { value: 'x', sensitive: false }, b: { value: { k: [1, true] }, sensitive: true } });
    s.setOutputs({ b: { value: 'secret', sensitive: true } });
    assert.deepEqual(s.snapshot().outputs, { b: { value: 'secret', sensitive: true } });
    s.close();
  });
});

describe('history', () => {
  it('appends entries with clock time and returns them newest first; the table refuses edits', () => {
    const s = openStore(path);
    const first = s.appendHistory({ user: 'ann@host', operation: 'apply', summary: { add: 2, change: 0, destroy: 0 }, serialBefore: 0, serialAfter: 2 });
    s.appendHistory({ user: 'ann@host', operation: 'state-mv', summary: 'moved t.a to t.b', serialBefore: 2, serialAfter: 3 });
    assert.equal(first.time, '2026-01-01T00:00:00.000Z');
    assert.deepEqual(s.history().map((h) => h.operation), ['state-mv', 'apply']);
    assert.deepEqual(s.history(1)[0]?.summary, 'moved t.a to t.b');
    assert.deepEqual(s.history()[1], first);
    assert.equal(s.head().serial, 0);
    s.close();
    const db = new Database(path);
    assert.throws(() => db.prepare('DELETE FROM history').run(), /append-only/);
    assert.throws(() => db.prepare("UPDATE history SET user = 'mallory'").run(), /append-only/);
    db.close();
  });
});

describe('replaceAll (state push)', () => {
  it('lets a pristine state adopt the pushed lineage and serial', () => {
    const s = openStore(path);
    const serial = s.replaceAll({ lineage: 'L-pushed', serial: 7, terraformVersion: '1.5.7', streamformVersion: '', resources: [instance('t', 'a')], outputs: {} });
    assert.equal(serial, 7);
    assert.deepEqual(s.head(), { lineage: 'L-pushed', serial: 7 });
    assert.equal(s.snapshot().terraformVersion, '1.5.7');
    s.close();
  });

  it('refuses another lineage or a lower serial unless forced', () => {
    const s = openStore(path);
    s.putResource(instance('t', 'a'));
    s.putResource(instance('t', 'a'));
    const { lineage } = s.head();
    const snap = { ...s.snapshot(), resources: [instance('t', 'b')] };
    assert.equal(codeOf(() => s.replaceAll({ ...snap, lineage: 'other' })), 'state-lineage-mismatch');
    assert.equal(codeOf(() => s.replaceAll({ ...snap, serial: 1 })), 'state-serial-older');
    assert.deepEqual(s.listAddresses(), ['t.a']);
    assert.equal(s.replaceAll(snap), 3);
    assert.deepEqual(s.listAddresses(), ['t.b']);
    assert.equal(s.replaceAll({ ...snap, lineage: 'other', serial: 0 }, { force: true }), 4);
    assert.notEqual(s.head().lineage, lineage);
    s.close();
  });
});

describe('the outside world', () => {
  it('creates missing parent directories of a backend path', () => {
    const s = openStore(join(dir, 'nested', 'deeper', 'prod.tfstate.db'));
    s.putResource(instance('t', 'a'));
    assert.deepEqual(s.listAddresses(), ['t.a']);
    s.close();
  });

  it('turns an SQLite write failure into a state-write-failed diagnostic', () => {
    const s = openStore(path);
    const raw = new Database(path);
    raw.exec("CREATE TRIGGER fail_insert BEFORE INSERT ON resources BEGIN SELECT RAISE(FAIL, 'disk on fire'); END");
    raw.close();
    assert.equal(codeOf(() => s.putResource(instance('t', 'a'))), 'state-write-failed');
    assert.equal(s.head().serial, 0);
    s.close();
  });
});
