/** Types shared by the HCL formatter's stages: tokens, lines, options and the result. */
import type { Diagnostic } from '../../shared/index.js';

/**
 * Token kinds of HCL native syntax as the formatter needs them. Templates are split into their
 * parts (`oquote`, `quoted-lit`, `template-interp`, ..., `cquote`) so expressions inside `${...}`
 * are formatted like any other; a heredoc is one opaque token kept byte-for-byte.
 */
export type TokenKind =
  | 'ident'
  | 'number'
  | 'oquote'
  | 'cquote'
  | 'quoted-lit'
  | 'template-interp'
  | 'template-control'
  | 'template-seq-end'
  | 'heredoc'
  | 'line-comment'
  | 'block-comment'
  | 'newline'
  | 'obrace'
  | 'cbrace'
  | 'obrack'
  | 'cbrack'
  | 'oparen'
  | 'cparen'
  | 'equal'
  | 'colon'
  | 'double-colon'
  | 'comma'
  | 'dot'
  | 'ellipsis'
  | 'fat-arrow'
  | 'question'
  | 'minus'
  | 'bang'
  | 'operator';

/** One lexed token; `text` is its exact source text (line comments exclude their newline). */
export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  /** 1-based line of the token's first character. */
  readonly line: number;
  /** 1-based column (in UTF-16 code units) of the token's first character. */
  readonly column: number;
}

/** The tokens of one input, or the syntax problems that stopped the lexer. */
export interface LexResult {
  readonly tokens: readonly Token[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * One source line split into the cells `terraform fmt` aligns: `lead` (indentation target and
 * attribute name), `assign` (from the `=` of a single-line attribute to the end) and `comment`
 * (a trailing `#`/`//` comment).
 */
export interface FormatLine {
  readonly lead: readonly Token[];
  readonly assign: readonly Token[];
  readonly comment: Token | undefined;
}

/** How blank lines are treated. */
export type BlankLinePolicy = 'collapse' | 'keep';

/** Options of `formatHcl`. */
export interface FormatOptions {
  /** File name used in diagnostics; defaults to `<input>`. */
  readonly file?: string;
  /**
   * `collapse` (default): runs of blank lines become one, leading and trailing blank lines go.
   * `keep`: blank lines stay as written, like terraform 1.x's `fmt`.
   */
  readonly blankLines?: BlankLinePolicy;
}

/** What `formatHcl` returns; on any diagnostic `output` is the input unchanged. */
export interface FormatResult {
  readonly output: string;
  readonly changed: boolean;
  readonly diagnostics: readonly Diagnostic[];
}
