import { test } from 'node:test';
import assert from 'node:assert/strict';
import { T, UNKNOWN } from '../lang/index.js';
import type { BlockSchema } from '../provider/index.js';
import { applyIgnoreChanges, getPath, pathSteps, proposeNewState, setPath } from './propose.js';

const schema: BlockSchema = {
  attributes: {
    name: { type: T.string, required: true },
    config: { type: T.map(T.string), optional: true, computed: true },
    id: { type: T.string, computed: true },
  },
};

test('create: computed attributes are unknown; configured values win', () => {
  assert.deepEqual(proposeNewState(schema, null, { name: 'a', config: null, id: null }), { name: 'a', config: UNKNOWN, id: UNKNOWN });
});

test('update: unset computed attributes keep their prior values', () => {
  const prior = { name: 'a', config: { 'retention.ms': '1' }, id: 'x' };
  assert.deepEqual(proposeNewState(schema, prior, { name: 'b', config: null, id: null }), { name: 'b', config: { 'retention.ms': '1' }, id: 'x' });
});

test('ignore_changes keeps prior values at the listed paths', () => {
  const prior = { name: 'a', config: { a: '1', b: '2' }, id: 'x' };
  const planned = { name: 'b', config: { a: '9', b: '2' }, id: 'x' };
  assert.deepEqual(applyIgnoreChanges(planned, prior, ['name', 'config["a"]'], schema), prior);
  assert.deepEqual(applyIgnoreChanges(planned, prior, 'all', schema), prior);
});

test('paths: parse, get and set', () => {
  assert.deepEqual(pathSteps('a.b[0]["c.d"]'), ['a', 'b', 0, 'c.d']);
  const v = { a: { b: [{ 'c.d': 1 }] } };
  assert.equal(getPath(v, pathSteps('a.b[0]["c.d"]')), 1);
  assert.deepEqual(setPath(v, pathSteps('a.b[0]["c.d"]'), 2), { a: { b: [{ 'c.d': 2 }] } });
});
