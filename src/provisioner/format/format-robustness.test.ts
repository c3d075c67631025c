import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatHcl } from './index.js';
import { FORMAT_CASES } from './format-test-cases.js';

/** Deterministic pseudo-random numbers, so a failure reproduces. */
function generator(seed: number): (n: number) => number {
  let state = seed;
  return (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
}

const FRAGMENTS = ['{', '}', '"', '${', '%{', '~', '\n', ' ', '#', '//', '/*', '*/', '<<EOT\n', 'EOT\n', '=', '(', ')', '[', ']', 'a', '-', '\\', '\r\n', ':', ',', '.'];

describe('formatHcl on damaged input', () => {
  it('never throws, never fails its self-check and is idempotent whenever it formats', () => {
    const rnd = generator(20261124);
    let formatted = 0;
    for (let i = 0; i < 1500; i++) {
      let text = FORMAT_CASES[rnd(FORMAT_CASES.length)]?.input ?? '';
      for (let m = 0; m <= rnd(4); m++) {
        const at = rnd(text.length + 1);
        text = rnd(2) === 0 ? text.slice(0, at) + (FRAGMENTS[rnd(FRAGMENTS.length)] ?? '') + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + rnd(3));
      }
      const once = formatHcl(text);
      assert.ok(!once.diagnostics.some((d) => d.code === 'format-self-check-failed'), JSON.stringify(text));
      if (once.diagnostics.length > 0) {
        assert.equal(once.output, text);
        continue;
      }
      formatted++;
      assert.equal(formatHcl(once.output).output, once.output, JSON.stringify(text));
    }
    assert.ok(formatted > 500, `only ${formatted} damaged inputs were formattable`);
  });
});
