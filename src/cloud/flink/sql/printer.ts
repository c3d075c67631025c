/**
 * Prints statements back to canonical Flink SQL (used by SHOW CREATE TABLE and by the
 * parse → print → parse round-trip property). Output re-parses to an equal AST, ranges aside.
 */
import { assertNever } from '../../../shared/index.js';
import type { AlterTableAction, Column, CreateTable, Insert, KeyValue, PrimaryKeyDef, SchemaItem, Statement, WatermarkDef } from './ast.js';
import type { PrintOptions } from './expression-printer.js';
import { ident, names, printDataType, printExpr, printHints, str } from './expression-printer.js';
import { printQuery } from './query-printer.js';

export type { PrintOptions } from './expression-printer.js';
export { printExpr as printExpression, printDataType } from './expression-printer.js';
export { printQuery } from './query-printer.js';

/** Prints one statement without a trailing `;`. */
export function printStatement(s: Statement, o: PrintOptions = {}): string {
  switch (s.kind) {
    case 'CreateTable': return createTable(s, o);
    case 'AlterTable': return `ALTER TABLE ${s.ifExists ? 'IF EXISTS ' : ''}${names(s.name, o)} ${alterAction(s.action, o)}`;
    case 'DropTable': return `DROP TABLE ${s.ifExists ? 'IF EXISTS ' : ''}${names(s.name, o)}`;
    case 'CreateView': {
      let head = `CREATE ${s.orReplace ? 'OR REPLACE ' : ''}VIEW ${s.ifNotExists ? 'IF NOT EXISTS ' : ''}${names(s.name, o)}`;
      if (s.columns) head += ` (${s.columns.map((c) => ident(c, o)).join(', ')})`;
      if (s.comment !== undefined) head += ` COMMENT ${str(s.comment)}`;
      return `${head} AS\n${printQuery(s.query, o)}`;
    }
    case 'DropView': return `DROP VIEW ${s.ifExists ? 'IF EXISTS ' : ''}${names(s.name, o)}`;
    case 'Insert': return insert(s, o);
    case 'StatementSet': return `EXECUTE STATEMENT SET\nBEGIN\n${s.inserts.map((i) => `${insert(i, o)};`).join('\n')}\nEND`;
    case 'QueryStatement': return printQuery(s.query, o);
    case 'Set': return s.key === undefined ? 'SET' : `SET ${str(s.key)} = ${str(s.value ?? '')}`;
    case 'Reset': return s.key === undefined ? 'RESET' : `RESET ${str(s.key)}`;
    case 'UseCatalog': return `USE CATALOG ${ident(s.catalog, o)}`;
    case 'Use': return `USE ${names(s.name, o)}`;
    case 'Show': {
      let out = `SHOW ${s.what}`;
      if (s.from) out += ` ${s.from.preposition} ${names(s.from.name, o)}`;
      if (s.like) out += ` ${s.like.negated ? 'NOT ' : ''}LIKE ${str(s.like.pattern)}`;
      return out;
    }
    case 'ShowCreate': return `SHOW CREATE ${s.object} ${names(s.name, o)}`;
    case 'Describe': return `DESCRIBE ${s.extended ? 'EXTENDED ' : ''}${names(s.name, o)}`;
    case 'Explain': {
      const head = ['EXPLAIN', ...(s.planFor ? ['PLAN FOR'] : []), ...(s.details.length ? [s.details.join(', ')] : [])].join(' ');
      return `${head}\n${printStatement(s.statement, o)}`;
    }
    case 'Unsupported': return s.text;
    default: return assertNever(s, 'statement');
  }
}

function insert(s: Insert, o: PrintOptions): string {
  let head = `INSERT ${s.mode} ${names(s.target, o)}`;
  if (s.targetHints.length) head += ` ${printHints(s.targetHints, o)}`;
  if (s.columns) head += ` (${s.columns.map((c) => ident(c, o)).join(', ')})`;
  return `${head}\n${printQuery(s.query, o)}`;
}

function options(kvs: readonly KeyValue[]): string {
  return `(\n${kvs.map((kv) => `  ${str(kv.key)} = ${str(kv.value)}`).join(',\n')}\n)`;
}

