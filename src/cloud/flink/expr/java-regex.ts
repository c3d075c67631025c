/**
 * Java regular expressions (java.util.regex) translated to JS RegExp, cached per pattern text.
 * Handles \Q…\E quoting, leading inline flags (?i)(?s)(?m), \A \z \Z anchors, POSIX classes
 * (\p{Alpha}, \p{Digit}, …), possessive quantifiers (treated as greedy) and atomic groups
 * (treated as plain groups).
 */

const POSIX: Readonly<Record<string, string>> = {
  Lower: 'a-z', Upper: 'A-Z', ASCII: '\\x00-\\x7F', Alpha: 'a-zA-Z', Digit: '0-9', Alnum: 'a-zA-Z0-9',
  Punct: '!-\\/:-@\\[-`{-~', Graph: '!-~', Print: ' -~', Blank: ' \\t', Cntrl: '\\x00-\\x1F\\x7F', XDigit: '0-9a-fA-F',
  Space: ' \\t\\n\\x0B\\f\\r', javaLowerCase: 'a-z', javaUpperCase: 'A-Z',
};

const cache = new Map<string, RegExp | null>();

/** Translates Java pattern text to JS source and flags, or null when it cannot be compiled. */
export function javaRegex(pattern: string, extraFlags = ''): RegExp | null {
  const key = extraFlags + '\u0000' + pattern;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let re: RegExp | null;
  try { re = translate(pattern, extraFlags); } catch { re = null; }
  if (cache.size > 1000) cache.clear();
  cache.set(key, re);
  return re;
}

function translate(pattern: string, extraFlags: string): RegExp {
  let flags = extraFlags;
  let src = pattern;
  const lead = /^\(\?([imsx]+)\)/.exec(src);
  if (lead) { flags += (lead[1] ?? '').replace('x', ''); src = src.slice(lead[0].length); }
  let out = '';
  let unicode = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as string;
    if (c === '\\') {
      const n = src[i + 1];
      if (n === 'Q') {
        const end = src.indexOf('\\E', i + 2);
        const lit = end < 0 ? src.slice(i + 2) : src.slice(i + 2, end);
        out += lit.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
        i = end < 0 ? src.length : end + 1;
        continue;
      }
      if (n === 'A') { out += '^'; i++; continue; }
      if (n === 'z' || n === 'Z') { out += '$'; i++; continue; }
      if ((n === 'p' || n === 'P') && src[i + 2] === '{') {
        const end = src.indexOf('}', i + 3);
        const name = src.slice(i + 3, end).replace(/^Is/, '');
        const cls = POSIX[name];
        if (cls !== undefined) { out += n === 'p' ? `[${cls}]` : `[^${cls}]`; } else { out += `\\${n}{${name}}`; unicode = true; }
        i = end;
        continue;
      }
      out += c + (n ?? '');
      i++;
      continue;
    }
    if ((c === '+') && i > 0 && /[*+?}]/.test(src[i - 1] as string) && src[i - 2] !== '\\') continue;
    if (c === '(' && src[i + 1] === '?' && src[i + 2] === '>') { out += '(?:'; i += 2; continue; }
    out += c;
  }
  return new RegExp(out, flags + (unicode ? 'u' : ''));
}
