import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arrayType, decimalType, intType, rowType, stringType, timestampType } from '../types/index.js';
import { call } from './test-support.js';
import { compileJsonValue } from './index.js';
import { testContext } from './test-support.js';

const DOC = '{"a": {"b": [1, 2, {"c": "x"}]}, "n": null, "s": "str", "t": true, "num": 1.5}';

test('JSON_VALUE paths', () => {
  const cases: [string, unknown][] = [
    ['$.s', 'str'], ['$.num', '1.5'], ['$.t', 'true'], ['$.a.b[0]', '1'], ['$.a.b[2].c', 'x'], ["$['a']['b'][1]", '2'],
    ['$.n', null], ['$.missing', null], ['$.a', null], ['lax $.missing', null], ['strict $.a.b[9]', null], ['lax $.a.b.c', 'x'],
  ];
  for (const [p, want] of cases) assert.equal(call('JSON_VALUE', [DOC, p]), want, p);
  assert.equal(call('JSON_VALUE', ['not json', '$.a']), null);
  assert.equal(call('JSON_VALUE', [DOC, '$.missing', 'DEFAULT', 'dflt']), null, 'strict missing member is an error, not empty');
  assert.equal(call('JSON_VALUE', [DOC, 'lax $.missing', 'DEFAULT', 'dflt']), 'dflt');
  assert.equal(call('JSON_VALUE', [DOC, '$.missing', 'NULL', null, 'DEFAULT', 'err']), 'err');
  assert.throws(() => call('JSON_VALUE', [DOC, '$.a', 'NULL', null, 'ERROR', null]), /scalar/);
});

test('JSON_VALUE RETURNING converts and routes failures to ON ERROR', () => {
  const ctx = testContext();
  const asInt = compileJsonValue({ returning: intType(), ctx, pathLiteral: '$.a.b[1]' });
  assert.equal(asInt.fn(DOC, '$.a.b[1]'), 2);
  const bad = compileJsonValue({ returning: intType(), ctx, onError: { kind: 'DEFAULT', value: -1 }, pathLiteral: '$.s' });
  assert.equal(bad.fn(DOC, '$.s'), -1);
});

test('JSON_QUERY wrappers', () => {
  assert.equal(call('JSON_QUERY', [DOC, '$.a']), '{"b":[1,2,{"c":"x"}]}');
  assert.equal(call('JSON_QUERY', [DOC, '$.a.b']), '[1,2,{"c":"x"}]');
  assert.equal(call('JSON_QUERY', [DOC, '$.s']), null);
  assert.equal(call('JSON_QUERY', [DOC, '$.s', 'CONDITIONAL']), '["str"]');
  assert.equal(call('JSON_QUERY', [DOC, '$.a.b', 'CONDITIONAL']), '[1,2,{"c":"x"}]');
  assert.equal(call('JSON_QUERY', [DOC, '$.a.b', 'UNCONDITIONAL']), '[[1,2,{"c":"x"}]]');
  assert.equal(call('JSON_QUERY', [DOC, '$.a.b[*]', 'UNCONDITIONAL']), '[1,2,{"c":"x"}]');
  assert.equal(call('JSON_QUERY', [DOC, 'lax $.zzz', 'WITHOUT', 'EMPTY ARRAY']), '[]');
  assert.equal(call('JSON_QUERY', [DOC, '$.s', 'WITHOUT', 'NULL', 'EMPTY OBJECT']), '{}');
});

test('JSON_EXISTS and IS JSON', () => {
  assert.equal(call('JSON_EXISTS', [DOC, '$.a.b']), true);
  assert.equal(call('JSON_EXISTS', [DOC, '$.zzz']), false);
  assert.equal(call('JSON_EXISTS', [DOC, 'lax $.zzz']), false);
  assert.equal(call('JSON_EXISTS', [DOC, 'strict $.a.b[9]', 'TRUE']), true);
  assert.equal(call('JSON_EXISTS', ['{', '$', 'UNKNOWN']), null);
  assert.equal(call('IS JSON', ['{"a":1}']), true);
  assert.equal(call('IS JSON', ['{a:1}']), false);
  assert.equal(call('IS JSON SCALAR', ['1']), true);
  assert.equal(call('IS JSON OBJECT', ['[1]']), false);
  assert.equal(call('IS JSON ARRAY', ['[1]']), true);
  assert.equal(call('IS JSON', [[null, stringType()]]), false);
});

test('JSON construction', () => {
  assert.equal(call('JSON_OBJECT', ['NULL', 'k', 1, 'n', [null, intType()]]), '{"k":1,"n":null}');
  assert.equal(call('JSON_OBJECT', ['ABSENT', 'k', 'v', 'n', [null, intType()]]), '{"k":"v"}');
  assert.equal(call('JSON_ARRAY', ['ABSENT', 1, [null, intType()], 'a', true]), '[1,"a",true]');
  assert.equal(call('JSON_ARRAY', ['NULL', [null, intType()]]), '[null]');
  const inner = call('JSON_OBJECT', ['NULL', 'a', 1]) as string;
  assert.equal(call('JSON_OBJECT', ['NULL', 'k', inner], { rawJson: [false, false, true] }), '{"k":{"a":1}}');
  assert.equal(call('JSON_OBJECT', ['NULL', 'k', inner]), '{"k":"{\\"a\\":1}"}');
  assert.equal(call('JSON_ARRAY', ['ABSENT', call('JSON', ['[1,2]'])], { rawJson: [false, true] }), '[[1,2]]');
  assert.throws(() => call('JSON', ['{bad']), /Invalid JSON/);
  assert.equal(call('JSON_STRING', [[[1, 'a'], rowType([['x', intType()], ['y', stringType()]])]]), '{"x":1,"y":"a"}');
  assert.equal(call('JSON_STRING', [[[1, null], arrayType(intType())]]), '[1,null]');
  assert.equal(call('JSON_STRING', [[150n, decimalType(5, 2)]]), '1.50');
  assert.equal(call('JSON_STRING', [[Date.UTC(1990, 5, 2, 13, 37, 42, 1), timestampType(3)]]), '"1990-06-02T13:37:42.001"');
  assert.equal(call('JSON_STRING', [[null, intType()]]), null);
  assert.equal(call('JSON_QUOTE', ['a"b']), '"a\\"b"');
  assert.equal(call('JSON_UNQUOTE', ['"a\\"b"']), 'a"b');
  assert.equal(call('JSON_UNQUOTE', ['abc']), 'abc');
});
