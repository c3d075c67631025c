/**
 * Parses template text (quoted strings, heredoc bodies, hcl2json string values) into template
 * parts: literal text, `${...}` interpolations and `%{if}`/`%{for}` directives, applying `~`
 * strip markers and the `$${` / `%%{` escapes.
 */
import type { Expr, Range, TemplatePart } from './expr.js';
import type { SourceCursor } from './source-cursor.js';

type Flat =
  | { kind: 'text'; text: string }
  | { kind: 'interp'; expr: Expr; stripBefore: boolean; stripAfter: boolean }
  | { kind: 'directive'; word: 'if' | 'else' | 'endif' | 'for' | 'endfor'; stripBefore: boolean; stripAfter: boolean; at: number; range: Range;
      cond?: Expr; keyVar?: string | undefined; valueVar?: string; collection?: Expr };

/** How template text ends and whether backslash escapes apply. */
export type TemplateMode = 'quoted' | 'raw';

/**
 * Parses a template starting at the cursor. In `quoted` mode it stops before the closing `"`;
 * in `raw` mode it runs to `end` (default: end of text).
 */
export function parseTemplateParts(c: SourceCursor, mode: TemplateMode, parseExpr: () => Expr, end: number = c.text.length): TemplatePart[] {
  const flat: Flat[] = [];
  let buf = '';
  const flush = (): void => { if (buf !== '') { flat.push({ kind: 'text', text: buf }); buf = ''; } };
  const t = c.text;
  for (;;) {
    if (c.pos >= end) {
      if (mode === 'quoted') c.fail('Unterminated template string.');
      break;
    }
    const ch = t.charAt(c.pos);
    if (mode === 'quoted' && ch === '"') break;
    if (mode === 'quoted' && ch === '\n') c.fail('Quoted strings may not be split over multiple lines; use a heredoc.');
    if ((ch === '$' || ch === '%') && t.charAt(c.pos + 1) === ch && t.charAt(c.pos + 2) === '{') {
      buf += ch + '{';
      c.pos += 3;
      continue;
    }
    if (ch === '$' && t.charAt(c.pos + 1) === '{') {
      flush();
      c.pos += 2;
      const stripBefore = c.startsWith('~');
      if (stripBefore) c.pos++;
      const expr = parseExpr();
      c.skipSpace();
      const stripAfter = c.startsWith('~');
      if (stripAfter) c.pos++;
      c.expect('}', '"}" to close the interpolation');
      flat.push({ kind: 'interp', expr, stripBefore, stripAfter });
      continue;
    }
    if (ch === '%' && t.charAt(c.pos + 1) === '{') {
      flush();
      flat.push(parseDirective(c, parseExpr));
      continue;
    }
    if (mode === 'quoted' && ch === '\\') {
      buf += readEscape(c);
      continue;
    }
    buf += ch;
    c.pos++;
  }
  flush();
  applyStripMarkers(flat);
  const out: TemplatePart[] = [];
  const i = nest(c, flat, 0, out, undefined);
  if (i < flat.length) {
    const d = flat[i];
    c.fail(`Unexpected %{${d?.kind === 'directive' ? d.word : ''}} directive.`, d?.kind === 'directive' ? d.at : c.pos);
  }
  return out;
}

function parseDirective(c: SourceCursor, parseExpr: () => Expr): Flat {
  const at = c.pos;
  c.pos += 2;
  const stripBefore = c.startsWith('~');
  if (stripBefore) c.pos++;
  const word = c.ident();
  let d: Flat;
  const base = { stripBefore, stripAfter: false, at };
  if (word === 'if') {
    d = { kind: 'directive', word, ...base, cond: parseExpr(), range: c.range(at) };
  } else if (word === 'for') {
    const first = c.ident();
    if (first === undefined) c.fail('Expected a variable name after "for".');
    let keyVar: string | undefined;
    let valueVar = first;
    if (c.eat(',')) {
      keyVar = first;
      const second = c.ident();
      if (second === undefined) c.fail('Expected a second variable name after ",".');
      valueVar = second;
    }
    if (c.ident() !== 'in') c.fail('Expected "in" in the for directive.');
    d = { kind: 'directive', word, ...base, keyVar, valueVar, collection: parseExpr(), range: c.range(at) };
  } else if (word === 'else' || word === 'endif' || word === 'endfor') {
    d = { kind: 'directive', word, ...base, range: c.range(at) };
  } else {
    c.fail(`Unknown template directive ${JSON.stringify(word ?? '')}; expected if, else, endif, for or endfor.`, at);
  }
  c.skipSpace();
  if (c.startsWith('~')) { c.pos++; d.stripAfter = true; }
  c.expect('}', '"}" to close the directive');
  return d;
}

