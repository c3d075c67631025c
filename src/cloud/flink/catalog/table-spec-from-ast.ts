/**
 * The parser's CREATE TABLE / ALTER TABLE nodes → the catalog's plain TableSpec / AlterAction
 * inputs: types converted, expressions printed back in the canonical backquoted form that SHOW
 * CREATE TABLE shows, and the clauses Confluent does not support refused with a diagnostic.
 */
import type { Diagnostic, Outcome } from '../../../shared/index.js';
import { errorDiag } from '../../../shared/index.js';
import type { AlterTableAction, Column, CreateTable, KeyValue, SchemaItem } from '../sql/index.js';
import { printExpression } from '../sql/index.js';
import type { AlterAction, ColumnSpec, TableSpec } from './types.js';
import { logicalTypeOf } from './logical-type-of.js';

/** Message Confluent uses for recognised but unsupported operations. */
const NOT_SUPPORTED = 'The requested operation is not supported.';

/** CREATE TABLE AST → TableSpec (the AS SELECT part, if any, is left to the caller). */
export function tableSpecFromAst(ast: CreateTable): Outcome<TableSpec> {
  const diags: Diagnostic[] = [];
  if (ast.orReplace) diags.push(errorDiag('flink-not-supported', `${NOT_SUPPORTED} CREATE OR REPLACE TABLE is not supported.`));
  if (ast.like !== undefined) diags.push(errorDiag('flink-not-supported', `${NOT_SUPPORTED} CREATE TABLE ... LIKE is not supported yet.`));
  if (ast.partitionedBy !== undefined) diags.push(errorDiag('flink-partitioned-by', 'PARTITIONED BY is deprecated; use DISTRIBUTED BY (columns) INTO n BUCKETS.'));
  if (ast.watermarks.length > 1) diags.push(errorDiag('flink-invalid-watermark', 'Multiple watermark definitions are not supported yet.'));
  if (ast.primaryKey !== undefined && !ast.primaryKey.notEnforced) diags.push(notEnforced());
  const columns = ast.columns.map((c) => columnSpec(c, diags));
  const options = optionsOf(ast.options, diags);
  if (diags.length > 0) return { diagnostics: diags };
  const wm = ast.watermarks[0];
  const dist = ast.distribution;
  const spec: TableSpec = {
    path: ast.name,
    ifNotExists: ast.ifNotExists,
    columns,
    options,
    ...(wm === undefined ? {} : { watermark: { column: wm.column.join('.'), expr: printExpression(wm.expr, { quoteAll: true }) } }),
    ...(ast.primaryKey === undefined ? {} : {
      primaryKey: ast.primaryKey.constraintName === undefined ? { columns: ast.primaryKey.columns } : { name: ast.primaryKey.constraintName, columns: ast.primaryKey.columns },
    }),
    ...(dist === undefined ? {} : { distribution: { ...(dist.columns === undefined ? {} : { columns: dist.columns }), ...(dist.buckets === undefined ? {} : { buckets: dist.buckets }) } }),
    ...(ast.comment === undefined ? {} : { comment: ast.comment }),
  };
  return { value: spec, diagnostics: [] };
}

/** ALTER TABLE action AST → catalog actions (ADD/MODIFY with several items become several actions). */
export function alterActionsFromAst(action: AlterTableAction): Outcome<readonly AlterAction[]> {
  const diags: Diagnostic[] = [];
  const out: AlterAction[] = [];
  switch (action.kind) {
    case 'AddSchema': case 'ModifySchema': {
      const modify = action.kind === 'ModifySchema';
      const added: ColumnSpec[] = [];
      for (const item of action.items) {
        if (item.kind === 'Watermark') {
          const wm = { column: item.column.join('.'), expr: printExpression(item.expr, { quoteAll: true }) };
          out.push(modify ? { kind: 'modify-watermark', ...wm } : { kind: 'add-watermark', ...wm });
        } else if (item.kind === 'PrimaryKey') {
          diags.push(errorDiag('flink-not-supported', `${NOT_SUPPORTED} Primary keys cannot be changed with ALTER TABLE.`));
        } else if (modify) {
          out.push({ kind: 'modify-column', column: columnSpec(item, diags) });
        } else {
          added.push(columnSpec(item, diags));
        }
        if (isColumn(item) && item.position !== undefined) diags.push(errorDiag('flink-not-supported', `${NOT_SUPPORTED} Column positions (FIRST / AFTER) are not supported.`));
      }
      if (added.length > 0) out.unshift({ kind: 'add-columns', columns: added });
      break;
    }
    case 'DropColumns': out.push({ kind: 'drop-columns', columns: action.columns }); break;
    case 'DropWatermark': out.push({ kind: 'drop-watermark' }); break;
    case 'SetOptions': out.push({ kind: 'set-options', options: optionsOf(action.options, diags) }); break;
    case 'ResetOptions': out.push({ kind: 'reset-options', keys: action.keys }); break;
    case 'DropPrimaryKey': case 'DropConstraint': case 'RenameTable': case 'RenameColumn':
      diags.push(errorDiag('flink-not-supported', NOT_SUPPORTED));
      break;
    default: {
      const never: never = action;
      diags.push(errorDiag('flink-not-supported', `${NOT_SUPPORTED} (${JSON.stringify(never)})`));
    }
  }
  return diags.length > 0 ? { diagnostics: diags } : { value: out, diagnostics: [] };
}

function columnSpec(c: Column, diags: Diagnostic[]): ColumnSpec {
  const comment = c.comment === undefined ? {} : { comment: c.comment };
  if (c.kind === 'ComputedColumn') return { kind: 'computed', name: c.name, expr: printExpression(c.expr, { quoteAll: true }), ...comment };
  const t = logicalTypeOf(c.type);
  diags.push(...t.diagnostics);
  const type = t.value ?? { kind: 'NULL', nullable: true };
  if (c.kind === 'PhysicalColumn') return { kind: 'physical', name: c.name, type, ...comment };
  return { kind: 'metadata', name: c.name, type, virtual: c.virtual, ...(c.key === undefined ? {} : { key: c.key }), ...comment };
}

function optionsOf(kvs: readonly KeyValue[], diags: Diagnostic[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, value } of kvs) {
    if (Object.hasOwn(out, key)) diags.push(errorDiag('flink-duplicate-option', `The option '${key}' is given more than once.`));
    out[key] = value;
  }
  return out;
}

function isColumn(item: SchemaItem): item is Column {
  return item.kind === 'PhysicalColumn' || item.kind === 'ComputedColumn' || item.kind === 'MetadataColumn';
}

function notEnforced(): Diagnostic {
  return errorDiag('flink-primary-key-enforced',
    "Flink doesn't support ENFORCED mode for PRIMARY KEY constraint. ENFORCED/NOT ENFORCED controls if the constraint checks are performed on the incoming/outgoing data. Flink does not own the data therefore the only supported mode is the NOT ENFORCED mode");
}
