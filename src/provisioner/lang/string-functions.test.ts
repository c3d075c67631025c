import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { err, table } from './lang-test-kit.test.js';

describe('string functions', () => {
  table(it, [
    ['${join("-", ["a", "b"], ["c"])}', 'a-b-c'],
    ['${join(",", [])}', ''],
    ['${split(",", "a,b,,c")}', ['a', 'b', '', 'c']],
    ['${replace("hello world", "o", "0")}', 'hell0 w0rld'],
    ['${replace("a1b22c", "/[0-9]+/", "#")}', 'a#b#c'],
    ['${replace("2024-05", "/(\\\\d+)-(\\\\d+)/", "$2/$1")}', '05/2024'],
    ['${lower("AbC")}', 'abc'],
    ['${upper("abc")}', 'ABC'],
    ['${title("hello world-wide")}', 'Hello World-Wide'],
    ['${trim("?!hello?!", "!?")}', 'hello'],
    ['${trimspace("  x \\n")}', 'x'],
    ['${trimprefix("helloworld", "hello")}', 'world'],
    ['${trimprefix("x", "hello")}', 'x'],
    ['${trimsuffix("helloworld", "world")}', 'hello'],
    ['${chomp("x\\n\\n")}', 'x'],
    ['${indent(2, "a\\nb")}', 'a\n  b'],
    ['${strrev("héllo")}', 'olléh'],
    ['${substr("hello world", 1, 4)}', 'ello'],
    ['${substr("hello", -3, -1)}', 'llo'],
    ['${substr("héllo", 1, 1)}', 'é'],
    ['${startswith("hello", "he")}', true],
    ['${endswith("hello", "he")}', false],
    ['${strcontains("hello", "ell")}', true],
    ['${upper(5)}', '5'],
  ]);
  it('join rejects non-string elements', () => {
    assert.match(err('${join(",", [[1]])}').detail!, /must be a string/);
  });
});

describe('format and formatlist', () => {
  table(it, [
    ['${format("Hello, %s!", "Ander")}', 'Hello, Ander!'],
    ['${format("%d items", 3)}', '3 items'],
    ['${format("%.2f", 3.14159)}', '3.14'],
    ['${format("%5d|%-5d|%05d", 42, 42, 42)}', '   42|42   |00042'],
    ['${format("%q", "x\\"y")}', '"x\\"y"'],
    ['${format("%v %v %v", "s", 1.5, true)}', 's 1.5 true'],
    ['${format("%#v", {a = [1]})}', '{"a":[1]}'],
    ['${format("%t", true)}', 'true'],
    ['${format("%x %X %o %b", 255, 255, 8, 5)}', 'ff FF 10 101'],
    ['${format("%+d", 5)}', '+5'],
    ['${format("100%%")}', '100%'],
    ['${format("%[2]s %[1]s", "a", "b")}', 'b a'],
    ['${format("%e", 1234.5)}', '1.234500e+03'],
    ['${formatlist("%s=%s", ["a", "b"], ["1", "2"])}', ['a=1', 'b=2']],
    ['${formatlist("x-%s", ["a", "b"])}', ['x-a', 'x-b']],
    ['${formatlist("%s/%s", "p", ["a", "b"])}', ['p/a', 'p/b']],
  ]);
  it('too few arguments', () => assert.match(err('${format("%s %s", "a")}').detail!, /not enough arguments/));
  it('wrong verb type', () => assert.match(err('${format("%d", "x")}').detail!, /number required/));
  it('formatlist length mismatch', () => assert.match(err('${formatlist("%s%s", ["a"], ["b", "c"])}').detail!, /same length/));
});

describe('regex functions', () => {
  table(it, [
    ['${regex("[a-z]+", "53453453.345345aaabbbccc23454")}', 'aaabbbccc'],
    ['${regex("^(\\\\d+)-(\\\\d+)$", "10-20")}', ['10', '20']],
    ['${regex("(?P<year>\\\\d{4})-(?P<month>\\\\d{2})", "2019-02")}', { year: '2019', month: '02' }],
    ['${regex("(?i)HELLO", "say hello")}', 'hello'],
    ['${regexall("[a-z]+", "1234abcd5678efgh9")}', ['abcd', 'efgh']],
    ['${length(regexall("x", "abc"))}', 0],
    ['${regexall("(\\\\w)=(\\\\d)", "a=1 b=2")}', [['a', '1'], ['b', '2']]],
  ]);
  it('no match is an error', () => assert.match(err('${regex("z", "abc")}').detail!, /did not match/));
  it('invalid pattern names the argument', () => assert.match(err('${regex("(", "abc")}').detail!, /"pattern" parameter.*invalid regular expression/));
});
