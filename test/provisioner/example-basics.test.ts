/** examples/basics end to end through the CLI: init, validate, apply, no-op plan, outputs, destroy. */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { cli, removeDir, REPO_ROOT, stateAddresses, workdir } from '../support/index.js';

describe('examples/basics', () => {
  const dir = workdir();
  copyFileSync(join(REPO_ROOT, 'examples', 'basics', 'main.tf'), join(dir, 'main.tf'));
  after(() => removeDir(dir));

  test('init and validate succeed', async () => {
    const i = await cli(dir, ['init', '-no-color']);
    assert.equal(i.code, 0, i.out + i.err);
    const v = await cli(dir, ['validate', '-no-color']);
    assert.equal(v.code, 0, v.out + v.err);
    assert.match(v.out, /Success! The configuration is valid\./);
  });

  test('apply creates seven objects and the rendered file; then nothing to do', async () => {
    const r = await cli(dir, ['apply', '-auto-approve', '-no-color']);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /Resources: 7 added, 0 changed, 0 destroyed\./);
    assert.equal(stateAddresses(dir).length, 7);
    const file = join(dir, '.streamform', 'out', 'pipeline.json');
    const rendered = JSON.parse(readFileSync(file, 'utf8')) as { cluster: string; topics: { name: string; cleanup: string }[] };
    assert.match(rendered.cluster, /^shop-dev-[a-z]+-[a-z]+$/);
    assert.deepEqual(rendered.topics.map((t) => t.cleanup), ['compact', 'delete', 'compact']);
    const p = await cli(dir, ['plan', '-detailed-exitcode', '-no-color']);
    assert.equal(p.code, 0, p.out + p.err);
  });

  test('outputs match state; the secret is masked', async () => {
    const o = await cli(dir, ['output', '-json']);
    const outs = JSON.parse(o.out) as Record<string, { value: unknown; sensitive: boolean }>;
    assert.equal(outs['api_secret']?.sensitive, true);
    assert.equal(String(outs['api_secret']?.value).length, 32);
    const human = await cli(dir, ['output', '-no-color']);
    assert.match(human.out, /api_secret = <sensitive>/);
    assert.doesNotMatch(human.out, new RegExp(String(outs['api_secret']?.value)));
  });

  test('a variable validation failure names the rule', async () => {
    const r = await cli(dir, ['plan', '-no-color', '-var=environment=test']);
    assert.equal(r.code, 1);
    assert.match(r.out + r.err, /environment must be dev, staging or prod\./);
  });

  test('destroy removes everything, including the file', async () => {
    const r = await cli(dir, ['destroy', '-auto-approve', '-no-color']);
    assert.equal(r.code, 0, r.out + r.err);
    assert.deepEqual(stateAddresses(dir), []);
    assert.equal(existsSync(join(dir, '.streamform', 'out', 'pipeline.json')), false);
  });
});