function createTable(s: CreateTable, o: PrintOptions): string {
  let out = `CREATE ${s.orReplace ? 'OR REPLACE ' : ''}TABLE ${s.ifNotExists ? 'IF NOT EXISTS ' : ''}${names(s.name, o)}`;
  const elements: string[] = [
    ...s.columns.map((c) => column(c, o)),
    ...s.watermarks.map((w) => watermark(w, o)),
    ...(s.primaryKey ? [primaryKey(s.primaryKey, o)] : []),
  ];
  if (elements.length) out += ` (\n${elements.map((e) => `  ${e}`).join(',\n')}\n)`;
  if (s.comment !== undefined) out += `\nCOMMENT ${str(s.comment)}`;
  if (s.distribution) {
    const d = s.distribution;
    out += '\nDISTRIBUTED';
    if (d.columns) out += ` BY ${d.hash ? 'HASH' : ''}(${d.columns.map((c) => ident(c, o)).join(', ')})`;
    if (d.buckets !== undefined) out += ` INTO ${d.buckets} BUCKETS`;
  }
  if (s.partitionedBy) out += `\nPARTITIONED BY (${s.partitionedBy.map((c) => ident(c, o)).join(', ')})`;
  if (s.options.length) out += `\nWITH ${options(s.options)}`;
  if (s.like) {
    out += `\nLIKE ${names(s.like.source, o)}`;
    if (s.like.options.length) out += ` (\n${s.like.options.map((x) => `  ${x.action} ${x.feature}`).join('\n')}\n)`;
  }
  if (s.asQuery) out += `\nAS ${printQuery(s.asQuery, o)}`;
  return out;
}

/** Prints one column definition as in CREATE TABLE. */
export function column(c: Column, o: PrintOptions = {}): string {
  let s = ident(c.name, o);
  switch (c.kind) {
    case 'PhysicalColumn': s += ` ${printDataType(c.type, o)}`; break;
    case 'ComputedColumn': s += ` AS ${printExpr(c.expr, o)}`; break;
    case 'MetadataColumn':
      s += ` ${printDataType(c.type, o)} METADATA`;
      if (c.key !== undefined) s += ` FROM ${str(c.key)}`;
      if (c.virtual) s += ' VIRTUAL';
      break;
    default: return assertNever(c, 'column');
  }
  if (c.comment !== undefined) s += ` COMMENT ${str(c.comment)}`;
  if (c.position) s += c.position.kind === 'FIRST' ? ' FIRST' : ` AFTER ${ident(c.position.column, o)}`;
  return s;
}

function watermark(w: WatermarkDef, o: PrintOptions): string {
  return `WATERMARK FOR ${names(w.column, o)} AS ${printExpr(w.expr, o)}`;
}

function primaryKey(pk: PrimaryKeyDef, o: PrintOptions): string {
  const name = pk.constraintName !== undefined ? `CONSTRAINT ${ident(pk.constraintName, o)} ` : '';
  return `${name}PRIMARY KEY (${pk.columns.map((c) => ident(c, o)).join(', ')})${pk.notEnforced ? ' NOT ENFORCED' : ''}`;
}

function schemaItem(i: SchemaItem, o: PrintOptions): string {
  if (i.kind === 'Watermark') return watermark(i, o);
  if (i.kind === 'PrimaryKey') return primaryKey(i, o);
  return column(i, o);
}

function alterAction(a: AlterTableAction, o: PrintOptions): string {
  switch (a.kind) {
    case 'AddSchema':
    case 'ModifySchema': {
      const verb = a.kind === 'AddSchema' ? 'ADD' : 'MODIFY';
      const only = a.items[0];
      return a.items.length === 1 && only ? `${verb} ${schemaItem(only, o)}` : `${verb} (\n${a.items.map((i) => `  ${schemaItem(i, o)}`).join(',\n')}\n)`;
    }
    case 'DropColumns': return a.columns.length === 1 ? `DROP ${ident(a.columns[0] ?? '', o)}` : `DROP (${a.columns.map((c) => ident(c, o)).join(', ')})`;
    case 'DropWatermark': return 'DROP WATERMARK';
    case 'DropPrimaryKey': return 'DROP PRIMARY KEY';
    case 'DropConstraint': return `DROP CONSTRAINT ${ident(a.name, o)}`;
    case 'SetOptions': return `SET ${options(a.options)}`;
    case 'ResetOptions': return `RESET (${a.keys.map(str).join(', ')})`;
    case 'RenameTable': return `RENAME TO ${names(a.newName, o)}`;
    case 'RenameColumn': return `RENAME ${ident(a.from, o)} TO ${ident(a.to, o)}`;
    default: return assertNever(a, 'alter action');
  }
}
