/**
 * Splits a SQL script into statements on `;` using tokens only (so `;` inside strings, comments and
 * hints never splits), keeping `EXECUTE STATEMENT SET BEGIN ... END` together. Independent of the
 * parser so that one broken statement does not hide the others.
 */
import type { Pos } from './ast.js';
import type { Token } from './lexer.js';

/** One statement's place in the script (without its `;`). */
export interface ScriptSegment {
  readonly start: Pos;
  readonly end: Pos;
  readonly tokens: readonly Token[];
  /** The `;` (or end of input) that ends the statement. */
  readonly terminator: Token;
}

/** Groups `tokens` (ending with eof) into statements; empty statements are dropped. */
export function segmentTokens(tokens: readonly Token[]): ScriptSegment[] {
  const out: ScriptSegment[] = [];
  let current: Token[] = [];
  let inSet = false;
  let caseDepth = 0;
  const flush = (terminator: Token): void => {
    const first = current[0];
    const last = current[current.length - 1];
    if (first && last) out.push({ start: first.start, end: last.end, tokens: current, terminator });
    current = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t || t.kind === 'eof') { if (t) flush(t); break; }
    if (t.kind === 'op' && t.value === ';' && !inSet) { flush(t); continue; }
    current.push(t);
    if (t.kind !== 'word') continue;
    if (!inSet && t.upper === 'BEGIN' && isWord(current[current.length - 2], 'SET') && isWord(current[current.length - 3], 'STATEMENT')) {
      inSet = true;
      caseDepth = 0;
    } else if (inSet && t.upper === 'CASE') caseDepth++;
    else if (inSet && t.upper === 'END') {
      if (caseDepth > 0) caseDepth--; else inSet = false;
    }
  }
  return out;
}

function isWord(t: Token | undefined, upper: string): boolean {
  return t !== undefined && t.kind === 'word' && t.upper === upper;
}
