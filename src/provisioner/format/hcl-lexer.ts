/**
 * The formatter's HCL tokenizer. It knows just enough of HCL native syntax to keep every token
 * intact: quoted templates with `${...}` / `%{...}` sequences (which may hold nested strings and
 * object braces), heredocs (kept as one opaque token, byte-for-byte), the three comment styles,
 * identifiers with dashes, numbers and operators. It does not parse; the formatter never needs to.
 */
import { errorDiag, invariant } from '../../shared/index.js';
import type { Diagnostic } from '../../shared/index.js';
import type { LexResult, Token, TokenKind } from './types.js';

const IDENT = /[\p{ID_Start}_][\p{ID_Continue}\-]*/uy;
const NUMBER = /[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const HEREDOC_OPEN = /<<(-?)([\p{ID_Start}_][\p{ID_Continue}\-]*)[ \t]*\n/uy;

const PUNCTUATION: readonly (readonly [string, TokenKind])[] = [
  ['...', 'ellipsis'],
  ['==', 'operator'],
  ['!=', 'operator'],
  ['<=', 'operator'],
  ['>=', 'operator'],
  ['&&', 'operator'],
  ['||', 'operator'],
  ['=>', 'fat-arrow'],
  ['::', 'double-colon'],
  ['[', 'obrack'],
  [']', 'cbrack'],
  ['(', 'oparen'],
  [')', 'cparen'],
  ['=', 'equal'],
  [':', 'colon'],
  [',', 'comma'],
  ['.', 'dot'],
  ['?', 'question'],
  ['-', 'minus'],
  ['!', 'bang'],
  ['+', 'operator'],
  ['*', 'operator'],
  ['/', 'operator'],
  ['%', 'operator'],
  ['<', 'operator'],
  ['>', 'operator'],
];

/** A lexer mode: expression tokens (top level or inside a template sequence) or quoted text. */
type Frame =
  | { readonly kind: 'expr'; readonly inTemplate: boolean; readonly start: number; braces: number }
  | { readonly kind: 'quoted'; readonly start: number };

/** Splits HCL native syntax into tokens; LF line endings expected (the caller normalises). */
export function lexHcl(text: string, opts: { file?: string } = {}): LexResult {
  const file = opts.file ?? '<input>';
  const tokens: Token[] = [];
  const frames: Frame[] = [{ kind: 'expr', inTemplate: false, start: 0, braces: 0 }];
  let pos = 0;
  let line = 1;
  let lineStart = 0;

  function fail(code: string, summary: string, at: number): LexResult {
    const where = locate(at);
    const diagnostic: Diagnostic = errorDiag(code, summary, {
      range: { file, start: { line: where.line, column: where.column } },
    });
    return { tokens, diagnostics: [diagnostic] };
  }

  /** Line/column of any offset (only used for diagnostics, so a plain scan is fine). */
  function locate(offset: number): { line: number; column: number } {
    let l = 1;
    let ls = 0;
    for (let nl = text.indexOf('\n'); nl !== -1 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
      l++;
      ls = nl + 1;
    }
    return { line: l, column: offset - ls + 1 };
  }

  /** Emits text[pos, end) as one token; only tokens move past a newline, so `lineStart` stays exact. */
  function emit(kind: TokenKind, end: number): void {
    tokens.push({ kind, text: text.slice(pos, end), line, column: pos - lineStart + 1 });
    for (let nl = text.indexOf('\n', pos); nl !== -1 && nl < end; nl = text.indexOf('\n', nl + 1)) {
      line++;
      lineStart = nl + 1;
    }
    pos = end;
  }

  while (pos < text.length) {
    const frame = frames[frames.length - 1];
    invariant(frame !== undefined, 'the lexer never pops its top-level frame');

    if (frame.kind === 'quoted') {
      const ch = text[pos];
      if (ch === '"') {
        emit('cquote', pos + 1);
        frames.pop();
        continue;
      }
      const seq = templateOpener(text, pos);
      if (seq !== undefined) {
        frames.push({ kind: 'expr', inTemplate: true, start: pos, braces: 0 });
        emit(seq.kind, pos + seq.length);
        continue;
      }
      const end = scanQuotedLiteral(text, pos);
      if (end.error !== undefined) return fail('format-unterminated-string', end.error, frame.start);
      emit('quoted-lit', end.at);
      continue;
    }

    const ch = text[pos] ?? '';
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      pos++;
      continue;
    }
    if (ch === '\n') {
      emit('newline', pos + 1);
      continue;
    }
    if (ch === '#' || text.startsWith('//', pos)) {
      const nl = text.indexOf('\n', pos);
      emit('line-comment', nl === -1 ? text.length : nl);
      continue;
    }
    if (text.startsWith('/*', pos)) {
      const close = text.indexOf('*/', pos + 2);
      if (close === -1) return fail('format-unterminated-comment', 'Unterminated block comment', pos);
      emit('block-comment', close + 2);
      continue;
    }
    if (ch === '"') {
      frames.push({ kind: 'quoted', start: pos });
      emit('oquote', pos + 1);
      continue;
    }
    if (ch === '{') {
      frame.braces++;
      emit('obrace', pos + 1);
      continue;
    }
    if (frame.inTemplate && frame.braces === 0 && (ch === '}' || text.startsWith('~}', pos))) {
      emit('template-seq-end', pos + (ch === '}' ? 1 : 2));
      frames.pop();
      continue;
    }
    if (ch === '}') {
      if (frame.braces > 0) frame.braces--;
      emit('cbrace', pos + 1);
      continue;
    }
    if (text.startsWith('<<', pos)) {
      const end = scanHeredoc(text, pos);
      if (end.error !== undefined) return fail(end.code ?? 'format-unterminated-heredoc', end.error, pos);
      emit('heredoc', end.at);
      continue;
    }
    IDENT.lastIndex = pos;
    if (IDENT.test(text)) {
      emit('ident', IDENT.lastIndex);
      continue;
    }
    NUMBER.lastIndex = pos;
    if (NUMBER.test(text)) {
      emit('number', NUMBER.lastIndex);
      continue;
    }
    const punct = PUNCTUATION.find(([p]) => text.startsWith(p, pos));
    if (punct !== undefined) {
      emit(punct[1], pos + punct[0].length);
      continue;
    }
    return fail('format-invalid-character', `Invalid character ${JSON.stringify(String.fromCodePoint(text.codePointAt(pos) ?? 0))}`, pos);
  }

  const open = frames[frames.length - 1];
  if (open !== undefined && open.kind === 'quoted') return fail('format-unterminated-string', 'Unterminated string: missing closing quote', open.start);
  if (open !== undefined && open.kind === 'expr' && open.inTemplate) {
    return fail('format-unterminated-template', 'Unterminated template sequence: missing closing "}"', open.start);
  }
  return { tokens, diagnostics: [] };
}