function readEscape(c: SourceCursor): string {
  const n = c.text.charAt(c.pos + 1);
  const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
  const s = simple[n];
  if (s !== undefined) { c.pos += 2; return s; }
  if (n === 'u' || n === 'U') {
    const len = n === 'u' ? 4 : 8;
    const hex = c.text.slice(c.pos + 2, c.pos + 2 + len);
    if (!/^[0-9A-Fa-f]+$/.test(hex) || hex.length !== len || parseInt(hex, 16) > 0x10ffff) c.fail(`Invalid unicode escape; \\${n} needs ${len} hex digits naming a valid code point.`);
    c.pos += 2 + len;
    return String.fromCodePoint(parseInt(hex, 16));
  }
  c.fail(`Invalid escape sequence "\\${n}".`);
}

function applyStripMarkers(flat: Flat[]): void {
  for (let i = 0; i < flat.length; i++) {
    const f = flat[i];
    if (f === undefined || f.kind === 'text') continue;
    const prev = flat[i - 1];
    if (f.stripBefore && prev?.kind === 'text') prev.text = prev.text.replace(/\s+$/, '');
    const next = flat[i + 1];
    if (f.stripAfter && next?.kind === 'text') next.text = next.text.replace(/^\s+/, '');
  }
}

/** Nests flat parts into `out` until a closing directive; returns the index of that directive. */
function nest(c: SourceCursor, flat: readonly Flat[], start: number, out: TemplatePart[], closer: 'if' | 'for' | undefined): number {
  let i = start;
  while (i < flat.length) {
    const f = flat[i];
    if (f === undefined) break;
    if (f.kind === 'text') { if (f.text !== '') out.push({ kind: 'text', text: f.text }); i++; continue; }
    if (f.kind === 'interp') { out.push({ kind: 'interp', expr: f.expr }); i++; continue; }
    if (f.word === 'else' || f.word === 'endif') {
      if (closer !== 'if') c.fail(`Unexpected %{${f.word}} without a matching %{if}.`, f.at);
      return i;
    }
    if (f.word === 'endfor') {
      if (closer !== 'for') c.fail('Unexpected %{endfor} without a matching %{for}.', f.at);
      return i;
    }
    if (f.word === 'if' && f.cond !== undefined) {
      const then: TemplatePart[] = [];
      const els: TemplatePart[] = [];
      let j = nest(c, flat, i + 1, then, 'if');
      let end = flat[j];
      if (end?.kind === 'directive' && end.word === 'else') {
        j = nest(c, flat, j + 1, els, 'if');
        end = flat[j];
        if (end?.kind === 'directive' && end.word === 'else') c.fail('Only one %{else} is allowed per %{if}.', end.at);
      }
      if (end === undefined) c.fail('Missing %{endif} for this %{if}.', f.at);
      out.push({ kind: 'if', condition: f.cond, then, else: els, range: f.range });
      i = j + 1;
      continue;
    }
    if (f.word === 'for' && f.collection !== undefined && f.valueVar !== undefined) {
      const body: TemplatePart[] = [];
      const j = nest(c, flat, i + 1, body, 'for');
      if (flat[j] === undefined) c.fail('Missing %{endfor} for this %{for}.', f.at);
      const part: TemplatePart = f.keyVar !== undefined
        ? { kind: 'for', keyVar: f.keyVar, valueVar: f.valueVar, collection: f.collection, body, range: f.range }
        : { kind: 'for', valueVar: f.valueVar, collection: f.collection, body, range: f.range };
      out.push(part);
      i = j + 1;
      continue;
    }
    i++;
  }
  return i;
}
