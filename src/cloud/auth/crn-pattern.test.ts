import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isAncestorOf, parseCrn, patternCovers } from './crn-pattern.js';
import { roleAllows } from './roles.js';

const org = 'crn://confluent.cloud/organization=o1';
const cluster = `${org}/environment=env-a/cloud-cluster=lkc-1`;

test('parseCrn splits key=value segments', () => {
  assert.deepEqual(parseCrn(`${org}/environment=env-a`), [{ key: 'organization', value: 'o1' }, { key: 'environment', value: 'env-a' }]);
  assert.equal(parseCrn('https://x'), undefined);
});

test('a pattern covers itself and its descendants, not siblings', () => {
  assert.ok(patternCovers(`${org}/environment=env-a`, `${cluster}/kafka=lkc-1/topic=orders`));
  assert.ok(!patternCovers(`${org}/environment=env-b`, cluster));
  assert.ok(!patternCovers(`${cluster}/kafka=lkc-1/topic=orders`, cluster));
});

test('a trailing * matches any value with that prefix', () => {
  const p = `${cluster}/kafka=lkc-1/topic=shoe_*`;
  assert.ok(patternCovers(p, `${cluster}/kafka=lkc-1/topic=shoe_orders`));
  assert.ok(!patternCovers(p, `${cluster}/kafka=lkc-1/topic=orders`));
});

test('containers are ancestors of narrower patterns (visibility)', () => {
  assert.ok(isAncestorOf(`${org}/environment=env-a`, `${cluster}/kafka=lkc-1/topic=shoe_*`));
  assert.ok(!isAncestorOf(cluster, `${org}/environment=env-a`));
});

test('role grants follow the resource type', () => {
  assert.ok(roleAllows('FlinkAdmin', 'compute-pool', 'Manage'));
  assert.ok(!roleAllows('FlinkDeveloper', 'compute-pool', 'Manage'));
  assert.ok(roleAllows('FlinkDeveloper', 'statement', 'Manage'));
  assert.ok(roleAllows('DeveloperWrite', 'topic', 'Write'));
  assert.ok(!roleAllows('DeveloperRead', 'topic', 'Write'));
  assert.ok(roleAllows('Assigner', 'service-account', 'Assign'));
});
