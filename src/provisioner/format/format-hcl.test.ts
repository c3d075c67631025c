import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatHcl } from './index.js';
import { FORMAT_CASES } from './format-test-cases.js';

describe('formatHcl: case table', () => {
  for (const c of FORMAT_CASES) {
    it(c.name, () => {
      const result = formatHcl(c.input, { file: 'case.tf' });
      assert.deepEqual(result.diagnostics, []);
      assert.equal(result.output, c.expected);
      assert.equal(result.changed, c.input !== c.expected);
    });
  }
});

describe('formatHcl: idempotence', () => {
  it('formatting formatted output changes nothing, for every case', () => {
    for (const c of FORMAT_CASES) {
      const once = formatHcl(c.input).output;
      const twice = formatHcl(once);
      assert.equal(twice.output, once, c.name);
      assert.equal(twice.changed, false, c.name);
    }
  });

  it('is idempotent with blankLines: keep too', () => {
    for (const c of FORMAT_CASES) {
      const once = formatHcl(c.input, { blankLines: 'keep' }).output;
      assert.equal(formatHcl(once, { blankLines: 'keep' }).output, once, c.name);
    }
  });
});

describe('formatHcl: diagnostics and options', () => {
  it('returns the input unchanged with a file:line:col diagnostic on a syntax problem', () => {
    const input = 'a    = 1\nb = "unterminated\n';
    const result = formatHcl(input, { file: 'main.tf' });
    assert.equal(result.output, input);
    assert.equal(result.changed, false);
    assert.equal(result.diagnostics.length, 1);
    assert.equal(result.diagnostics[0]?.code, 'format-unterminated-string');
    assert.deepEqual(result.diagnostics[0]?.range, { file: 'main.tf', start: { line: 2, column: 5 } });
  });

  it('reports an unchanged file as unchanged', () => {
    const result = formatHcl('a  = 1\nbb = 2\n');
    assert.equal(result.changed, false);
    assert.deepEqual(result.diagnostics, []);
  });

  it('keeps blank lines as written with blankLines: keep (like terraform fmt)', () => {
    const result = formatHcl('\n# lead\n\n\na=1\n\n\n', { blankLines: 'keep' });
    assert.equal(result.output, '\n# lead\n\n\na = 1\n\n\n');
  });

  it('keeps a byte order mark in front of the formatted text', () => {
    assert.equal(formatHcl('\uFEFFa=1\n').output, '\uFEFFa = 1\n');
  });

  it('leaves expressions in a block it cannot read as a body alone instead of guessing labels', () => {
    // `x y` in a body with no `{` is not a block header: no label is quoted.
    assert.equal(formatHcl('x y\n').output, 'x y\n');
  });
});
