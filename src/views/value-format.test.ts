import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { UNKNOWN } from '../provisioner/lang/index.js';
import { formatValue, quoteString } from './value-format.js';

describe('value-format', () => {
  it('quotes strings with HCL escapes, doubling template introducers', () => {
    assert.equal(quoteString('a"b\\c\nd\te'), '"a\\"b\\\\c\\nd\\te"');
    assert.equal(quoteString('${var.x} %{if} $x'), '"$${var.x} %%{if} $x"');
    assert.equal(quoteString('\u0001'), '"\\u0001"');
  });

  it('writes primitives, null and unknown', () => {
    assert.equal(formatValue(42), '42');
    assert.equal(formatValue(true), 'true');
    assert.equal(formatValue(null), 'null');
    assert.equal(formatValue(UNKNOWN), '(known after apply)');
  });

  it('writes maps sorted, keys quoted and aligned, and lists with trailing commas', () => {
    assert.equal(formatValue({ zz: 1, a: ['x', { k: true }] }), [
      '{',
      '  "a"  = [',
      '    "x",',
      '    {',
      '      "k" = true',
      '    },',
      '  ]',
      '  "zz" = 1',
      '}',
    ].join('\n'));
    assert.equal(formatValue([]), '[]');
    assert.equal(formatValue({}), '{}');
  });

  it('writes multi-line strings as an indented heredoc', () => {
    assert.equal(formatValue({ sql: 'SELECT 1\nFROM t\n' }), '{\n  "sql" = <<-EOT\n    SELECT 1\n    FROM t\n  EOT\n}');
  });

  it('masks sensitive paths', () => {
    assert.equal(formatValue({ user: 'u', pass: 'p' }, { sensitive: [['pass']] }), '{\n  "pass" = (sensitive value)\n  "user" = "u"\n}');
  });
});
