import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { functionNames, listFunctions, lookupFunction } from './function-registry.js';

describe('function registry', () => {
  it('lists every built-in once, sorted, with arity', () => {
    const names = functionNames();
    assert.deepEqual(names, [...new Set(names)].sort());
    for (const n of ['file', 'templatefile', 'jsonencode', 'yamldecode', 'format', 'regexall', 'lookup', 'try', 'can', 'setproduct', 'formatdate', 'nonsensitive', 'fileset']) {
      assert.ok(names.includes(n), n);
    }
    const lookup = listFunctions().find((f) => f.name === 'lookup');
    assert.deepEqual(lookup, { name: 'lookup', params: ['inputMap', 'key'], variadic: 'default', special: false });
    assert.equal(listFunctions().find((f) => f.name === 'try')?.special, true);
  });
  it('looks functions up by exact name', () => {
    assert.equal(lookupFunction('upper')?.name, 'upper');
    assert.equal(lookupFunction('Upper'), undefined);
  });
});
