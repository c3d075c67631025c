/**
 * `formatHcl`: canonical formatting of HCL native syntax (*.tf, *.tfvars) with the observable
 * rules of `terraform fmt`. Pure text to text. Output always uses LF line endings (CRLF input is
 * normalised) and ends with exactly one newline. A syntax problem the tokenizer sees, or a failed
 * self-check, returns the input unchanged with a diagnostic.
 */
import { quoteBlockLabels } from './block-labels.js';
import { lineCells, splitLines } from './format-lines.js';
import { lexHcl } from './hcl-lexer.js';
import { renderLines } from './line-render.js';
import { checkTokensPreserved } from './token-check.js';
import type { BlankLinePolicy, FormatOptions, FormatResult } from './types.js';

const BOM = '\uFEFF';

/** Formats one HCL file's text the way `terraform fmt` would. */
export function formatHcl(text: string, opts: FormatOptions = {}): FormatResult {
  const file = opts.file ?? '<input>';
  const hasBom = text.startsWith(BOM);
  const source = (hasBom ? text.slice(1) : text).replace(/\r\n/g, '\n');
  const lexed = lexHcl(source, { file });
  if (lexed.diagnostics.length > 0) return { output: text, changed: false, diagnostics: lexed.diagnostics };

  const labelled = quoteBlockLabels(lexed.tokens);
  const lines = renderLines(splitLines(labelled).map(lineCells));
  const output = (hasBom ? BOM : '') + joinLines(lines, opts.blankLines ?? 'collapse');

  const problem = checkTokensPreserved(labelled, output, { file });
  if (problem !== undefined) return { output: text, changed: false, diagnostics: [problem] };
  return { output, changed: output !== text, diagnostics: [] };
}

/** Joins rendered lines under the blank-line policy; non-empty output ends with one newline. */
function joinLines(lines: readonly string[], policy: BlankLinePolicy): string {
  if (policy === 'keep') {
    const last = lines[lines.length - 1];
    const body = lines.join('\n');
    return last === '' ? body : `${body}\n`;
  }
  const kept: string[] = [];
  for (const line of lines) {
    if (line === '' && (kept.length === 0 || kept[kept.length - 1] === '')) continue;
    kept.push(line);
  }
  while (kept[kept.length - 1] === '') kept.pop();
  return kept.length === 0 ? '' : `${kept.join('\n')}\n`;
}
