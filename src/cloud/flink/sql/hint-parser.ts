/**
 * Hints: `/*+ NAME('k'='v', ...), NAME2(a, b) *\/` comments after SELECT (query hints such as
 * STATE_TTL) and after a table name (OPTIONS, LOOKUP). The lexer keeps a hint as one token; its body
 * is lexed again here with positions that point into the original text.
 */
import type { Hint, KeyValue } from './ast.js';
import { Cursor, ParseFailure } from './cursor.js';
import { lex } from './lexer.js';

/** Parses every hint token at the cursor (possibly none). */
export function parseHints(c: Cursor): Hint[] {
  const hints: Hint[] = [];
  while (c.peek().kind === 'hint') {
    const tok = c.advance();
    const lexed = lex(tok.value, tok.innerStart ?? tok.start);
    if (lexed.error) throw new ParseFailure(tok, [], `Lexical error in hint: ${lexed.error.message}`);
    const h = new Cursor(lexed.tokens);
    do hints.push(hint(h)); while (h.acceptOp(','));
    if (h.peek().kind !== 'eof') { h.expect('"*/"'); h.fail(); }
  }
  return hints;
}

function hint(c: Cursor): Hint {
  const start = c.here();
  const name = c.identifier();
  const options: KeyValue[] = [];
  const params: string[] = [];
  if (c.acceptOp('(')) {
    if (!c.isOp(')')) {
      do {
        const at = c.here();
        const key = atom(c);
        if (c.acceptOp('=')) {
          const value = atom(c);
          options.push({ range: c.rangeFrom(at), key, value });
        } else params.push(key);
      } while (c.acceptOp(','));
    }
    c.expectOp(')');
  }
  return { kind: 'Hint', range: c.rangeFrom(start), name: name.toUpperCase(), options, params };
}

function atom(c: Cursor): string {
  const t = c.peek();
  if (t.kind === 'string' || t.kind === 'number' || t.kind === 'quoted' || t.kind === 'word') return c.advance().value;
  c.expect('<QUOTED_STRING>');
  return c.fail();
}
