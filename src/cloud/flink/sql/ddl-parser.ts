/** DDL: CREATE TABLE (incl. LIKE and CTAS), ALTER TABLE, CREATE VIEW, DROP TABLE / VIEW. */
import type { AlterTableAction, Column, ColumnPosition, CreateTable, CreateView, Distribution, KeyValue, LikeAction,
  LikeClause, LikeFeature, Pos, PrimaryKeyDef, SchemaItem, Statement, WatermarkDef } from './ast.js';
import type { Cursor } from './cursor.js';
import { parseExpr } from './expression-parser.js';
import { parenthesizedNames, parseQuery } from './query-parser.js';
import { parseDataType } from './type-parser.js';

/** After `CREATE [OR REPLACE] TABLE`. */
export function parseCreateTable(c: Cursor, head: { start: Pos; orReplace: boolean }): CreateTable {
  const { start, orReplace } = head;
  const ifNotExists = c.acceptKws('IF', 'NOT', 'EXISTS');
  const name = c.compoundName();
  const columns: Column[] = [];
  const watermarks: WatermarkDef[] = [];
  let primaryKey: PrimaryKeyDef | undefined;
  if (c.acceptOp('(')) {
    do {
      for (const item of schemaItems(c, false)) {
        if (item.kind === 'Watermark') watermarks.push(item);
        else if (item.kind === 'PrimaryKey') {
          if (primaryKey) c.fail('Duplicate primary key definition');
          primaryKey = item;
        } else columns.push(item);
      }
    } while (c.acceptOp(','));
    c.expectOp(')');
  }
  const comment = c.acceptKw('COMMENT') ? c.string() : undefined;
  let distribution: Distribution | undefined;
  if (c.isKw('DISTRIBUTED')) distribution = parseDistribution(c);
  else c.expect('"DISTRIBUTED"');
  let partitionedBy: string[] | undefined;
  if (c.acceptKw('PARTITIONED')) { c.expectKw('BY'); partitionedBy = parenthesizedNames(c); }
  const options = c.acceptKw('WITH') ? parseOptions(c) : [];
  let like: LikeClause | undefined;
  if (c.acceptKw('LIKE')) like = parseLike(c);
  const asQuery = c.acceptKw('AS') ? parseQuery(c) : undefined;
  return {
    kind: 'CreateTable', range: c.rangeFrom(start), orReplace, ifNotExists, name, columns, watermarks, options,
    ...(primaryKey ? { primaryKey } : {}), ...(comment !== undefined ? { comment } : {}),
    ...(distribution ? { distribution } : {}), ...(partitionedBy ? { partitionedBy } : {}),
    ...(like ? { like } : {}), ...(asQuery ? { asQuery } : {}),
  };
}

function parseDistribution(c: Cursor): Distribution {
  const start = c.advance().start;
  let d: Distribution = { range: c.rangeFrom(start), hash: false };
  if (c.acceptKw('BY')) {
    const hash = c.acceptKw('HASH');
    d = { range: c.rangeFrom(start), hash, columns: parenthesizedNames(c) };
    if (!c.acceptKw('INTO')) return { ...d, range: c.rangeFrom(start) };
  } else c.expectKw('INTO');
  const buckets = c.integer();
  c.expectKw('BUCKETS');
  return { ...d, buckets, range: c.rangeFrom(start) };
}

/** `( 'k' = 'v', ... )`. */
export function parseOptions(c: Cursor): KeyValue[] {
  c.expectOp('(');
  const options: KeyValue[] = [];
  if (!c.isOp(')')) {
    do {
      const start = c.here();
      const key = c.string();
      c.expectOp('=');
      const value = c.string();
      options.push({ range: c.rangeFrom(start), key, value });
    } while (c.acceptOp(','));
  }
  c.expectOp(')');
  return options;
}

const LIKE_FEATURES: readonly LikeFeature[] = ['ALL', 'CONSTRAINTS', 'PARTITIONS', 'GENERATED', 'OPTIONS', 'WATERMARKS', 'METADATA', 'DISTRIBUTION'];

function parseLike(c: Cursor): LikeClause {
  const start = c.prev().start;
  const source = c.compoundName();
  const options: { action: LikeAction; feature: LikeFeature }[] = [];
  if (c.acceptOp('(')) {
    while (!c.isOp(')')) {
      let action: LikeAction;
      if (c.acceptKw('INCLUDING')) action = 'INCLUDING';
      else if (c.acceptKw('EXCLUDING')) action = 'EXCLUDING';
      else { c.expectKw('OVERWRITING'); action = 'OVERWRITING'; }
      const feature = LIKE_FEATURES.find((f) => c.isKw(f));
      if (!feature) { for (const f of LIKE_FEATURES) c.expect(`"${f}"`); c.fail(); }
      c.advance();
      options.push({ action, feature });
      c.acceptOp(',');
    }
    c.expectOp(')');
  }
  return { range: c.rangeFrom(start), source, options };
}

