import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseGoDuration, validateGoDuration } from './go-duration.js';

describe('parseGoDuration', () => {
  it('parses Go duration strings to milliseconds', () => {
    assert.equal(parseGoDuration('30s'), 30_000);
    assert.equal(parseGoDuration('1m30s'), 90_000);
    assert.equal(parseGoDuration('1.5h'), 5_400_000);
    assert.equal(parseGoDuration('2h45m'), 9_900_000);
    assert.equal(parseGoDuration('50ms'), 50);
    assert.equal(parseGoDuration('1500us'), 1.5);
    assert.equal(parseGoDuration('-2m'), -120_000);
    assert.equal(parseGoDuration('0'), 0);
  });

  it('rejects what Go rejects', () => {
    for (const bad of ['', '30', 's', '1d', '1 m', '1m 30s', '5sec', '1.2.3s', 'abc']) assert.equal(parseGoDuration(bad), undefined, bad);
    assert.match(validateGoDuration('5 minutes') ?? '', /not a valid duration/);
    assert.equal(validateGoDuration('5m'), undefined);
  });
});
