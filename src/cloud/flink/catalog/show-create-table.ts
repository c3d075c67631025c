/**
 * SHOW CREATE TABLE text as Confluent prints it: fully qualified name, one column per line in
 * the serializable type spelling (`VARCHAR(2147483647)`), a custom watermark, the primary key as
 * `CONSTRAINT `PRIMARY` PRIMARY KEY (…) NOT ENFORCED`, `DISTRIBUTED BY HASH(…) INTO n BUCKETS`
 * for keyed tables, then every option (defaults included) in alphabetical order.
 */
import { assertNever } from '../../../shared/index.js';
import { printType, quoteIdentifier } from '../types/index.js';
import type { CatalogColumn, CatalogTable } from './types.js';

/** The DDL of a table. */
export function showCreateTable(t: CatalogTable): string {
  const lines = t.columns.map((c) => `  ${columnDdl(c)}`);
  if (!t.watermark.isDefault) lines.push(`  WATERMARK FOR ${quoteIdentifier(t.watermark.column)} AS ${t.watermark.expr}`);
  if (t.primaryKey !== undefined) {
    lines.push(`  CONSTRAINT ${quoteIdentifier(t.primaryKey.name)} PRIMARY KEY (${t.primaryKey.columns.map(quoteIdentifier).join(', ')}) NOT ENFORCED`);
  }
  const out = [`CREATE TABLE ${[t.catalog.name, t.database.name, t.name].map(quoteIdentifier).join('.')} (`, lines.join(',\n'), ')'];
  if (t.comment !== undefined) out.push(`COMMENT ${quoteString(t.comment)}`);
  if (t.distribution.columns.length > 0 && !t.readOnly) {
    out.push(`DISTRIBUTED BY HASH(${t.distribution.columns.map(quoteIdentifier).join(', ')}) INTO ${t.distribution.buckets} BUCKETS`);
  }
  const opts = Object.keys(t.options).sort().map((k) => `  ${quoteString(k)} = ${quoteString(t.options[k] ?? '')}`);
  out.push('WITH (', opts.join(',\n'), ')');
  return out.join('\n');
}

/** One column as DDL (`` `a` INT NOT NULL COMMENT '…' ``). */
export function columnDdl(c: CatalogColumn): string {
  const comment = c.comment === undefined ? '' : ` COMMENT ${quoteString(c.comment)}`;
  switch (c.kind) {
    case 'physical': return `${quoteIdentifier(c.name)} ${printType(c.type, 'serializable')}${comment}`;
    case 'computed': return `${quoteIdentifier(c.name)} AS ${c.expr}${comment}`;
    case 'metadata': {
      const from = c.key !== undefined && c.key !== c.name ? ` FROM ${quoteString(c.key)}` : '';
      return `${quoteIdentifier(c.name)} ${printType(c.type, 'serializable')} METADATA${from}${c.virtual ? ' VIRTUAL' : ''}${comment}`;
    }
    default: return assertNever(c, 'column');
  }
}

/** A SQL string literal. */
export function quoteString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}
