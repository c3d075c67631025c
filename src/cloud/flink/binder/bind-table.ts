/**
 * A table reference → a scan. The scan row is the table's physical columns (declared order), then
 * its metadata columns, then `$rowtime` (metadata key `timestamp`); a calc on top restores the
 * declared column order and evaluates computed columns, whose expression text the catalog keeps.
 * `$rowtime` and VIRTUAL metadata columns are hidden: addressable by name, skipped by `*`.
 */
import { parseExpression } from '../sql/index.js';
import type { Hint } from '../sql/index.js';
import type { CatalogTable } from '../catalog/index.js';
import type { Expr } from '../sql/index.js';
import type { LogicalType } from '../types/index.js';
import type { BoundExpr, BoundField, LogicalRel, ScanColumn, ScanWatermark } from './types.js';
import { Scope } from './scope.js';
import { bindExpr } from './bind-expression.js';
import type { ExprContext } from './bind-expression.js';
import { BindError, validationError } from './sql-error.js';
import { intervalLiteral } from './bind-literal.js';

/** The scan of a table plus the calc that shapes it into the table's declared columns. */
export function scanTable(table: CatalogTable, hints: readonly Hint[], cx: Omit<ExprContext, 'scope'>): LogicalRel {
  const physical: ScanColumn[] = [];
  const metadata: ScanColumn[] = [];
  for (const c of table.columns) {
    if (c.kind === 'physical') physical.push({ kind: 'physical', name: c.name, type: c.type });
    else if (c.kind === 'metadata') metadata.push({ kind: 'metadata', name: c.name, key: c.key ?? c.name, type: c.type });
  }
  for (const c of table.systemColumns) metadata.push({ kind: 'metadata', name: c.name, key: c.key ?? c.name, type: c.type });
  const columns = [...physical, ...metadata];
  const hiddenNames = new Set([...table.columns.filter((c) => c.kind === 'metadata' && c.virtual).map((c) => c.name), ...table.systemColumns.map((c) => c.name)]);
  const scanFields: BoundField[] = columns.map((c) => ({ name: c.name, type: c.type, ...(hiddenNames.has(c.name) ? { hidden: true } : {}) }));
  const hintOptions: Record<string, string> = {};
  for (const h of hints) if (h.name.toUpperCase() === 'OPTIONS') for (const kv of h.options) hintOptions[kv.key] = kv.value;
  const wmCol = table.watermark.column;
  const rowtimeField = (f: BoundField): BoundField => (f.name === wmCol ? { ...f, type: asRowtime(f.type) } : f);
  const inOrder = table.columns.every((c) => c.kind !== 'computed')
    && [...table.columns, ...table.systemColumns].every((c, i) => columns[i]?.name === c.name);
  if (inOrder) {
    const i = columns.findIndex((c) => c.name === wmCol);
    const f = scanFields[i];
    const watermark = f === undefined ? undefined : watermarkOf(table, { kind: 'input', index: i, type: f.type }, cx.file);
    return { kind: 'scan', table, columns, hintOptions, ...(watermark === undefined ? {} : { watermark }), fields: scanFields.map(rowtimeField) };
  }
  let watermark: ScanWatermark | undefined;
  const scope = Scope.of(scanFields, undefined, cx.file);
  const project: BoundExpr[] = [];
  const fields: BoundField[] = [];
  for (const c of [...table.columns, ...table.systemColumns]) {
    if (c.kind === 'computed') {
      const parsed = parseExpression(c.expr);
      if (parsed.value === undefined) throw new BindError(validationError(zeroRange(), `Invalid computed column '${c.name}': ${parsed.diagnostics[0]?.summary ?? ''}`, { file: cx.file }));
      const e = bindExpr(parsed.value, { ...cx, scope });
      project.push(e);
      fields.push(rowtimeField({ name: c.name, type: e.type }));
      if (c.name === wmCol) watermark = watermarkOf(table, e, cx.file);
      continue;
    }
    const i = columns.findIndex((s) => s.name === c.name);
    const f = scanFields[i];
    if (f === undefined) continue;
    project.push({ kind: 'input', index: i, type: f.type });
    fields.push(rowtimeField(f));
    if (c.name === wmCol) watermark = watermarkOf(table, { kind: 'input', index: i, type: f.type }, cx.file);
  }
  const scan: LogicalRel = { kind: 'scan', table, columns, hintOptions, ...(watermark === undefined ? {} : { watermark }), fields: scanFields };
  return { kind: 'calc', input: scan, project, fields };
}

/**
 * The table's WATERMARK clause as a scan strategy: SOURCE_WATERMARK() (the default on `$rowtime`),
 * `col` (ascending) or `col - INTERVAL …` (bounded out-of-orderness).
 */
function watermarkOf(table: CatalogTable, rowtime: BoundExpr, file: string): ScanWatermark {
  const { column, expr } = table.watermark;
  const base = { rowtime, column, expr };
  if (table.watermark.isDefault || /SOURCE_WATERMARK/i.test(expr)) return { ...base, strategy: { kind: 'source' } };
  const parsed = parseExpression(expr);
  const e: Expr | undefined = parsed.value;
  const isCol = (x: Expr): boolean => x.kind === 'Identifier' && x.names.length === 1 && x.names[0] === column;
  if (e !== undefined && isCol(e)) return { ...base, strategy: { kind: 'bounded', delayMs: 0 } };
  if (e !== undefined && e.kind === 'Binary' && e.op === '-' && isCol(e.left) && e.right.kind === 'IntervalLiteral') {
    const lit = intervalLiteral(e.right);
    if (typeof lit !== 'string' && typeof lit.value === 'number') return { ...base, strategy: { kind: 'bounded', delayMs: lit.value } };
  }
  throw new BindError(validationError(zeroRange(), `not supported yet: the watermark expression '${expr}' of table '${table.name}'`, { file, code: 'sql-not-supported-yet' }));
}

function zeroRange(): { start: { line: number; column: number; offset: number }; end: { line: number; column: number; offset: number } } {
  const p = { line: 1, column: 1, offset: 0 };
  return { start: p, end: p };
}

/** The type marked as a rowtime attribute (`TIMESTAMP(3) *ROWTIME*`). */
function asRowtime(t: LogicalType): LogicalType {
  return t.kind === 'TIMESTAMP' || t.kind === 'TIMESTAMP_LTZ' ? { ...t, timeAttribute: 'rowtime' } : t;
}
