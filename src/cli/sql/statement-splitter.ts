/**
 * Splits a SQL script into statements on `;`, outside quotes, backquoted identifiers, comments and
 * `EXECUTE STATEMENT SET BEGIN … END` blocks. Each piece keeps its text (sent to the server as
 * written) and the line it starts on (for messages).
 */
export interface ScriptStatement {
  readonly text: string;
  readonly line: number;
}

export function splitStatements(script: string): ScriptStatement[] {
  const out: ScriptStatement[] = [];
  let start = 0, line = 1, startLine = 1, depth = 0;
  const words: string[] = [];
  const push = (end: number): void => {
    const text = script.slice(start, end).trim();
    if (text && !/^(--[^\n]*\n?|\/\*[\s\S]*?\*\/|\s)*$/.test(text)) out.push({ text, line: startLine + (script.slice(start, end).match(/^\s*/)?.[0].split('\n').length ?? 1) - 1 });
  };
  for (let i = 0; i < script.length; i++) {
    const c = script[i]!;
    if (c === '\n') line++;
    if (c === "'" || c === '`' || c === '"') {
      const q = c;
      for (i++; i < script.length; i++) {
        if (script[i] === '\n') line++;
        if (script[i] === q) { if (script[i + 1] === q) { i++; continue; } break; }
      }
      continue;
    }
    if (c === '-' && script[i + 1] === '-') { while (i < script.length && script[i] !== '\n') i++; line++; continue; }
    if (c === '/' && script[i + 1] === '*') { const e = script.indexOf('*/', i + 2); const seg = script.slice(i, e < 0 ? script.length : e + 2); line += seg.split('\n').length - 1; i = e < 0 ? script.length : e + 1; continue; }
    if (/[A-Za-z_]/.test(c) && (i === 0 || !/[A-Za-z0-9_$]/.test(script[i - 1]!))) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(script.slice(i, i + 64))!;
      const w = m[0].toUpperCase();
      words.push(w);
      if (w === 'BEGIN' && words.slice(-4, -1).join(' ') === 'EXECUTE STATEMENT SET') depth++;
      else if (w === 'END' && depth > 0) depth--;
      i += m[0].length - 1;
      continue;
    }
    if (c === ';' && depth === 0) { push(i); start = i + 1; startLine = line; words.length = 0; }
  }
  push(script.length);
  return out;
}
