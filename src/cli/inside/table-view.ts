/**
 * Output of the inside commands: aligned tables like the confluent CLI (`  ID  | Name` header,
 * a dashed rule, rows), key/value records for single objects, and JSON for --json.
 */
import type { Cell, Column, Row } from './types.js';

/** Renders rows as an aligned table; an empty list says so instead. */
export function renderTable(columns: readonly Column[], rows: readonly Row[], empty = 'None found.'): string {
  if (rows.length === 0) return `${empty}\n`;
  const cells = rows.map((r) => columns.map((c) => cellText(r[c.key] ?? null)));
  const widths = columns.map((c, i) => Math.max(c.title.length, ...cells.map((r) => (r[i] ?? '').length)));
  // `  a  | b  | c`: two spaces before the first cell, one around every `|`; the rule's `+` sits under each `|`.
  const line = (parts: readonly string[]): string => parts.map((p, i) => `${i === 0 ? '  ' : ' '}${p.padEnd(widths[i] ?? 0)} `).join('|').trimEnd();
  const rule = widths.map((w, i) => '-'.repeat(w + (i === 0 ? 3 : 2))).join('+');
  return [line(columns.map((c) => c.title)), rule, ...cells.map(line)].join('\n') + '\n';
}

/** Renders one object as aligned `Title: value` lines. */
export function renderRecord(columns: readonly Column[], row: Row): string {
  const width = Math.max(...columns.map((c) => c.title.length));
  return columns.map((c) => `${c.title.padEnd(width)}  ${cellText(row[c.key] ?? null)}`.trimEnd()).join('\n') + '\n';
}

/** JSON text of a value, pretty-printed, with a trailing newline. */
export function renderJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

function cellText(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'boolean') return c ? 'true' : 'false';
  return String(c);
}