/** One schema element; a column with an inline `PRIMARY KEY` yields the column and the key. */
function schemaItems(c: Cursor, allowPosition: boolean): SchemaItem[] {
  const start = c.here();
  if (c.isKw('WATERMARK') && c.isKw('FOR', 1)) {
    c.advance(); c.advance();
    const column = c.compoundName();
    c.expectKw('AS');
    const expr = parseExpr(c);
    return [{ kind: 'Watermark', range: c.rangeFrom(start), column, expr }];
  }
  if ((c.isKw('PRIMARY') && c.isKw('KEY', 1)) || (c.isKw('CONSTRAINT') && c.atIdentifier(1))) {
    const constraintName = c.acceptKw('CONSTRAINT') ? c.identifier() : undefined;
    c.expectKw('PRIMARY', 'KEY');
    const columns = parenthesizedNames(c);
    const notEnforced = c.acceptKws('NOT', 'ENFORCED');
    return [{ kind: 'PrimaryKey', range: c.rangeFrom(start), columns, notEnforced, ...(constraintName !== undefined ? { constraintName } : {}) }];
  }
  const name = c.identifier();
  let column: Column;
  let pk: PrimaryKeyDef | undefined;
  if (c.acceptKw('AS')) {
    column = { kind: 'ComputedColumn', range: c.rangeFrom(start), name, expr: parseExpr(c) };
  } else {
    const type = parseDataType(c);
    if (c.acceptKw('METADATA')) {
      const key = c.acceptKw('FROM') ? c.string() : undefined;
      const virtual = c.acceptKw('VIRTUAL');
      column = { kind: 'MetadataColumn', range: c.rangeFrom(start), name, type, virtual, ...(key !== undefined ? { key } : {}) };
    } else {
      column = { kind: 'PhysicalColumn', range: c.rangeFrom(start), name, type };
      const ps = c.here();
      if ((c.isKw('PRIMARY') && c.isKw('KEY', 1)) || c.isKw('CONSTRAINT')) {
        const constraintName = c.acceptKw('CONSTRAINT') ? c.identifier() : undefined;
        c.expectKw('PRIMARY', 'KEY');
        const notEnforced = c.acceptKws('NOT', 'ENFORCED');
        pk = { kind: 'PrimaryKey', range: c.rangeFrom(ps), columns: [name], notEnforced, ...(constraintName !== undefined ? { constraintName } : {}) };
      }
    }
  }
  if (c.acceptKw('COMMENT')) column = { ...column, comment: c.string() };
  if (allowPosition) {
    let position: ColumnPosition | undefined;
    if (c.acceptKw('FIRST')) position = { kind: 'FIRST' };
    else if (c.acceptKw('AFTER')) position = { kind: 'AFTER', column: c.identifier() };
    if (position) column = { ...column, position };
  }
  column = { ...column, range: c.rangeFrom(start) };
  return pk ? [column, pk] : [column];
}

/** After `ALTER TABLE`. */
export function parseAlterTable(c: Cursor, start: Pos): Statement {
  const ifExists = c.acceptKws('IF', 'EXISTS');
  const name = c.compoundName();
  const action = alterAction(c);
  return { kind: 'AlterTable', range: c.rangeFrom(start), ifExists, name, action };
}

function alterAction(c: Cursor): AlterTableAction {
  for (const verb of ['ADD', 'MODIFY'] as const) {
    if (!c.acceptKw(verb)) continue;
    const items: SchemaItem[] = [];
    if (c.acceptOp('(')) {
      do items.push(...schemaItems(c, true)); while (c.acceptOp(','));
      c.expectOp(')');
    } else items.push(...schemaItems(c, true));
    return { kind: verb === 'ADD' ? 'AddSchema' : 'ModifySchema', items };
  }
  if (c.acceptKw('DROP')) {
    if (c.acceptKw('WATERMARK')) return { kind: 'DropWatermark' };
    if (c.acceptKws('PRIMARY', 'KEY')) return { kind: 'DropPrimaryKey' };
    if (c.isKw('CONSTRAINT') && c.atIdentifier(1)) { c.advance(); return { kind: 'DropConstraint', name: c.identifier() }; }
    if (c.isKw('COLUMN') && c.atIdentifier(1)) c.advance();
    if (c.isOp('(')) return { kind: 'DropColumns', columns: parenthesizedNames(c) };
    return { kind: 'DropColumns', columns: [c.identifier()] };
  }
  if (c.acceptKw('SET')) return { kind: 'SetOptions', options: parseOptions(c) };
  if (c.acceptKw('RESET')) {
    c.expectOp('(');
    const keys = [c.string()];
    while (c.acceptOp(',')) keys.push(c.string());
    c.expectOp(')');
    return { kind: 'ResetOptions', keys };
  }
  if (c.acceptKw('RENAME')) {
    if (c.acceptKw('TO')) return { kind: 'RenameTable', newName: c.compoundName() };
    const from = c.identifier();
    c.expectKw('TO');
    return { kind: 'RenameColumn', from, to: c.identifier() };
  }
  return c.fail();
}

/** After `CREATE [OR REPLACE] VIEW`. */
export function parseCreateView(c: Cursor, head: { start: Pos; orReplace: boolean }): CreateView {
  const { start, orReplace } = head;
  const ifNotExists = c.acceptKws('IF', 'NOT', 'EXISTS');
  const name = c.compoundName();
  const columns = c.isOp('(') ? parenthesizedNames(c) : undefined;
  const comment = c.acceptKw('COMMENT') ? c.string() : undefined;
  c.expectKw('AS');
  const query = parseQuery(c);
  return {
    kind: 'CreateView', range: c.rangeFrom(start), orReplace, ifNotExists, name, query,
    ...(columns ? { columns } : {}), ...(comment !== undefined ? { comment } : {}),
  };
}
