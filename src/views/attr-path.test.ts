import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { coveredBy, parseAttrPath, pathIn } from './attr-path.js';

describe('attr-path', () => {
  it('parses dotted, quoted-key and index steps', () => {
    assert.deepEqual(parseAttrPath('config["cleanup.policy"]'), ['config', 'cleanup.policy']);
    assert.deepEqual(parseAttrPath('keepers.a'), ['keepers', 'a']);
    assert.deepEqual(parseAttrPath('credentials[0].secret'), ['credentials', 0, 'secret']);
    assert.deepEqual(parseAttrPath('m["a]\\"b"]'), ['m', 'a]"b']);
  });

  it('treats a path as covered by any ancestor and matches either key spelling', () => {
    assert.ok(coveredBy([['credentials']], ['credentials', 0, 'secret']));
    assert.ok(!coveredBy([['credentials', 0, 'secret']], ['credentials']));
    assert.ok(pathIn([parseAttrPath('keepers.a')], parseAttrPath('keepers["a"]')));
    assert.ok(pathIn([parseAttrPath('tags[0]')], ['tags', 0]));
  });
});
