/**
 * Parses schema files the way the connector's Avro parser (Jackson with comments allowed) does:
 * the shipped quickstarts contain `//` line comments, some after values, which JSON.parse
 * rejects. Comments are blanked (keeping line numbers), strings are left untouched.
 */
import type { JsonValue } from './types.js';

/** A parse result: the value, or the JSON.parse error message. */
export type LenientJsonResult = { readonly value: JsonValue } | { readonly error: string };

/** Parses JSON that may contain `//` and `/* *\/` comments. */
export function parseLenientJson(text: string): LenientJsonResult {
  try {
    return { value: JSON.parse(stripComments(text)) as JsonValue };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** Replaces comments outside strings with spaces (newlines kept). */
export function stripComments(text: string): string {
  let out = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < n && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') { out += ' '; i++; }
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? n : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
