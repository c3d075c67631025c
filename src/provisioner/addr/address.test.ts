import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAddress, formatInstanceAddr, targetMatches, parseInstanceAddr } from './address.js';

test('parses and formats instance addresses round trip', () => {
  for (const a of ['random_id.r', 'random_id.r[0]', 'module.m["a"].random_id.r[2]', 'data.confluent_organization.this', 'module.a.module.b[1].data.x.y["k"]']) {
    const p = parseAddress(a);
    assert.equal(p.diagnostics.length, 0, a);
    const v = p.value!;
    assert.notEqual(v.kind, 'module');
    if (v.kind !== 'module') assert.equal(formatInstanceAddr(v.addr), a);
  }
});

test('module-only and invalid addresses', () => {
  assert.equal(parseAddress('module.m').value?.kind, 'module');
  const bad = parseAddress('random_id');
  assert.equal(bad.value, undefined);
  assert.equal(bad.diagnostics[0]?.code, 'address-invalid');
  assert.match(bad.diagnostics[0]!.detail!, /expected/);
  assert.equal(parseAddress('random_id.r[x]').value, undefined);
});

test('targets match module prefixes, resources and exact instances', () => {
  const inst = parseInstanceAddr('module.m["a"].random_id.r[1]')!;
  assert.ok(targetMatches(parseAddress('module.m').value!, inst));
  assert.ok(targetMatches(parseAddress('module.m["a"]').value!, inst));
  assert.ok(!targetMatches(parseAddress('module.m["b"]').value!, inst));
  assert.ok(targetMatches(parseAddress('module.m["a"].random_id.r').value!, inst));
  assert.ok(!targetMatches(parseAddress('random_id.r').value!, inst));
  assert.ok(targetMatches(parseAddress('module.m["a"].random_id.r[1]').value!, inst));
  assert.ok(!targetMatches(parseAddress('module.m["a"].random_id.r[0]').value!, inst));
});
