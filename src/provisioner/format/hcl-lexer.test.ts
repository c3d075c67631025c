import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lexHcl } from './index.js';

function kinds(text: string): string[] {
  const result = lexHcl(text);
  assert.deepEqual(result.diagnostics, []);
  return result.tokens.map((t) => `${t.kind} ${t.text}`);
}

describe('lexHcl', () => {
  it('splits a quoted template with nested strings and object braces into its parts', () => {
    assert.deepEqual(kinds('"a ${f({ "k" = "}" })}b"'), [
      'oquote "',
      'quoted-lit a ',
      'template-interp ${',
      'ident f',
      'oparen (',
      'obrace {',
      'oquote "',
      'quoted-lit k',
      'cquote "',
      'equal =',
      'oquote "',
      'quoted-lit }',
      'cquote "',
      'cbrace }',
      'cparen )',
      'template-seq-end }',
      'quoted-lit b',
      'cquote "',
    ]);
  });

  it('keeps escapes and literal $${ / %%{ inside one literal, and reads strip markers', () => {
    assert.deepEqual(kinds('"\\"q\\" $${x} %%{y}%{~ if a ~}"'), [
      'oquote "',
      'quoted-lit \\"q\\" $${x} %%{y}',
      'template-control %{~',
      'ident if',
      'ident a',
      'template-seq-end ~}',
      'cquote "',
    ]);
  });

  it('reads a heredoc as one token, byte for byte, with its position', () => {
    const text = 'x = <<-EOT\n    a ${ b }  \n  EOT\ny = 1';
    const result = lexHcl(text);
    const heredoc = result.tokens.find((t) => t.kind === 'heredoc');
    assert.deepEqual(heredoc, { kind: 'heredoc', text: '<<-EOT\n    a ${ b }  \n  EOT', line: 1, column: 5 });
    const y = result.tokens.find((t) => t.text === 'y');
    assert.deepEqual(y, { kind: 'ident', text: 'y', line: 4, column: 1 });
  });

  it('does not end a heredoc at a line that only contains the marker as part of a word', () => {
    const result = lexHcl('x = <<EOT\nEOTX\n EOT\n');
    assert.equal(result.tokens.find((t) => t.kind === 'heredoc')?.text, '<<EOT\nEOTX\n EOT');
  });

  it('reads the three comment styles; line comments stop before the newline', () => {
    assert.deepEqual(kinds('# a\n// b\n/* c\n d */'), ['line-comment # a', 'newline \n', 'line-comment // b', 'newline \n', 'block-comment /* c\n d */']);
  });

  it('reads identifiers with dashes as one token, like HCL', () => {
    assert.deepEqual(kinds('a-1 - 1'), ['ident a-1', 'minus -', 'number 1']);
  });

  it('reads numbers, multi-character operators and namespaced calls', () => {
    assert.deepEqual(kinds('1.5e-3 == 2 && a => b... provider::p::f'), [
      'number 1.5e-3',
      'operator ==',
      'number 2',
      'operator &&',
      'ident a',
      'fat-arrow =>',
      'ident b',
      'ellipsis ...',
      'ident provider',
      'double-colon ::',
      'ident p',
      'double-colon ::',
      'ident f',
    ]);
  });
});

describe('lexHcl diagnostics', () => {
  const cases: readonly { name: string; text: string; code: string; line: number; column: number }[] = [
    { name: 'unterminated string points at its opening quote', text: 'a = 1\nb = "abc\nc = 2\n', code: 'format-unterminated-string', line: 2, column: 5 },
    { name: 'a string cut off by the end of the file', text: 'b = "abc', code: 'format-unterminated-string', line: 1, column: 5 },
    { name: 'unterminated template sequence', text: 'a = "${b\n', code: 'format-unterminated-template', line: 1, column: 6 },
    { name: 'unterminated heredoc', text: 'a = 1\nb = <<EOT\nno end\n', code: 'format-unterminated-heredoc', line: 2, column: 5 },
    { name: 'a << that does not open a heredoc', text: 'a = 1 << 2\n', code: 'format-invalid-heredoc', line: 1, column: 7 },
    { name: 'unterminated block comment', text: 'a = 1 /* open\n', code: 'format-unterminated-comment', line: 1, column: 7 },
    { name: 'invalid character', text: 'a = 1\n  b = @x\n', code: 'format-invalid-character', line: 2, column: 7 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = lexHcl(c.text, { file: 'main.tf' });
      assert.equal(result.diagnostics.length, 1);
      const d = result.diagnostics[0];
      assert.equal(d?.code, c.code);
      assert.equal(d?.severity, 'error');
      assert.deepEqual(d?.range, { file: 'main.tf', start: { line: c.line, column: c.column } });
    });
  }
});
