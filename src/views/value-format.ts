/**
 * A Value written as an HCL literal: quoted strings with Terraform's escapes, numbers, bools,
 * null, `[...]` lists and `{ "k" = v }` maps laid out over several lines with aligned `=`.
 * Shared by the plan, output and markdown views.
 */
import { coveredBy, type Path } from './attr-path.js';
import { isObjectValue, isUnknown, type Value } from './plan-model.js';

/** How an unknown value is shown. */
export const KNOWN_AFTER_APPLY = '(known after apply)';
/** How a sensitive value is shown in plans. */
export const SENSITIVE_VALUE = '(sensitive value)';

/** Options for `formatValue`. */
export interface FormatValueOptions {
  /** Indentation of the line the value starts on; nested lines are indented two more. */
  readonly indent?: string;
  /** Paths (relative to `path`'s root) whose values are replaced by `(sensitive value)`. */
  readonly sensitive?: readonly Path[];
  /** Where the value sits, for matching `sensitive`. */
  readonly path?: Path;
  /** Text for sensitive leaves; `(sensitive value)` by default. */
  readonly sensitiveText?: string;
}

/** Quotes a string the way HCL and Terraform print it. */
export function quoteString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] ?? '';
    const code = ch.charCodeAt(0);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if ((ch === '$' || ch === '%') && s[i + 1] === '{') out += ch + ch;
    else if (code < 0x20 || code === 0x7f) out += '\\u' + code.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

/** True when a string is shown as a heredoc rather than a quoted literal. */
export function isMultilineString(v: Value | undefined): v is string {
  return typeof v === 'string' && v.replace(/\n$/, '').includes('\n');
}

/** The lines of a multi-line string, without the final newline. */
export function stringLines(s: string): string[] {
  return s.replace(/\n$/, '').split('\n');
}

/** True when a key can be written bare (an HCL identifier). */
export function isIdentifier(key: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(key);
}

/** Formats a primitive (or an unknown) on one line. */
export function formatPrimitive(v: Value): string {
  if (isUnknown(v)) return KNOWN_AFTER_APPLY;
  if (v === null) return 'null';
  if (typeof v === 'string') return quoteString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** Formats any value as an HCL literal; containers span several lines. */
export function formatValue(v: Value, opts: FormatValueOptions = {}): string {
  const indent = opts.indent ?? '';
  const path = opts.path ?? [];
  if (opts.sensitive !== undefined && coveredBy(opts.sensitive, path)) return opts.sensitiveText ?? SENSITIVE_VALUE;
  if (isMultilineString(v)) {
    const inner = indent + '  ';
    return `<<-EOT\n${stringLines(v).map((l) => (l === '' ? '' : inner + l)).join('\n')}\n${indent}EOT`;
  }
  if (Array.isArray(v)) {
    const list: readonly Value[] = v;
    if (list.length === 0) return '[]';
    const inner = indent + '  ';
    const items = list.map((item, i) => `${inner}${formatValue(item, { ...opts, indent: inner, path: [...path, i] })},`);
    return `[\n${items.join('\n')}\n${indent}]`;
  }
  if (isObjectValue(v)) {
    const keys = Object.keys(v).sort();
    if (keys.length === 0) return '{}';
    const inner = indent + '  ';
    const width = Math.max(...keys.map((k) => quoteString(k).length));
    const lines = keys.map((k) => {
      const child = v[k] ?? null;
      const text = formatValue(child, { ...opts, indent: inner, path: [...path, k] });
      return `${inner}${quoteString(k).padEnd(width)} = ${text}`;
    });
    return `{\n${lines.join('\n')}\n${indent}}`;
  }
  return formatPrimitive(v);
}
