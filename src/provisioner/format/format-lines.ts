/**
 * Splits a token stream into lines and each line into the cells `terraform fmt` aligns:
 * `lead`, `assign` (the `=` of a single-line attribute and its value) and a trailing line comment.
 */
import { bracketChange } from './token-spacing.js';
import type { FormatLine, Token } from './types.js';

/** One line per newline token; newline tokens themselves are dropped. */
export function splitLines(tokens: readonly Token[]): Token[][] {
  const lines: Token[][] = [[]];
  for (const token of tokens) {
    if (token.kind === 'newline') lines.push([]);
    else lines[lines.length - 1]?.push(token);
  }
  return lines;
}

/**
 * Cells of one line. The first `=` (not the first token) opens `assign` only when the rest of the
 * line is bracket-balanced: `a = {` starts a multi-line value and is not aligned with its
 * neighbours. Brackets inside a heredoc do not count (the heredoc is one token here).
 */
export function lineCells(tokens: readonly Token[]): FormatLine {
  let lead = tokens;
  let comment: Token | undefined;
  const last = tokens[tokens.length - 1];
  if (tokens.length > 1 && last !== undefined && last.kind === 'line-comment') {
    comment = last;
    lead = tokens.slice(0, -1);
  }
  const eq = lead.findIndex((t, i) => i > 0 && t.kind === 'equal');
  if (eq > 0) {
    const rest = lead.slice(eq);
    const net = rest.reduce((sum, t) => sum + bracketChange(t), 0);
    if (net === 0) return { lead: lead.slice(0, eq), assign: rest, comment };
  }
  return { lead, assign: [], comment };
}
