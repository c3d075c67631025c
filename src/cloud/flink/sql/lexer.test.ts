import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lex } from './lexer.js';

function kinds(text: string): string[] {
  return lex(text).tokens.map((t) => `${t.kind}:${t.value}`);
}

describe('lexer', () => {
  it('keeps identifier case and upper-cases the keyword form', () => {
    const t = lex('select MyCol').tokens;
    assert.deepEqual(t.map((x) => [x.kind, x.value, x.upper]), [['word', 'select', 'SELECT'], ['word', 'MyCol', 'MYCOL'], ['eof', '', '']]);
  });

  it('reads $-prefixed and backquoted identifiers', () => {
    assert.deepEqual(kinds('$rowtime `$rowtime` `a``b` `with space`'), ['word:$rowtime', 'quoted:$rowtime', 'quoted:a`b', 'quoted:with space', 'eof:']);
  });

  it('reads strings, unicode strings and binary strings', () => {
    assert.deepEqual(kinds("'it''s' U&'\\263A\\\\' u&'\\+01F600' X'0a1B' x''"), ["string:it's", 'string:\u263A\\', 'string:\u{1F600}', 'binary:0A1B', 'binary:', 'eof:']);
  });

  it('reads numbers: integer, decimal, exponent', () => {
    assert.deepEqual(kinds('1 12.5 .5 1e3 2.5E-2 7.'), ['number:1', 'number:12.5', 'number:.5', 'number:1e3', 'number:2.5E-2', 'number:7.', 'eof:']);
  });

  it('reads multi-character operators first', () => {
    assert.deepEqual(kinds('a||b<>c!=d<=e>=f=>g.h;(i)[j],k%l'), [
      'word:a', 'op:||', 'word:b', 'op:<>', 'word:c', 'op:!=', 'word:d', 'op:<=', 'word:e', 'op:>=', 'word:f', 'op:=>', 'word:g',
      'op:.', 'word:h', 'op:;', 'op:(', 'word:i', 'op:)', 'op:[', 'word:j', 'op:]', 'op:,', 'word:k', 'op:%', 'word:l', 'eof:']);
  });

  it('skips comments but keeps hints as tokens with their inner position', () => {
    const r = lex("a -- line\n/* block\n */ b /*+ OPTIONS('k'='v') */ c");
    assert.deepEqual(r.tokens.map((t) => t.kind), ['word', 'word', 'hint', 'word', 'eof']);
    const hint = r.tokens[2];
    assert.equal(hint?.value, " OPTIONS('k'='v') ");
    assert.deepEqual(hint?.start, { line: 3, column: 7, offset: 25 });
    assert.deepEqual(hint?.innerStart, { line: 3, column: 10, offset: 28 });
  });

  it('tracks line, column and offset across lines', () => {
    const t = lex('SELECT\n  a,\r\n\tb').tokens;
    assert.deepEqual(t.map((x) => [x.start.line, x.start.column, x.start.offset]), [[1, 1, 0], [2, 3, 9], [2, 4, 10], [3, 2, 14], [3, 3, 15]]);
  });

  it('reports unterminated strings, comments and identifiers', () => {
    assert.deepEqual(lex("SELECT 'x").error?.pos, { line: 1, column: 8, offset: 7 });
    assert.ok(lex('/* x').error);
    assert.ok(lex('`abc').error);
    assert.match(lex("U&'\\12'").error?.message ?? '', /unicode/);
  });
});
