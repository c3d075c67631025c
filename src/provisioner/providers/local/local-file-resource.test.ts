import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isUnknown } from '../../lang/index.js';
import { create, destroy, plan, replacePaths, testContext, withDefaults } from '../lifecycle-test-support.js';
import { createLocalProvider } from './index.js';

let dir = '';
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'streamform-local-')); });
afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

describe('local_file', () => {
  it('writes the content, creating parent directories, and records checksums', async () => {
    const filename = join(dir, 'a', 'b', 'hello.txt');
    const s = await create(createLocalProvider(), 'local_file', { filename, content: 'hello\n' });
    assert.equal(readFileSync(filename, 'utf8'), 'hello\n');
    const sha1 = createHash('sha1').update('hello\n').digest('hex');
    assert.equal(s['id'], sha1);
    assert.equal(s['content_sha1'], sha1);
    assert.equal(s['content_md5'], createHash('md5').update('hello\n').digest('hex'));
    assert.equal(s['content_sha256'], createHash('sha256').update('hello\n').digest('hex'));
    assert.equal(s['content_base64sha256'], createHash('sha256').update('hello\n').digest('base64'));
    assert.equal(s['content_sha512'], createHash('sha512').update('hello\n').digest('hex'));
    assert.equal(s['content_base64sha512'], createHash('sha512').update('hello\n').digest('base64'));
    assert.equal(s['file_permission'], '0777');
    assert.equal(s['directory_permission'], '0777');
  });

  it('applies file_permission (within the umask)', async () => {
    const filename = join(dir, 'secret.txt');
    await create(createLocalProvider(), 'local_file', { filename, content: 'x', file_permission: '0600' });
    assert.equal(statSync(filename).mode & 0o777, 0o600);
  });

  it('writes binary content_base64 and copies source', async () => {
    const p = createLocalProvider();
    const bin = join(dir, 'bin.dat');
    const bytes = Buffer.from([0, 255, 1, 254]);
    const s = await create(p, 'local_file', { filename: bin, content_base64: bytes.toString('base64') });
    assert.deepEqual(readFileSync(bin), bytes);
    assert.equal(s['id'], createHash('sha1').update(bytes).digest('hex'));
    const copy = join(dir, 'copy.dat');
    const c = await create(p, 'local_file', { filename: copy, source: bin });
    assert.deepEqual(readFileSync(copy), bytes);
    assert.equal(c['id'], s['id']);
  });

  it('requires exactly one content argument', () => {
    const p = createLocalProvider();
    const codes = (c: Record<string, string>) => (p.validateResource?.('local_file', withDefaults(p, 'local_file', c)) ?? []).map((d) => d.code);
    assert.deepEqual(codes({ filename: 'f' }), ['local-file-content-conflict']);
    assert.deepEqual(codes({ filename: 'f', content: 'a', source: 'b' }), ['local-file-content-conflict']);
    assert.deepEqual(codes({ filename: 'f', sensitive_content: 'a' }), []);
    assert.deepEqual(codes({ filename: 'f', content_base64: 'YQ==' }), []);
  });

  it('validates permissions', () => {
    const v = createLocalProvider().schema().resources['local_file']?.attributes['file_permission']?.validate;
    assert.ok(v);
    assert.equal(v('0644'), undefined);
    assert.equal(v('644'), undefined);
    assert.ok(v('0999'));
    assert.ok(v('rw-r--r--'));
    assert.ok(v('1777'));
  });

  it('replaces on any argument change and plans checksums unknown', async () => {
    const p = createLocalProvider();
    const filename = join(dir, 'f.txt');
    const prior = await create(p, 'local_file', { filename, content: 'v1' });
    const same = await plan(p, 'local_file', prior, { filename, content: 'v1' });
    assert.deepEqual(replacePaths(same), []);
    assert.deepEqual(same.planned, prior);
    const changed = await plan(p, 'local_file', prior, { filename, content: 'v2' });
    assert.deepEqual(replacePaths(changed), ['content']);
    assert.ok(isUnknown(changed.planned['id']));
    assert.deepEqual(replacePaths(await plan(p, 'local_file', prior, { filename, content: 'v1', file_permission: '0644' })), ['file_permission']);
    assert.deepEqual(replacePaths(await plan(p, 'local_file', prior, { filename: join(dir, 'g.txt'), content: 'v1' })), ['filename']);
  });

  it('reads unchanged while the file matches', async () => {
    const p = createLocalProvider();
    const s = await create(p, 'local_file', { filename: join(dir, 'f.txt'), content: 'v1' });
    assert.deepEqual((await p.readResource('local_file', s, testContext())).state, s);
  });

  it('reads as gone when the file was deleted', async () => {
    const p = createLocalProvider();
    const filename = join(dir, 'f.txt');
    const s = await create(p, 'local_file', { filename, content: 'v1' });
    unlinkSync(filename);
    const res = await p.readResource('local_file', s, testContext());
    assert.equal(res.state, null);
    assert.deepEqual(res.diagnostics ?? [], []);
  });

  it('reads as gone when the content changed on disk', async () => {
    const p = createLocalProvider();
    const filename = join(dir, 'f.txt');
    const s = await create(p, 'local_file', { filename, content: 'v1' });
    writeFileSync(filename, 'edited by hand');
    assert.equal((await p.readResource('local_file', s, testContext())).state, null);
  });

  it('keeps the state and reports a diagnostic when the file cannot be read', async () => {
    const p = createLocalProvider();
    const filename = join(dir, 'f.txt');
    const s = await create(p, 'local_file', { filename, content: 'v1' });
    unlinkSync(filename);
    mkdirSync(filename); // reading a directory fails with EISDIR, which is not "gone"
    const res = await p.readResource('local_file', s, testContext());
    assert.deepEqual(res.state, s);
    assert.deepEqual(res.diagnostics?.map((d) => d.code), ['provider-read-failed']);
  });

  it('deletes the file, and deleting a missing file succeeds', async () => {
    const p = createLocalProvider();
    const filename = join(dir, 'f.txt');
    const s = await create(p, 'local_file', { filename, content: 'v1' });
    await destroy(p, 'local_file', s);
    assert.equal(existsSync(filename), false);
    await destroy(p, 'local_file', s);
  });

  it('reports a missing source as an apply diagnostic with the address', async () => {
    const p = createLocalProvider();
    const config = withDefaults(p, 'local_file', { filename: join(dir, 'x'), source: join(dir, 'missing') });
    const planned = (await plan(p, 'local_file', null, config)).planned;
    const res = await p.applyResource({ type: 'local_file', action: 'create', prior: null, planned, config }, testContext());
    assert.equal(res.state, null);
    assert.deepEqual(res.diagnostics?.map((d) => [d.code, d.address]), [['provider-apply-failed', 'test.resource']]);
  });

  it('does not support import', async () => {
    const res = await createLocalProvider().importResource?.('local_file', 'x', testContext());
    assert.deepEqual(res?.diagnostics?.map((d) => d.code), ['provider-import-unsupported']);
  });
});

