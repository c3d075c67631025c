/** MySQL-style LIKE for SHOW TABLES: `%` any run, `_` one character, backslash escapes; case-sensitive. */

/** True when `text` matches the LIKE `pattern`. */
export function likeMatches(pattern: string, text: string): boolean {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] ?? '';
    if (ch === '\\' && i + 1 < pattern.length) {
      re += escapeRegex(pattern[++i] ?? '');
    } else if (ch === '%') {
      re += '[\\s\\S]*';
    } else if (ch === '_') {
      re += '[\\s\\S]';
    } else {
      re += escapeRegex(ch);
    }
  }
  return new RegExp(`${re}$`).test(text);
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
