import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bytesType, intType, stringType } from '../types/index.js';
import { call } from './test-support.js';

const S = stringType();

test('string function table', () => {
  const cases: [string, unknown[], unknown][] = [
    ['SUBSTRING', ['hello', -2], 'lo'],
    ['SUBSTRING', ['hello', 2, 3], 'ell'],
    ['SUBSTRING', ['hello', 0, 2], 'he'],
    ['SUBSTRING', ['hello', 10], ''],
    ['SUBSTRING', ['hello', -10, 7], ''],
    ['SUBSTRING', ['hello', 2, -1], null],
    ['SUBSTRING', ['hello', 4, 10], 'lo'],
    ['SUBSTR', ['hello', 2], 'ello'],
    ['CONCAT', ['a', 'b', 'c'], 'abc'],
    ['CONCAT', ['a', [null, S]], null],
    ['||', ['a', 'b'], 'ab'],
    ['CONCAT_WS', ['-', 'a', [null, S], 'b'], 'a-b'],
    ['CONCAT_WS', [[null, S], 'a'], null],
    ['CHAR_LENGTH', ['héllo'], 5],
    ['UPPER', ['abc'], 'ABC'],
    ['LOWER', ['ABC'], 'abc'],
    ['ASCII', ['A'], 65],
    ['ASCII', [''], 0],
    ['CHR', [65], 'A'],
    ['CHR', [321], 'A'],
    ['INITCAP', ['hello wORLD-foo'], 'Hello World-Foo'],
    ['REVERSE', ['abc'], 'cba'],
    ['REPEAT', ['ab', 3], 'ababab'],
    ['REPEAT', ['ab', -1], ''],
    ['REPLACE', ['hello world', 'o', '0'], 'hell0 w0rld'],
    ['REPLACE', ['abc', '', '-'], '-a-b-c-'],
    ['INSTR', ['abcabc', 'bc', 3], 5],
    ['INSTR', ['abcabc', 'bc', 1, 2], 5],
    ['INSTR', ['abcabc', 'bc', -1], 5],
    ['SPLIT_INDEX', ['', ',', 0], null],
    ['POSITION', ['lo', 'hello'], 4],
    ['INSTR', ['hello', 'lo'], 4],
    ['LOCATE', ['l', 'hello'], 3],
    ['LOCATE', ['l', 'hello', 4], 4],
    ['LOCATE', ['z', 'hello'], 0],
    ['LEFT', ['hello', 2], 'he'],
    ['RIGHT', ['hello', 2], 'lo'],
    ['LEFT', ['hello', -1], ''],
    ['OVERLAY', ['This is an old string', ' new', 11, 4], 'This is an new string'],
    ['OVERLAY', ['abc', 'XY', 0], 'abc'],
    ['OVERLAY', ['abcdef', 'XY', 5, 5], 'abcdXY'],
    ['OVERLAY', ['abcdef', 'XY', 2], 'aXYdef'],
    ['SPLIT_INDEX', ['a,b,c', ',', 1], 'b'],
    ['SPLIT_INDEX', ['a,b,c', ',', 3], null],
    ['SPLIT_INDEX', ['a,b,c', ',', -1], null],
    ['TRANSLATE', ['abcabc', 'ab', 'x'], 'xcxc'],
    ['ELT', [2, 'a', 'b', 'c'], 'b'],
    ['ELT', [4, 'a', 'b', 'c'], null],
    ['LTRIM', ['  ab  '], 'ab  '],
    ['RTRIM', ['  ab  '], '  ab'],
    ['BTRIM', ['xxabxx', 'x'], 'ab'],
    ['TRIM', ['  ab  '], 'ab'],
    ['TRIM', ['LEADING', 'x', 'xxabxx'], 'abxx'],
    ['TRIM', ['TRAILING', 'x', 'xxabxx'], 'xxab'],
    ['LPAD', ['hi', 4, '??'], '??hi'],
    ['LPAD', ['hi', 1, '??'], 'h'],
    ['RPAD', ['hi', 5, 'ab'], 'hiaba'],
    ['LPAD', ['hi', -1, '?'], null],
    ['LPAD', ['hi', 1, ''], null],
    ['RPAD', ['hi', 0, 'x'], ''],
    ['TO_BASE64', ['hello world'], 'aGVsbG8gd29ybGQ='],
    ['FROM_BASE64', ['aGVsbG8gd29ybGQ='], 'hello world'],
    ['URL_ENCODE', ['a b&c=d/é'], 'a+b%26c%3Dd%2F%C3%A9'],
    ['URL_DECODE', ['a+b%26c'], 'a b&c'],
    ['URL_DECODE', ['%zz'], null],
    ['PARSE_URL', ['http://user:pw@facebook.com:8080/path/p1.php?query=1&k2=v2#Ref1', 'HOST'], 'facebook.com'],
    ['PARSE_URL', ['http://facebook.com/path/p1.php?query=1&k2=v2#Ref1', 'PATH'], '/path/p1.php'],
    ['PARSE_URL', ['http://facebook.com/path/p1.php?query=1&k2=v2#Ref1', 'QUERY'], 'query=1&k2=v2'],
    ['PARSE_URL', ['http://facebook.com/path/p1.php?query=1&k2=v2#Ref1', 'QUERY', 'k2'], 'v2'],
    ['PARSE_URL', ['http://facebook.com/path/p1.php?query=1&k2=v2#Ref1', 'REF'], 'Ref1'],
    ['PARSE_URL', ['http://facebook.com/path/p1.php?query=1#Ref1', 'PROTOCOL'], 'http'],
    ['PARSE_URL', ['http://facebook.com/path/p1.php?query=1#Ref1', 'FILE'], '/path/p1.php?query=1'],
    ['PARSE_URL', ['http://user:pw@facebook.com:8080/p', 'AUTHORITY'], 'user:pw@facebook.com:8080'],
    ['PARSE_URL', ['http://user:pw@facebook.com:8080/p', 'USERINFO'], 'user:pw'],
    ['LIKE', ['hello', 'h%o'], true],
    ['LIKE', ['hello', 'h_llo'], true],
    ['LIKE', ['hello', 'H%'], false],
    ['LIKE', ['100%', '100!%', '!'], true],
    ['LIKE', ['100x', '100!%', '!'], false],
    ['LIKE', ['a.c', 'a.c'], true],
    ['LIKE', ['abc', 'a.c'], false],
    ['LIKE', ['hello', 'he%'], true],
    ['NOT LIKE', ['hello', 'he%'], false],
    ['SIMILAR TO', ['abc', '(a|b)%'], true],
    ['SIMILAR TO', ['xbc', '(a|b)%'], false],
    ['REGEXP', ['hello42', '\\d+'], true],
    ['REGEXP_EXTRACT', ['foothebar', 'foo(.*?)(bar)', 2], 'bar'],
    ['REGEXP_EXTRACT', ['foothebar', 'foo(.*?)(bar)', 1], 'the'],
    ['REGEXP_EXTRACT', ['foothebar', 'foo(.*?)(bar)'], 'foothebar'],
    ['REGEXP_EXTRACT', ['foothebar', 'foo(.*?)(bar)', 3], null],
    ['REGEXP_EXTRACT', ['foothebar', 'xyz(.)'], null],
    ['REGEXP_REPLACE', ['foobar', 'oo|ar', ''], 'fb'],
    ['REGEXP_REPLACE', ['2024-01-02', '(\\d+)-(\\d+)-(\\d+)', '$3/$2/$1'], '$3/$2/$1'],
    ['REGEXP', ['abc', ''], false],
    ['REGEXP', ['abc', '('], false],
    ['REGEXP_REPLACE', ['a.b', '\\Q.\\E', '-'], 'a-b'],
    ['REGEXP', ['ABC', '(?i)abc'], true],
    ['REGEXP', ['abc', '\\p{Alpha}+'], true],
  ];
  for (const [name, args, expected] of cases) {
    assert.deepEqual(call(name, args), expected, `${name}(${args.map((a) => JSON.stringify(a)).join(', ')})`);
  }
});

