/**
 * The formatter's safety net: formatting may only change whitespace, so the significant token
 * sequence of the output must equal the one that was formatted. Runs of newlines compare as one
 * (blank lines may be collapsed), leading and trailing newlines are ignored, and line comments
 * compare without trailing whitespace. Anything else that differs is a formatter bug, reported as
 * a diagnostic so the caller keeps the file as it was.
 */
import { errorDiag } from '../../shared/index.js';
import type { Diagnostic } from '../../shared/index.js';
import { lexHcl } from './hcl-lexer.js';
import type { Token } from './types.js';

/** Checks that `output` re-tokenises to `expected`; a diagnostic locates the first difference. */
export function checkTokensPreserved(expected: readonly Token[], output: string, opts: { file?: string } = {}): Diagnostic | undefined {
  const file = opts.file ?? '<input>';
  const relexed = lexHcl(output.replace(/^\uFEFF/, ''), { file });
  const before = significantTokens(expected);
  const after = significantTokens(relexed.tokens);
  let at = firstDifference(before, after);
  if (relexed.diagnostics.length > 0 && at === -1) at = after.length;
  if (at === -1) return undefined;
  const token = before[Math.min(at, before.length - 1)];
  const was = describe(before[at]) ?? '<end of file>';
  const now = describe(after[at]) ?? relexed.diagnostics[0]?.summary ?? '<end of file>';
  return errorDiag('format-self-check-failed', 'Formatting would change the tokens of this file, so it was left unchanged', {
    detail: `Internal formatter error (this is a bug in streamform; please report it): ${JSON.stringify(was)} would become ${JSON.stringify(now)}.`,
    range: { file, start: { line: token?.line ?? 1, column: token?.column ?? 1 } },
  });
}

/** Tokens minus redundant newlines: none at the start or end, at most one in a row. */
function significantTokens(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (const token of tokens) {
    if (token.kind === 'newline' && (out.length === 0 || out[out.length - 1]?.kind === 'newline')) continue;
    out.push(token);
  }
  while (out[out.length - 1]?.kind === 'newline') out.pop();
  return out;
}

/** What a token contributes to the comparison: its kind and text (line comments right-trimmed). */
function describe(token: Token | undefined): string | undefined {
  if (token === undefined) return undefined;
  if (token.kind === 'newline') return 'newline';
  return `${token.kind} ${token.kind === 'line-comment' ? token.text.trimEnd() : token.text}`;
}

function sameToken(a: Token | undefined, b: Token | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.kind !== b.kind) return false;
  if (a.kind === 'newline') return true;
  return a.kind === 'line-comment' ? a.text.trimEnd() === b.text.trimEnd() : a.text === b.text;
}

function firstDifference(a: readonly Token[], b: readonly Token[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if (!sameToken(a[i], b[i])) return i;
  return -1;
}
