/**
 * Renders formatted lines: indentation, spacing inside each cell, then the two alignment passes of
 * `terraform fmt` — the `=` of consecutive single-line attributes, then trailing line comments of
 * consecutive lines. A line without a single-line attribute (blank, comment-only, block header,
 * `a = {`) ends an alignment group.
 */
import { indentLevels } from './line-indent.js';
import { spaceAfterToken } from './token-spacing.js';
import type { FormatLine, Token } from './types.js';

const INDENT = '  ';

/** One rendered line per input line, without line terminators. */
export function renderLines(lines: readonly FormatLine[]): string[] {
  const levels = indentLevels(lines);
  const leads = lines.map((line, i) => (line.lead.length === 0 ? '' : INDENT.repeat(levels[i] ?? 0) + joinCell(line.lead)));
  const assigns = lines.map((line) => joinCell(line.assign));
  const assignPads = alignmentPads(lines.map((line, i) => (line.assign.length > 0 ? textWidth(leads[i] ?? '') : undefined)));
  const bodies = lines.map((_, i) => {
    const assign = assigns[i] ?? '';
    return assign === '' ? (leads[i] ?? '') : (leads[i] ?? '') + ' '.repeat(assignPads[i] ?? 1) + assign;
  });
  const commentPads = alignmentPads(lines.map((line, i) => (line.comment !== undefined ? textWidth(bodies[i] ?? '') : undefined)));
  return lines.map((line, i) => {
    const body = bodies[i] ?? '';
    if (line.comment === undefined) return body;
    return body + ' '.repeat(commentPads[i] ?? 1) + line.comment.text.trimEnd();
  });
}

/**
 * For runs of consecutive lines with a width (others are `undefined` and end a run), the spaces
 * that bring every line of the run to the widest one plus one.
 */
function alignmentPads(widths: readonly (number | undefined)[]): number[] {
  const pads = widths.map(() => 1);
  let start = 0;
  while (start < widths.length) {
    if (widths[start] === undefined) {
      start++;
      continue;
    }
    let end = start;
    let max = 0;
    while (end < widths.length && widths[end] !== undefined) {
      max = Math.max(max, widths[end] ?? 0);
      end++;
    }
    for (let i = start; i < end; i++) pads[i] = max - (widths[i] ?? 0) + 1;
    start = end;
  }
  return pads;
}

/** The tokens of one cell with canonical spacing between them. */
function joinCell(tokens: readonly Token[]): string {
  let out = '';
  tokens.forEach((token, i) => {
    const prev = tokens[i - 1];
    if (prev !== undefined && spaceAfterToken(prev, tokens[i - 2], token)) out += ' ';
    out += token.kind === 'line-comment' ? token.text.trimEnd() : token.text;
  });
  return out;
}

const SEGMENTER = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Display width as `terraform fmt` measures it: grapheme clusters. */
function textWidth(text: string): number {
  if (/^[\x00-\x7f]*$/.test(text)) return text.length;
  let n = 0;
  for (const _ of SEGMENTER.segment(text)) n++;
  return n;
}