describe('local_sensitive_file', () => {
  it('marks content sensitive and defaults permissions to 0700', async () => {
    const p = createLocalProvider();
    const schema = p.schema().resources['local_sensitive_file'];
    assert.equal(schema?.attributes['content']?.sensitive, true);
    assert.equal(schema?.attributes['sensitive_content'], undefined);
    const filename = join(dir, 'key.pem');
    const s = await create(p, 'local_sensitive_file', { filename, content: 'secret' });
    assert.equal(s['file_permission'], '0700');
    assert.equal(statSync(filename).mode & 0o777, 0o700);
  });
});

describe('local_file data source', () => {
  it('reads content and checksums', async () => {
    const filename = join(dir, 'in.txt');
    writeFileSync(filename, 'data\n');
    const res = await createLocalProvider().readDataSource('local_file', { filename }, testContext());
    assert.equal(res.state?.['content'], 'data\n');
    assert.equal(res.state?.['content_base64'], Buffer.from('data\n').toString('base64'));
    assert.equal(res.state?.['id'], createHash('sha1').update('data\n').digest('hex'));
    assert.equal(res.state?.['content_sha256'], createHash('sha256').update('data\n').digest('hex'));
  });

  it('reports a missing file', async () => {
    const res = await createLocalProvider().readDataSource('local_file', { filename: join(dir, 'nope') }, testContext());
    assert.deepEqual(res.diagnostics?.map((d) => d.code), ['local-file-unreadable']);
  });

  it('marks content sensitive for local_sensitive_file', () => {
    const ds = createLocalProvider().schema().dataSources['local_sensitive_file'];
    assert.equal(ds?.attributes['content']?.sensitive, true);
  });
});
