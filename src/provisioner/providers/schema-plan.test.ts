import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { T } from '../lang/index.js';
import { isUnknown, UNKNOWN } from '../lang/index.js';
import type { ObjectValue } from '../lang/index.js';
import { planFromSchema } from './schema-plan.js';
import type { BuiltinResource } from './types.js';

const partitions: BuiltinResource = {
  schema: {
    attributes: {
      id: { type: T.string, computed: true },
      name: { type: T.string, required: true, onChange: { kind: 'replace' } },
      partitions: { type: T.number, optional: true, default: 6, onChange: { kind: 'replace-if', when: (p, n) => typeof p === 'number' && typeof n === 'number' && n < p, reason: 'partitions can only grow' } },
      zone: { type: T.string, optional: true, computed: true },
    },
  },
  async create(planned) { return planned; },
};

const prior: ObjectValue = { id: 'x-1', name: 'orders', partitions: 6, zone: 'a' };
function req(config: ObjectValue) {
  return { type: 't', prior, config, proposed: config };
}

describe('planFromSchema', () => {
  it('applies defaults and leaves computed values unknown on create', () => {
    const res = planFromSchema(partitions, { type: 't', prior: null, config: { name: 'orders' }, proposed: { name: 'orders' } });
    assert.equal(res.planned['partitions'], 6);
    assert.ok(isUnknown(res.planned['id']));
    assert.ok(isUnknown(res.planned['zone']));
    assert.equal(res.requiresReplace, undefined);
  });

  it('keeps prior computed values on update and honours replace-if', () => {
    const grow = planFromSchema(partitions, req({ name: 'orders', partitions: 12, zone: null }));
    assert.equal(grow.requiresReplace, undefined);
    assert.deepEqual(grow.planned, { id: 'x-1', name: 'orders', partitions: 12, zone: 'a' });
    const shrink = planFromSchema(partitions, req({ name: 'orders', partitions: 3, zone: null }));
    assert.deepEqual(shrink.requiresReplace, [{ path: 'partitions', reason: 'partitions can only grow' }]);
  });

  it('drops every computed value from the prior object when replacing', () => {
    const res = planFromSchema(partitions, req({ name: 'payments', partitions: 6, zone: null }));
    assert.deepEqual(res.requiresReplace, [{ path: 'name' }]);
    assert.ok(isUnknown(res.planned['id']));
    assert.ok(isUnknown(res.planned['zone']));
  });

  it('replaces when a replace attribute is not yet known', () => {
    const res = planFromSchema(partitions, req({ name: UNKNOWN, partitions: 6, zone: 'a' }));
    assert.deepEqual(res.requiresReplace, [{ path: 'name' }]);
    assert.equal(res.planned['zone'], 'a');
  });
});