test('NULL in gives NULL out for strict string functions', () => {
  for (const name of ['UPPER', 'LOWER', 'CHAR_LENGTH', 'REVERSE', 'TO_BASE64', 'MD5', 'INITCAP']) {
    assert.equal(call(name, [[null, S]]), null, name);
  }
  assert.equal(call('SUBSTRING', [[null, S], 1]), null);
  assert.equal(call('SUBSTRING', ['abc', [null, intType()]]), null);
});

test('non-literal patterns compile per row', () => {
  assert.equal(call('LIKE', ['hello', 'h%'], { literals: false }), true);
  assert.equal(call('REGEXP_EXTRACT', ['a1b22', '(\\d+)', 1], { literals: false }), '1');
});

test('ENCODE and DECODE with charsets', () => {
  const e = call('ENCODE', ['é', 'UTF-8']) as Uint8Array;
  assert.deepEqual([...e], [0xc3, 0xa9]);
  assert.deepEqual([...(call('ENCODE', ['é', 'ISO-8859-1']) as Uint8Array)], [0xe9]);
  assert.deepEqual([...(call('ENCODE', ['A', 'UTF-16BE']) as Uint8Array)], [0, 65]);
  assert.deepEqual([...(call('ENCODE', ['A', 'UTF-16']) as Uint8Array)], [0xfe, 0xff, 0, 65]);
  assert.equal(call('DECODE', [[new Uint8Array([0, 65]), bytesType()], 'UTF-16BE']), 'A');
  assert.equal(call('DECODE', [[new Uint8Array([65, 0]), bytesType()], 'UTF-16LE']), 'A');
  assert.equal(call('DECODE', [[new Uint8Array([0xe9]), bytesType()], 'ISO-8859-1']), 'é');
  assert.equal(call('ENCODE', ['a', 'EBCDIC']), null);
});

test('STR_TO_MAP splits entries and keys', () => {
  assert.deepEqual(call('STR_TO_MAP', ['a=1,b=2,c']), new Map<unknown, unknown>([['a', '1'], ['b', '2'], ['c', null]]));
  assert.deepEqual(call('STR_TO_MAP', ['a:1;b:2', ';', ':']), new Map([['a', '1'], ['b', '2']]));
  assert.deepEqual(call('STR_TO_MAP', ['']), new Map());
  assert.deepEqual(call('STR_TO_MAP', ['a=1,,']), new Map([['a', '1']]));
});

test('hash functions return lower-case hex', () => {
  assert.equal(call('MD5', ['hello']), '5d41402abc4b2a76b9719d911017c592');
  assert.equal(call('SHA1', ['hello']), 'aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d');
  assert.equal(call('SHA256', ['hello']), '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
  assert.equal(call('SHA2', ['hello', 256]), call('SHA256', ['hello']));
  assert.equal(call('SHA2', ['hello', 100]), null);
  assert.equal((call('SHA512', ['hello']) as string).length, 128);
});
