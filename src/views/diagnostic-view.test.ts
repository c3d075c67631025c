import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorDiag, warningDiag } from '../shared/index.js';
import { stripAnsi } from './ansi-style.js';
import { diagnosticToJSON, renderDiagnostic, renderDiagnostics } from './diagnostic-view.js';

const MAIN_TF = [
  'terraform {',
  '}',
  '',
  'resource "random_id" "r" {',
  '  byte_lenght = 4',
  '}',
].join('\n');
const sources = (file: string): string | undefined => (file === 'main.tf' ? MAIN_TF : undefined);
const typo = errorDiag('config-unknown-attribute', 'Unsupported argument', {
  detail: 'An argument named "byte_lenght" is not expected here. Did you mean "byte_length"?',
  range: { file: 'main.tf', start: { line: 5, column: 3 }, end: { line: 5, column: 14 } },
});

describe('diagnostic-view', () => {
  it('shows the block context, the numbered source line and carets under the range', () => {
    assert.equal(renderDiagnostic(typo, { color: false, sources }), [
      'Error: Unsupported argument',
      '',
      '  on main.tf line 5, in resource "random_id" "r":',
      '   5:   byte_lenght = 4',
      '        ^^^^^^^^^^^',
      '',
      'An argument named "byte_lenght" is not expected here. Did you mean "byte_length"?',
      '',
    ].join('\n'));
  });

  it('without the source shows only the location', () => {
    const text = renderDiagnostic(typo, { color: false });
    assert.ok(text.includes('  on main.tf line 5:\n\nAn argument'));
  });

  it('shows warnings with the address and no range', () => {
    const w = warningDiag('provider-deprecated', 'Deprecated attribute', { address: 'random_id.r', detail: 'Use b64_std.' });
    assert.equal(renderDiagnostic(w, { color: false }), 'Warning: Deprecated attribute\n\n  with random_id.r,\n\nUse b64_std.\n');
  });

  it('draws the coloured left rule and keeps the same text under it', () => {
    const colored = renderDiagnostic(typo, { color: true, sources });
    const lines = stripAnsi(colored).split('\n');
    assert.equal(lines[0], '╷');
    assert.equal(lines[1], '│ Error: Unsupported argument');
    assert.equal(lines[lines.length - 2], '╵');
    assert.ok(colored.includes('\u001b[31m'));
  });

  it('marks the whole first line for a range spanning lines and caps the snippet', () => {
    const multi = errorDiag('x', 'Bad block', { range: { file: 'main.tf', start: { line: 4, column: 1 }, end: { line: 6, column: 2 } } });
    const text = renderDiagnostic(multi, { color: false, sources });
    assert.ok(text.includes('   4: resource "random_id" "r" {\n      ^^^^^^^^^^^^^^^^^^^^^^^^^^\n   5:   byte_lenght = 4\n   6: }\n'));
  });

  it('separates several diagnostics with a blank line', () => {
    const a = warningDiag('a', 'First');
    const b = errorDiag('b', 'Second');
    assert.equal(renderDiagnostics([a, b], { color: false }), 'Warning: First\nError: Second\n'.replace('\n', '\n\n'));
  });

  it('converts to JSON with code, range and snippet', () => {
    assert.deepEqual(diagnosticToJSON(typo, { sources }), {
      severity: 'error', summary: 'Unsupported argument', code: 'config-unknown-attribute',
      detail: 'An argument named "byte_lenght" is not expected here. Did you mean "byte_length"?',
      range: { filename: 'main.tf', start: { line: 5, column: 3 }, end: { line: 5, column: 14 } },
      snippet: { context: 'resource "random_id" "r"', code: '  byte_lenght = 4', start_line: 5 },
    });
    assert.deepEqual(diagnosticToJSON(warningDiag('w', 'W')), { severity: 'warning', summary: 'W', detail: '', code: 'w' });
  });
});
