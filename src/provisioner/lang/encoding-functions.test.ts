import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { err, table } from './lang-test-kit.test.js';

describe('encoding functions', () => {
  table(it, [
    ['${jsonencode({b = [1, true, null], a = "x"})}', '{"a":"x","b":[1,true,null]}'],
    ['${jsonencode("<&>")}', '"\\u003c\\u0026\\u003e"'],
    ['${jsondecode("{\\"a\\": [1, 2.5, \\"x\\"], \\"b\\": null}")}', { a: [1, 2.5, 'x'], b: null }],
    ['${yamlencode({b = 1, a = ["x", "y"]})}', '"a":\n- "x"\n- "y"\n"b": 1\n'],
    ['${yamldecode("a: 1\\nb: [x, true]\\n")}', { a: 1, b: ['x', true] }],
    ['${base64encode("héllo")}', 'aMOpbGxv'],
    ['${base64decode("aMOpbGxv")}', 'héllo'],
    ['${urlencode("a b&c=d/é")}', 'a+b%26c%3Dd%2F%C3%A9'],
    ['${textencodebase64("Hello World", "UTF-16LE")}', 'SABlAGwAbABvACAAVwBvAHIAbABkAA=='],
    ['${textdecodebase64("SABlAGwAbABvACAAVwBvAHIAbABkAA==", "UTF-16LE")}', 'Hello World'],
    ['${length(base64gzip("hello")) > 0}', true],
    ['${csvdecode("a,b\\n1,\\"x,y\\"\\n")}', [{ a: '1', b: 'x,y' }]],
  ]);
  it('jsondecode of bad JSON names the argument', () => {
    const d = err('${jsondecode("{")}');
    assert.equal(d.summary, 'Invalid function argument');
    assert.match(d.detail!, /"str" parameter \(argument 1 of jsondecode\): invalid JSON/);
  });
  it('base64decode of bad data fails', () => assert.match(err('${base64decode("***")}').detail!, /not valid base64/));
});

describe('hash functions', () => {
  table(it, [
    ['${md5("hello world")}', '5eb63bbbe01eeed093cb22bb8f5acdc3'],
    ['${sha1("hello world")}', '2aae6c35c94fcfb415dbe95f408b9ce91ee846ed'],
    ['${sha256("hello world")}', 'b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9'],
    ['${substr(sha512("hello world"), 0, 16)}', '309ecc489c12d6eb'],
    ['${base64sha256("hello world")}', 'uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek='],
    ['${uuid()}', 'b0e3a7c2-0000-4000-8000-000000000001'],
    ['${uuidv5("dns", "www.terraform.io")}', 'a5008fae-b28c-5ba5-96cd-82b4c53552d6'],
    ['${uuidv5("6ba7b811-9dad-11d1-80b4-00c04fd430c8", "https://www.terraform.io/")}', '9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5'],
  ]);
});
