import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { convertToType } from './convert-to-type.js';
import { parseTypeExpression } from './type-expression.js';
import { T, typeString, type Type } from './types.js';
import { UNKNOWN, type Value } from './value.js';

function typeOf(text: string): Type {
  const r = parseTypeExpression(text, { file: 'variables.tf' });
  assert.deepEqual(r.diagnostics, []);
  return r.value!;
}

function convert(value: Value, text: string): Value {
  const r = convertToType(value, typeOf(text));
  assert.deepEqual(r.diagnostics, []);
  return r.value!;
}

function convertErr(value: Value, text: string): string {
  const r = convertToType(value, typeOf(text));
  assert.equal(r.value, undefined);
  return r.diagnostics[0]!.detail!;
}

describe('type constraints: parsing', () => {
  const cases: [string, string][] = [
    ['${string}', 'string'],
    ['${number}', 'number'],
    ['${bool}', 'bool'],
    ['${any}', 'any'],
    ['${list(string)}', 'list(string)'],
    ['${set(number)}', 'set(number)'],
    ['${map(object({ a = string }))}', 'map(object({a=string}))'],
    ['${tuple([string, number])}', 'tuple([string, number])'],
    ['${object({ b = list(bool), a = string })}', 'object({a=string, b=list(bool)})'],
    ['string', 'string'],
  ];
  for (const [text, expected] of cases) it(text, () => assert.equal(typeString(typeOf(text)), expected));
  it('optional attributes record their defaults', () => {
    assert.deepEqual(typeOf('${object({ a = string, b = optional(number, 3), c = optional(list(string)) })}'), {
      kind: 'object', attributes: { a: T.string, b: T.number, c: T.list(T.string) }, optional: { b: { default: 3 }, c: {} },
    });
  });
  it('rejects unknown keywords with a range', () => {
    const r = parseTypeExpression('${strin}', { file: 'variables.tf' });
    assert.equal(r.diagnostics[0]!.code, 'invalid-type-constraint');
    assert.match(r.diagnostics[0]!.detail!, /"strin" is not a valid type/);
    assert.equal(r.diagnostics[0]!.range!.file, 'variables.tf');
  });
  it('rejects list without an element type', () => {
    assert.match(parseTypeExpression('${list}', { file: 'v.tf' }).diagnostics[0]!.detail!, /requires one argument/);
  });
  it('rejects a default that does not fit', () => {
    assert.match(parseTypeExpression('${object({ a = optional(number, "x") })}', { file: 'v.tf' }).diagnostics[0]!.detail!, /Invalid default value/);
  });
});

describe('type constraints: conversion', () => {
  it('converts primitives', () => {
    assert.equal(convert(5, 'string'), '5');
    assert.equal(convert('5', 'number'), 5);
    assert.equal(convert('true', 'bool'), true);
    assert.equal(convert(true, 'string'), 'true');
  });
  it('passes null and unknown through', () => {
    assert.equal(convert(null, '${list(string)}'), null);
    assert.equal(convert(UNKNOWN, '${number}'), UNKNOWN);
    assert.deepEqual(convert(['a', UNKNOWN], '${list(string)}'), ['a', UNKNOWN]);
  });
  it('any keeps the value', () => assert.deepEqual(convert({ a: [1] }, 'any'), { a: [1] }));
  it('tuples become lists and sets (deduplicated)', () => {
    assert.deepEqual(convert([1, 2], '${list(string)}'), ['1', '2']);
    assert.deepEqual(convert(['b', 'a', 'b'], '${set(string)}'), ['a', 'b']);
  });
  it('objects become maps', () => assert.deepEqual(convert({ a: 1 }, '${map(string)}'), { a: '1' }));
  it('fills optional attributes with defaults or null, drops extras', () => {
    assert.deepEqual(convert({ a: 'x', extra: 1 }, '${object({ a = string, b = optional(number, 3), c = optional(string) })}'), { a: 'x', b: 3, c: null });
  });
  it('applies nested defaults inside collections', () => {
    assert.deepEqual(convert({ k: {} }, '${map(object({ p = optional(number, 6) }))}'), { k: { p: 6 } });
  });
  it('a missing required attribute is an error', () => {
    assert.equal(convertErr({ b: 1 }, '${object({ a = string, b = number })}'), 'attribute "a" is required');
  });
  it('errors name the path and the expected type', () => {
    assert.equal(convertErr({ a: 'x', b: 'nope' }, '${object({ a = string, b = number })}'), '.b: a number is required, but have "nope"');
    assert.equal(convertErr({ m: { k: [true, 'x'] } }, '${object({ m = map(list(bool)) })}'), '.m["k"][1]: a bool is required, but have "x"');
    assert.equal(convertErr('x', '${list(string)}'), 'list(string) required, but have string');
    assert.equal(convertErr([1], '${tuple([number, number])}'), 'tuple required with 2 elements, but have 1 elements');
  });
});

describe('typeString', () => {
  it('renders optional attributes', () => {
    assert.equal(typeString(typeOf('${object({ b = optional(number, 3), a = string })}')), 'object({a=string, b=optional(number)})');
  });
});