/** `${`, `${~`, `%{` or `%{~` at `pos` (but not the escapes `$${` / `%%{`). */
function templateOpener(text: string, pos: number): { kind: TokenKind; length: number } | undefined {
  const two = text.slice(pos, pos + 2);
  if (two !== '${' && two !== '%{') return undefined;
  const kind: TokenKind = two === '${' ? 'template-interp' : 'template-control';
  return { kind, length: text[pos + 2] === '~' ? 3 : 2 };
}

/** End of the literal run starting at `pos` inside a quoted string. */
function scanQuotedLiteral(text: string, pos: number): { at: number; error?: string } {
  let i = pos;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' || ch === '\n') break;
    if (ch === '\\') {
      const next = text[i + 1];
      if (next === undefined || next === '\n') return { at: i, error: 'Unterminated string: a backslash escape is cut off by the end of the line' };
      i += 2;
      continue;
    }
    if ((ch === '$' || ch === '%') && text[i + 1] === ch && text[i + 2] === '{') {
      i += 3;
      continue;
    }
    if (templateOpener(text, i) !== undefined) break;
    i++;
  }
  if (i >= text.length || text[i] === '\n') return { at: i, error: 'Unterminated string: missing closing quote before the end of the line' };
  return { at: i };
}

/** End offset (just after the closing marker) of the heredoc starting with `<<` at `pos`. */
function scanHeredoc(text: string, pos: number): { at: number; error?: string; code?: string } {
  HEREDOC_OPEN.lastIndex = pos;
  const open = HEREDOC_OPEN.exec(text);
  if (open === null) return { at: pos, error: 'Invalid heredoc: expected <<MARKER or <<-MARKER followed by a newline', code: 'format-invalid-heredoc' };
  const marker = open[2] ?? '';
  let lineBegin = HEREDOC_OPEN.lastIndex;
  while (lineBegin <= text.length) {
    const nl = text.indexOf('\n', lineBegin);
    const lineEnd = nl === -1 ? text.length : nl;
    const content = text.slice(lineBegin, lineEnd);
    if (content.trim() === marker) return { at: lineBegin + content.trimEnd().length };
    if (nl === -1) break;
    lineBegin = nl + 1;
  }
  return { at: pos, error: `Unterminated heredoc: no closing "${marker}" line` };
}
