import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { err, run, table } from './lang-test-kit.test.js';

describe('type conversion functions', () => {
  table(it, [
    ['${tostring(5)}', '5'],
    ['${tostring(true)}', 'true'],
    ['${tostring(null)}', null],
    ['${tonumber("1.5")}', 1.5],
    ['${tobool("true")}', true],
    ['${tolist(["a", 1])}', ['a', '1']],
    ['${toset(["b", "a", "b"])}', ['a', 'b']],
    ['${tomap({a = 1, b = "x"})}', { a: '1', b: 'x' }],
    ['${can(var.obj.a)}', true],
    ['${can(var.obj.zz)}', false],
    ['${try(var.obj.zz, var.obj.a)}', 1],
    ['${try(tonumber("x"), 0)}', 0],
    ['${issensitive(var.password)}', true],
    ['${issensitive(var.name)}', false],
  ]);
  it('tonumber of a word fails', () => assert.match(err('${tonumber("abc")}').detail!, /a number is required/));
  it('tostring of a list fails', () => assert.match(err('${tostring([])}').detail!, /cannot convert/));
  it('try with every expression failing lists the problems', () => {
    const d = err('${try(var.obj.zz, var.nope)}');
    assert.match(d.detail!, /no expression succeeded/);
    assert.match(d.detail!, /Unsupported attribute/);
    assert.match(d.detail!, /undeclared input variable/);
  });
  it('try keeps sensitivity of the chosen value', () => assert.equal(run('${try(var.password, "")}').value!.sensitive, true));
});
