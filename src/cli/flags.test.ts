import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeArgs, orderedVarArgs, parseBoolFlag, parseDuration } from './flags.js';

test('Terraform-style single-dash long flags become double-dash; values and short flags are kept', () => {
  assert.deepEqual(normalizeArgs(['plan', '-auto-approve', '-var=a=b', '-lock=false', '-h', '-5', 'x-y']), ['plan', '--auto-approve', '--var=a=b', '--lock=false', '-h', '-5', 'x-y']);
});

test('-var and -var-file keep their relative order', () => {
  assert.deepEqual(orderedVarArgs(['--var-file=a.tfvars', '--var', 'x=1', '--var=y=2', '--var-file', 'b.tfvars']), [
    { kind: 'file', path: 'a.tfvars' }, { kind: 'var', text: 'x=1' }, { kind: 'var', text: 'y=2' }, { kind: 'file', path: 'b.tfvars' },
  ]);
});

test('durations and booleans', () => {
  assert.equal(parseDuration('0s'), 0);
  assert.equal(parseDuration('1m30s'), 90_000);
  assert.equal(parseDuration('250ms'), 250);
  assert.equal(parseDuration('10'), 10_000);
  assert.equal(parseDuration('soon'), undefined);
  assert.equal(parseBoolFlag('false', true), false);
  assert.equal(parseBoolFlag(undefined, true), true);
  assert.equal(parseBoolFlag(true, false), true);
});
