import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { err, table } from './lang-test-kit.test.js';

describe('collection functions', () => {
  table(it, [
    ['${length(var.list)}', 3],
    ['${length(var.tags)}', 2],
    ['${length("héllo")}', 5],
    ['${concat(["a"], ["b", "c"], [])}', ['a', 'b', 'c']],
    ['${merge({a = 1, b = 2}, {b = 3}, null)}', { a: 1, b: 3 }],
    ['${flatten([["a", "b"], [], ["c", ["d"]]])}', ['a', 'b', 'c', 'd']],
    ['${distinct(["a", "b", "a", "c"])}', ['a', 'b', 'c']],
    ['${contains(["a", "b"], "b")}', true],
    ['${contains([1, 2], 3)}', false],
    ['${keys({b = 1, a = 2})}', ['a', 'b']],
    ['${values({b = 1, a = 2})}', [2, 1]],
    ['${lookup(var.tags, "env", "x")}', 'prod'],
    ['${lookup(var.tags, "nope", "x")}', 'x'],
    ['${element(["a", "b", "c"], 4)}', 'b'],
    ['${index(["a", "b"], "b")}', 1],
    ['${coalesce(null, "", "b")}', 'b'],
    ['${coalesce(1, 2)}', 1],
    ['${coalescelist([], ["a"])}', ['a']],
    ['${compact(["a", "", null, "b"])}', ['a', 'b']],
    ['${range(3)}', [0, 1, 2]],
    ['${range(1, 4)}', [1, 2, 3]],
    ['${range(10, 0, -3)}', [10, 7, 4, 1]],
    ['${range(0, 1, 0.25)}', [0, 0.25, 0.5, 0.75]],
    ['${zipmap(["a", "b"], [1, 2])}', { a: 1, b: 2 }],
    ['${one([])}', null],
    ['${one(["x"])}', 'x'],
    ['${alltrue([true, "true"])}', true],
    ['${alltrue([])}', true],
    ['${anytrue([false, true])}', true],
    ['${sort(["b", "a", "C"])}', ['C', 'a', 'b']],
    ['${reverse([1, 2, 3])}', [3, 2, 1]],
    ['${slice(["a", "b", "c", "d"], 1, 3)}', ['b', 'c']],
    ['${chunklist(["a", "b", "c"], 2)}', [['a', 'b'], ['c']]],
    ['${transpose({a = ["1", "2"], b = ["2", "3"]})}', { 1: ['a'], 2: ['a', 'b'], 3: ['b'] }],
    ['${matchkeys(["i-1", "i-2", "i-3"], ["a", "b", "c"], ["a", "c"])}', ['i-1', 'i-3']],
    ['${setunion(["a", "b"], ["b", "c"])}', ['a', 'b', 'c']],
    ['${setintersection(["a", "b"], ["b", "c"])}', ['b']],
    ['${setsubtract(["a", "b", "c"], ["a"])}', ['b', 'c']],
    ['${setproduct(["a", "b"], [1, 2])}', [['a', 1], ['a', 2], ['b', 1], ['b', 2]]],
    ['${max(var.nums...)}', 3],
  ]);
  it('lookup without default on a missing key fails', () => {
    assert.match(err('${lookup(var.tags, "nope")}').detail!, /does not exist/);
  });
  it('element on an empty list fails', () => assert.match(err('${element([], 0)}').detail!, /empty list/));
  it('index of a missing item fails', () => assert.equal(err('${index(["a"], "z")}').summary, 'Error in function call'));
  it('coalesce with nothing usable fails', () => assert.match(err('${coalesce(null, "")}').detail!, /no non-null/));
  it('one with two elements fails', () => assert.match(err('${one([1, 2])}').detail!, /zero or one/));
  it('length of a number fails naming the argument', () => assert.match(err('${length(5)}').detail!, /"value" parameter \(argument 1 of length\)/));
  it('zipmap length mismatch', () => assert.match(err('${zipmap(["a"], [])}').detail!, /does not match/));
  it('expanding a non-list fails', () => assert.equal(err('${max(var.n...)}').summary, 'Invalid expanding argument value'));
});

describe('numeric functions', () => {
  table(it, [
    ['${min(3, 1, 2)}', 1],
    ['${max(3, "7", 2)}', 7],
    ['${abs(-2.5)}', 2.5],
    ['${ceil(1.2)}', 2],
    ['${floor(-1.2)}', -2],
    ['${signum(-9)}', -1],
    ['${pow(2, 10)}', 1024],
    ['${log(8, 2)}', 3],
    ['${sum([1, 2, 3.5])}', 6.5],
    ['${parseint("ff", 16)}', 255],
    ['${parseint("-101", 2)}', -5],
    ['${parseint("zz", 36)}', 1295],
  ]);
  it('parseint rejects bad digits', () => assert.match(err('${parseint("12", 2)}').detail!, /cannot parse/));
  it('min needs arguments', () => assert.match(err('${min()}').detail!, /at least one/));
  it('abs of a word names the parameter', () => assert.match(err('${abs("x")}').detail!, /"num" parameter.*a number is required/));
});
