/**
 * Spacing between two tokens on the same line, following the observable rules of `terraform fmt`:
 * one space between most tokens, none around `.`, none inside brackets, none before `,` and `...`,
 * none between a function name and its `(`, none inside template literals, and braces padded
 * (`{ a = 1 }`) except the empty `{}`.
 */
import type { Token } from './types.js';

/** +1 for tokens that open a nesting level, -1 for those that close one, 0 otherwise. */
export function bracketChange(token: Token): number {
  switch (token.kind) {
    case 'obrace':
    case 'obrack':
    case 'oparen':
    case 'template-interp':
    case 'template-control':
      return 1;
    case 'cbrace':
    case 'cbrack':
    case 'cparen':
    case 'template-seq-end':
      return -1;
    default:
      return 0;
  }
}

/** Whether one space goes between `subject` and `after`; `before` precedes `subject` on the line. */
export function spaceAfterToken(subject: Token, before: Token | undefined, after: Token): boolean {
  const s = subject.kind;
  const a = after.kind;
  if (s === 'ident' && a === 'oparen') return false;
  if (s === 'double-colon' || a === 'double-colon') return false;
  if (s === 'dot' || a === 'dot') return false;
  if (a === 'comma' || a === 'ellipsis') return false;
  if (s === 'comma') return true;
  if (s === 'quoted-lit' || s === 'oquote' || a === 'quoted-lit' || a === 'cquote') return false;
  if (s === 'obrace' || a === 'cbrace') return !(s === 'obrace' && a === 'cbrace');
  if ((s === 'template-interp' || s === 'template-control') && a === 'obrace') return true;
  if (s === 'cbrace' && a === 'template-seq-end') return true;
  if (s === 'template-seq-end' && (a === 'template-interp' || a === 'template-control')) return false;
  if (bracketChange(subject) > 0) return false;
  if (bracketChange(after) < 0) return false;
  // `for x in [1, 2]`: the keyword `in` after the iterator name is not an indexed value.
  if (s === 'ident' && subject.text === 'in' && before !== undefined && before.kind === 'ident') return true;
  if (a === 'obrack' && isIndexable(subject)) return false;
  if (s === 'minus') return before !== undefined && isOperand(before);
  if (s === 'bang') return false;
  return true;
}

/** Tokens that end an operand, so a following `-` is subtraction rather than negation. */
function isOperand(token: Token): boolean {
  switch (token.kind) {
    case 'ident':
    case 'number':
    case 'cquote':
    case 'heredoc':
    case 'cparen':
    case 'cbrack':
    case 'cbrace':
      return true;
    default:
      return false;
  }
}

/** Tokens after which `[` is an index (`a[0]`, `f(x)[0]`, `{...}[k]`) rather than a tuple. */
function isIndexable(token: Token): boolean {
  switch (token.kind) {
    case 'ident':
    case 'cparen':
    case 'cbrack':
    case 'cbrace':
      return true;
    default:
      return false;
  }
}
