import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RegexStringGenerator } from './regex-string-generator.js';
import { RandomSource } from './random-source.js';
import { parseRegex, RegexSyntaxError } from './regex-parser.js';

function samples(pattern: string, n: number, min = 8, max = 15): string[] {
  const g = new RegexStringGenerator(pattern);
  const rng = new RandomSource(11);
  return Array.from({ length: n }, () => g.generate(rng, min, max));
}

test('every pattern used by the quickstarts yields full matches', () => {
  const patterns = [
    'Page_[1-9][0-9]', 'Region_[1-9]', 'User_[1-9]', 'User_[1-9]{0,1}', '[1-9]{1}[0-9]{2}', '[1-9]{1}[0-9]{6}', '[A-Z][1-9]{8,8}',
    '[A-Z]{2}\\d{6}[A-Z]', '[A-Z]{5,8}', '[a-z ]{10,15}', '[a-zA-Z]{5,8}', '[a-z]{5}', '\\[[0-9][0-9],[0-9][0-9]\\]',
    'https://www[.]acme[.]com/product/[a-z]{5}', 'lab-\\d{1}', 'City_[1-9]{0,2}', 'Item_[1-9][0-9]{0,2}', 'State_[1-9]{0,2}',
  ];
  for (const p of patterns) {
    const re = new RegExp(`^(?:${p})$`);
    for (const s of samples(p, 200)) assert.match(s, re, `pattern ${p}`);
  }
});

test('the shoe clickstream page_url is the product URL plus five lowercase letters', () => {
  const urls = samples('https://www[.]acme[.]com/product/[a-z]{5}', 300);
  for (const u of urls) assert.match(u, /^https:\/\/www\.acme\.com\/product\/[a-z]{5}$/);
  assert.ok(new Set(urls).size > 250);
});

test('lengths inside the bounds are chosen when the pattern allows them', () => {
  for (const s of samples('[a-z]*', 200, 10, 10)) assert.equal(s.length, 10);
  const lens = new Set(samples('[a-z ]{10,15}', 500).map((s) => s.length));
  assert.deepEqual([...lens].sort((a, b) => a - b), [10, 11, 12, 13, 14, 15]);
  for (const s of samples('x+', 100, 3, 5)) assert.ok(s.length >= 3 && s.length <= 5);
});

test('when no match fits the bounds the closest length wins (short literals stay whole)', () => {
  for (const s of samples('User_[1-9]', 50)) assert.match(s, /^User_[1-9]$/);
  for (const s of samples('City_[1-9]{0,2}', 50)) assert.match(s, /^City_[1-9]{2}$/);
  for (const s of samples('[a-z]{20}', 20)) assert.equal(s.length, 20);
});

test('groups, alternation, escapes and negated classes', () => {
  for (const s of samples('(GET|POST) /(a|bb)\\?q=\\w{2}[^a-z]', 200, 0, 30)) assert.match(s, /^(GET|POST) \/(a|bb)\?q=\w{2}[^a-z]$/);
  for (const s of samples('(?:ab){2,3}\\.\\d+', 200, 0, 12)) assert.match(s, /^(?:ab){2,3}\.\d+$/);
});

test('malformed patterns are syntax errors', () => {
  for (const p of ['(ab', 'ab)', '[a-', '*a', '[z-a]']) assert.throws(() => parseRegex(p), RegexSyntaxError, p);
});
