/**
 * DESCRIBE [EXTENDED] rows: `Column Name`, `Data Type` (summary spelling, `*ROWTIME*` on the
 * watermarked column), `Nullable`, `Extras` (`PRIMARY KEY, BUCKET KEY`, `AS …`, `METADATA …`,
 * `WATERMARK AS …`), plus `Comment` and the system `$rowtime` row when EXTENDED.
 */
import { assertNever } from '../../../shared/index.js';
import type { LogicalType } from '../types/index.js';
import { printType, withNullable, withoutTimeAttribute } from '../types/index.js';
import type { CatalogColumn, CatalogTable, ResultTable } from './types.js';
import { quoteString } from './show-create-table.js';

/** The DESCRIBE result of a table. */
export function describeTable(t: CatalogTable, extended: boolean): ResultTable {
  const header = ['Column Name', 'Data Type', 'Nullable', 'Extras'];
  const cols: { col: CatalogColumn; system: boolean }[] = t.columns.map((col) => ({ col, system: false }));
  if (extended) for (const col of t.systemColumns) cols.push({ col, system: true });
  const pk = new Set(t.primaryKey?.columns ?? []);
  const bucket = new Set(t.distribution.columns);
  const rows = cols.map(({ col, system }) => {
    const type = col.type;
    const isRowtime = t.watermark.column === col.name;
    const extras: string[] = [];
    if (pk.has(col.name)) extras.push('PRIMARY KEY');
    if (bucket.has(col.name)) extras.push('BUCKET KEY');
    extras.push(...columnExtras(col, system));
    if (isRowtime) extras.push(`WATERMARK AS ${t.watermark.expr}`);
    const row = [col.name, typeText(type, isRowtime), type === undefined || type.nullable ? 'NULL' : 'NOT NULL', extras.join(', ')];
    return extended ? [...row, col.comment ?? ''] : row;
  });
  return { columns: extended ? [...header, 'Comment'] : header, rows };
}

function typeText(type: LogicalType | undefined, rowtime: boolean): string {
  if (type === undefined) return '';
  // A computed column typed by the binder may carry its marker already (`*PROCTIME*`).
  const attr = rowtime ? 'rowtime' : type.kind === 'TIMESTAMP' || type.kind === 'TIMESTAMP_LTZ' ? type.timeAttribute : undefined;
  const s = printType(withNullable(withoutTimeAttribute(type), true));
  return attr === undefined ? s : `${s} *${attr.toUpperCase()}*`;
}

function columnExtras(c: CatalogColumn, system: boolean): string[] {
  switch (c.kind) {
    case 'physical': return [];
    case 'computed': return [`AS ${c.expr}`];
    case 'metadata': {
      const from = !system && c.key !== undefined && c.key !== c.name ? ` FROM ${quoteString(c.key)}` : '';
      return [`METADATA${from}${c.virtual ? ' VIRTUAL' : ''}`];
    }
    default: return assertNever(c, 'column');
  }
}
