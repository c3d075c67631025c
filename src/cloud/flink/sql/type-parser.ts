/** Parses Flink data types: atomic types with parameters, INTERVAL, ARRAY/MULTISET/MAP/ROW, NOT NULL. */
import type { DataType, IntervalQualifier, RowField, TimeUnit } from './ast.js';
import type { Cursor } from './cursor.js';
import { timeUnitOf } from './keywords.js';

const SIMPLE: Readonly<Record<string, string>> = {
  BOOLEAN: 'BOOLEAN', TINYINT: 'TINYINT', SMALLINT: 'SMALLINT', INT: 'INT', INTEGER: 'INT', BIGINT: 'BIGINT',
  FLOAT: 'FLOAT', REAL: 'FLOAT', DOUBLE: 'DOUBLE', DATE: 'DATE', STRING: 'STRING', BYTES: 'BYTES',
  CHAR: 'CHAR', CHARACTER: 'CHAR', VARCHAR: 'VARCHAR', BINARY: 'BINARY', VARBINARY: 'VARBINARY',
  DECIMAL: 'DECIMAL', DEC: 'DECIMAL', NUMERIC: 'DECIMAL', TIME: 'TIME', TIMESTAMP: 'TIMESTAMP',
  TIMESTAMP_LTZ: 'TIMESTAMP_LTZ', NULL: 'NULL', RAW: 'RAW', VARIANT: 'VARIANT', DESCRIPTOR: 'DESCRIPTOR',
};
const TYPE_NAMES = ['"ARRAY"', '"BIGINT"', '"BOOLEAN"', '"BYTES"', '"DECIMAL"', '"DOUBLE"', '"INT"', '"MAP"', '"ROW"', '"STRING"', '"TIMESTAMP"', '"TIMESTAMP_LTZ"'];

/** Parses a data type including trailing `NOT NULL` / `NULL` and postfix `ARRAY` / `MULTISET`. */
export function parseDataType(c: Cursor): DataType {
  return c.nested(() => dataType(c));
}

function dataType(c: Cursor): DataType {
  const start = c.here();
  let type = baseType(c);
  for (;;) {
    type = withNullability(c, type);
    if (c.isKw('ARRAY') || c.isKw('MULTISET')) {
      const name = c.advance().upper === 'ARRAY' ? 'ARRAY' : 'MULTISET';
      type = { kind: 'CollectionType', range: c.rangeFrom(start), name, element: type, nullable: true };
      continue;
    }
    return type;
  }
}

function withNullability(c: Cursor, type: DataType): DataType {
  if (c.isKw('NOT') && c.isKw('NULL', 1)) {
    c.advance(); c.advance();
    return { ...type, nullable: false, range: { start: type.range.start, end: c.prev().end } };
  }
  if (c.isKw('NULL')) { c.advance(); return { ...type, nullable: true, range: { start: type.range.start, end: c.prev().end } }; }
  return type;
}

function baseType(c: Cursor): DataType {
  const start = c.here();
  const t = c.peek();
  if (t.kind !== 'word') { for (const n of TYPE_NAMES) c.expect(n); return c.fail(); }
  const word = t.upper;
  if (word === 'ARRAY' || word === 'MULTISET') {
    c.advance();
    c.expectOp('<');
    const element = parseDataType(c);
    c.expectOp('>');
    return { kind: 'CollectionType', range: c.rangeFrom(start), name: word, element, nullable: true };
  }
  if (word === 'MAP') {
    c.advance();
    c.expectOp('<');
    const key = parseDataType(c);
    c.expectOp(',');
    const value = parseDataType(c);
    c.expectOp('>');
    return { kind: 'MapType', range: c.rangeFrom(start), key, value, nullable: true };
  }
  if (word === 'ROW') {
    c.advance();
    const close = c.isOp('(') ? ')' : '>';
    if (!c.acceptOp('(')) c.expectOp('<');
    const fields: RowField[] = [];
    if (!c.isOp(close)) {
      do fields.push(rowField(c)); while (c.acceptOp(','));
    }
    c.expectOp(close);
    return { kind: 'RowType', range: c.rangeFrom(start), fields, nullable: true };
  }
  if (word === 'INTERVAL') {
    c.advance();
    return { kind: 'IntervalType', range: c.rangeFrom(start), qualifier: intervalQualifier(c), nullable: true };
  }
  const canonical = Object.hasOwn(SIMPLE, word) ? SIMPLE[word] : undefined;
  if (canonical === undefined) { for (const n of TYPE_NAMES) c.expect(n); return c.fail(); }
  c.advance();
  let name = canonical;
  if (word === 'DOUBLE') c.acceptKw('PRECISION');
  if (word === 'CHARACTER' && c.isKw('VARYING')) { c.advance(); name = 'VARCHAR'; }
  const params: number[] = [];
  if (c.isOp('(')) {
    c.advance();
    do params.push(c.integer()); while (c.acceptOp(','));
    c.expectOp(')');
  }
  if (name === 'TIMESTAMP' || name === 'TIME') {
    if (c.isKw('WITHOUT')) { c.expectKw('WITHOUT', 'TIME', 'ZONE'); }
    else if (c.isKw('WITH')) {
      c.advance();
      c.expectKw('LOCAL', 'TIME', 'ZONE');
      name = `${name}_LTZ`;
      if (name === 'TIME_LTZ') c.fail('TIME WITH LOCAL TIME ZONE is not supported; use TIMESTAMP_LTZ');
    }
  }
  return { kind: 'AtomicType', range: c.rangeFrom(start), name, params, nullable: true };
}

function rowField(c: Cursor): RowField {
  const start = c.here();
  const name = c.identifier();
  const type = parseDataType(c);
  if (c.isKw('COMMENT') && c.peek(1).kind === 'string') c.advance();
  const comment = c.peek().kind === 'string' ? c.string() : undefined;
  return { range: c.rangeFrom(start), name, type, ...(comment !== undefined ? { comment } : {}) };
}

/** `DAY[(p)] [TO SECOND[(p)]]`, with plural units accepted. */
export function intervalQualifier(c: Cursor): IntervalQualifier {
  const start = unit(c);
  const startPrecision = optionalPrecision(c);
  let q: IntervalQualifier = startPrecision === undefined ? { start } : { start, startPrecision };
  if (c.isKw('TO')) {
    c.advance();
    const end = unit(c);
    q = { ...q, end };
    const fp = optionalPrecision(c);
    if (fp !== undefined) q = { ...q, fractionalPrecision: fp };
  }
  return q;
}

function unit(c: Cursor): TimeUnit {
  const t = c.peek();
  const u = t.kind === 'word' ? timeUnitOf(t.upper) : undefined;
  if (u === undefined) {
    for (const n of ['YEAR', 'MONTH', 'DAY', 'HOUR', 'MINUTE', 'SECOND']) c.expect(`"${n}"`);
    return c.fail();
  }
  c.advance();
  return u;
}

/** A time unit as used by EXTRACT, TIMESTAMPADD, CEIL/FLOOR. */
export function timeUnit(c: Cursor): TimeUnit {
  return unit(c);
}

function optionalPrecision(c: Cursor): number | undefined {
  if (!c.isOp('(')) return undefined;
  c.advance();
  const p = c.integer();
  c.expectOp(')');
  return p;
}
