/**
 * provisioner/format: the engine of `streamform fmt` — canonical formatting of HCL native syntax
 * (*.tf, *.tfvars) following the observable rules of `terraform fmt`, with a self-check that the
 * token sequence is unchanged. Pure text to text; depends only on shared/, never on config, lang
 * or the engine (it must format files those cannot even load).
 */
export { formatHcl } from './format-hcl.js';
export { lexHcl } from './hcl-lexer.js';
export type { BlankLinePolicy, FormatOptions, FormatResult, LexResult, Token, TokenKind } from './types.js';
