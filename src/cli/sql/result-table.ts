/**
 * Applies a statement's changelog to a table the way Flink clients do: rows keyed by the upsert
 * columns when the result has them, else by the whole row (a -U/-D removes one equal row).
 */
import type { ResultChange, ResultColumn } from './statement-client.js';

export const OP_TEXT = ['+I', '-U', '+U', '-D'] as const;

export class ResultTable {
  readonly columns: readonly ResultColumn[];
  readonly #upsert: readonly number[] | undefined;
  readonly #rows: (readonly unknown[])[] = [];
  readonly #byKey = new Map<string, number>();

  constructor(columns: readonly ResultColumn[], upsertColumns?: readonly number[]) {
    this.columns = columns;
    this.#upsert = upsertColumns && upsertColumns.length ? upsertColumns : undefined;
  }

  #key(row: readonly unknown[]): string {
    return JSON.stringify(this.#upsert ? this.#upsert.map((i) => row[i]) : row);
  }

  apply(changes: readonly ResultChange[]): void {
    for (const c of changes) {
      const k = this.#key(c.row);
      if (c.op === 0 || c.op === 2) {
        if (this.#upsert && this.#byKey.has(k)) { this.#rows[this.#byKey.get(k)!] = c.row; continue; }
        this.#byKey.set(k, this.#rows.length);
        this.#rows.push(c.row);
      } else {
        const i = this.#upsert ? this.#byKey.get(k) : this.#rows.findIndex((r) => this.#key(r) === k);
        if (i === undefined || i < 0) continue;
        this.#rows.splice(i, 1);
        this.#byKey.clear();
        this.#rows.forEach((r, j) => this.#byKey.set(this.#key(r), j));
      }
    }
  }

  get rows(): readonly (readonly unknown[])[] { return this.#rows; }
}

/** Converts result cells (strings on the wire) to JSON values by column type. */
export function typedValue(v: unknown, col: ResultColumn | undefined): unknown {
  if (v === null || typeof v !== 'string' || !col) return v;
  switch (col.type.type) {
    case 'BOOLEAN': return v.toUpperCase() === 'TRUE';
    case 'TINYINT': case 'SMALLINT': case 'INTEGER': case 'FLOAT': case 'DOUBLE': { const n = Number(v); return Number.isFinite(n) ? n : v; }
    case 'BIGINT': { const n = Number(v); return Number.isSafeInteger(n) ? n : v; }
    default: return v;
  }
}

/** Renders rows as an aligned text table with a header, like the Flink SQL client's table mode. */
export function renderTextTable(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const cell = (v: unknown): string => (v === null || v === undefined ? 'NULL' : typeof v === 'string' ? v : JSON.stringify(v));
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => cell(r[i]).length)));
  const line = '+' + widths.map((w) => '-'.repeat(w + 2)).join('+') + '+';
  const fmt = (vals: readonly string[]): string => '| ' + vals.map((v, i) => v.padEnd(widths[i]!)).join(' | ') + ' |';
  return [line, fmt(columns), line, ...rows.map((r) => fmt(r.map(cell))), line].join('\n') + '\n' + `${rows.length} row${rows.length === 1 ? '' : 's'} in set\n`;
}

export function renderCsv(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const q = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    const s = typeof v === 'string' ? v : JSON.stringify(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.map(q).join(','), ...rows.map((r) => r.map(q).join(','))].join('\n') + '\n';
}
