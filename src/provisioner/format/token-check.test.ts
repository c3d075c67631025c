import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lexHcl } from './hcl-lexer.js';
import { checkTokensPreserved } from './token-check.js';

function check(input: string, output: string): ReturnType<typeof checkTokensPreserved> {
  return checkTokensPreserved(lexHcl(input).tokens, output, { file: 'main.tf' });
}

describe('checkTokensPreserved (the formatter self-check)', () => {
  it('accepts whitespace, blank-line and comment-trailing-space changes', () => {
    assert.equal(check('\n\na   =1 # c  \n\n\n\nb={x=1}\n\n', 'a = 1 # c\n\nb = { x = 1 }\n'), undefined);
  });

  it('rejects a changed token and points at it in the input', () => {
    const d = check('a = 1\nb = 2\n', 'a = 1\nb = 3\n');
    assert.equal(d?.code, 'format-self-check-failed');
    assert.deepEqual(d?.range, { file: 'main.tf', start: { line: 2, column: 5 } });
  });

  it('rejects tokens merged by a missing space (a - 1 is not the identifier a-1)', () => {
    const d = check('x = a - 1\n', 'x = a-1\n');
    assert.equal(d?.code, 'format-self-check-failed');
    assert.deepEqual(d?.range, { file: 'main.tf', start: { line: 1, column: 5 } });
  });

  it('rejects a removed line break between attributes', () => {
    assert.equal(check('a = 1\nb = 2\n', 'a = 1 b = 2\n')?.code, 'format-self-check-failed');
  });

  it('rejects output that no longer tokenises', () => {
    assert.equal(check('a = "x"\n', 'a = "x\n')?.code, 'format-self-check-failed');
  });

  it('rejects changed heredoc content', () => {
    assert.equal(check('a = <<EOT\n  x  \nEOT\n', 'a = <<EOT\n  x\nEOT\n')?.code, 'format-self-check-failed');
  });
});
