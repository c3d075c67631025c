/**
 * A table reference → a scan. The scan row is the table's physical columns (declared order), then
 * its metadata columns, then `$rowtime` (metadata key `timestamp`); a calc on top restores the
 * declared column order and evaluates computed columns, whose expression text the catalog keeps.
 * `$rowtime` and VIRTUAL metadata columns are hidden: addressable by name, skipped by `*`.
 */
import { parseExpression } from '../sql/index.js';
import type { Hint } from '../sql/index.js';
import type { CatalogTable } from '../catalog/index.js';
import type { BoundExpr, BoundField, LogicalRel, ScanColumn } from './types.js';
import { Scope } from './scope.js';
import { bindExpr } from './bind-expression.js';
import type { ExprContext } from './bind-expression.js';
import { BindError, validationError } from './sql-error.js';

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
  const scan: LogicalRel = { kind: 'scan', table, columns, hintOptions, fields: scanFields };
  const inOrder = table.columns.every((c) => c.kind !== 'computed')
    && [...table.columns, ...table.systemColumns].every((c, i) => columns[i]?.name === c.name);
  if (inOrder) return scan;
  const scope = Scope.of(scanFields, undefined, cx.file);
  const project: BoundExpr[] = [];
  const fields: BoundField[] = [];
  for (const c of [...table.columns, ...table.systemColumns]) {
    if (c.kind === 'computed') {
      const parsed = parseExpression(c.expr);
      if (parsed.value === undefined) throw new BindError(validationError(zeroRange(), `Invalid computed column '${c.name}': ${parsed.diagnostics[0]?.summary ?? ''}`, { file: cx.file }));
      const e = bindExpr(parsed.value, { ...cx, scope });
      project.push(e);
      fields.push({ name: c.name, type: e.type });
      continue;
    }
    const i = columns.findIndex((s) => s.name === c.name);
    const f = scanFields[i];
    if (f === undefined) continue;
    project.push({ kind: 'input', index: i, type: f.type });
    fields.push(f);
  }
  return { kind: 'calc', input: scan, project, fields };
}

function zeroRange(): { start: { line: number; column: number; offset: number }; end: { line: number; column: number; offset: number } } {
  const p = { line: 1, column: 1, offset: 0 };
  return { start: p, end: p };
}
