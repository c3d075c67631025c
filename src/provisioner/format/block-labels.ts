/**
 * Block labels written as bare identifiers (`resource aws_instance web {`) are quoted, as
 * `terraform fmt` does: `resource "aws_instance" "web" {`. This needs to know which tokens are
 * block headers, so it walks bodies: in a body, `name =` starts an attribute (its expression runs
 * to the end of the line at bracket depth zero) and anything else starting with a name is a block
 * header. When the walk meets something it does not understand it leaves the tokens as they are.
 */
import { bracketChange } from './token-spacing.js';
import type { Token } from './types.js';

/** Returns the tokens with bare-identifier block labels turned into quoted-string tokens. */
export function quoteBlockLabels(tokens: readonly Token[]): readonly Token[] {
  const labels = new Set<number>();
  let depth = 0;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    if (token === undefined) break;
    if (isTrivia(token)) {
      i++;
      continue;
    }
    if (token.kind === 'cbrace' && depth > 0) {
      depth--;
      i++;
      continue;
    }
    if (token.kind !== 'ident') return tokens;
    const next = nextSignificant(tokens, i + 1);
    if (tokens[next]?.kind === 'equal') {
      i = endOfExpression(tokens, next + 1);
      continue;
    }
    const header = blockHeader(tokens, i + 1);
    if (header === undefined) return tokens;
    for (const label of header.bareLabels) labels.add(label);
    depth++;
    i = header.bodyStart;
  }
  if (labels.size === 0) return tokens;
  return tokens.flatMap((token, index) => (labels.has(index) ? quoted(token) : [token]));
}

function isTrivia(token: Token): boolean {
  return token.kind === 'newline' || token.kind === 'line-comment' || token.kind === 'block-comment';
}

/** Next index that is not a comment (newlines count: they end attributes and headers). */
function nextSignificant(tokens: readonly Token[], from: number): number {
  let i = from;
  while (i < tokens.length && (tokens[i]?.kind === 'line-comment' || tokens[i]?.kind === 'block-comment')) i++;
  return i;
}

/** Index of the newline (or body-closing `}`) that ends an attribute's expression. */
function endOfExpression(tokens: readonly Token[], from: number): number {
  let depth = 0;
  let i = from;
  for (; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined) break;
    if (depth === 0 && token.kind === 'newline') return i;
    const change = bracketChange(token);
    if (depth === 0 && change < 0) return i;
    depth += change;
  }
  return i;
}

/** Labels of a block header starting after its type name, and the index after its `{`. */
function blockHeader(tokens: readonly Token[], from: number): { bareLabels: number[]; bodyStart: number } | undefined {
  const bareLabels: number[] = [];
  let i = nextSignificant(tokens, from);
  for (;;) {
    const token = tokens[i];
    if (token === undefined) return undefined;
    if (token.kind === 'obrace') return { bareLabels, bodyStart: i + 1 };
    if (token.kind === 'ident') {
      bareLabels.push(i);
      i = nextSignificant(tokens, i + 1);
      continue;
    }
    if (token.kind !== 'oquote') return undefined;
    let j = i + 1;
    if (tokens[j]?.kind === 'quoted-lit') j++;
    if (tokens[j]?.kind !== 'cquote') return undefined;
    i = nextSignificant(tokens, j + 1);
  }
}

function quoted(token: Token): Token[] {
  const at = { line: token.line, column: token.column };
  return [
    { kind: 'oquote', text: '"', ...at },
    { kind: 'quoted-lit', text: token.text, ...at },
    { kind: 'cquote', text: '"', ...at },
  ];
}
