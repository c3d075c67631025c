import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { seededIds } from '../../../shared/index.js';
import { bcryptHash, bcryptSalt, bcryptWithSalt } from './bcrypt-hash.js';
import { piWords } from './blowfish-state.js';

// Expected values produced by libxcrypt's crypt(3), a reference bcrypt implementation.
const VECTORS: readonly (readonly [string, string])[] = [
  ['abc', '$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i'],
  ['', '$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s.'],
  ['héllo wörld', '$2a$04$abcdefghijklmnopqrstuuoBdBDlVJCNVm7DckjkZd/Pt.OXa4TsK'],
  ['x'.repeat(80), '$2a$05$0123456789abcdefghijkerZu8ooA/xdOZEsxWk7tCcxOTMUtJaCG'],
];

describe('bcrypt', () => {
  it('derives the Blowfish tables from pi', () => {
    const w = piWords(1042);
    assert.equal(w[0], 0x243f6a88); // P1
    assert.equal(w[17], 0x8979fb1b); // P18
    assert.equal(w[18], 0xd1310ba6); // S1[0]
    assert.equal(w[1041], 0x3ac372e6); // S4[255]
  });

  it('matches reference hashes, including UTF-8 and passwords over 72 bytes', () => {
    for (const [password, expected] of VECTORS) {
      const salt = bcryptSalt(expected);
      assert.ok(salt);
      const cost = Number(expected.slice(4, 6));
      assert.equal(bcryptWithSalt(password, salt, cost), expected, password);
    }
  });

  it('uses cost 10 and a fresh salt from the id source', () => {
    const h = bcryptHash('secret', seededIds(1));
    assert.match(h, /^\$2a\$10\$[./A-Za-z0-9]{53}$/);
    assert.notEqual(bcryptHash('secret', seededIds(2)), h);
    const salt = bcryptSalt(h);
    assert.ok(salt);
    assert.equal(bcryptWithSalt('secret', salt, 10), h);
  });
});
