/**
 * Prints expressions, data types and window specifications as canonical Flink SQL: keywords upper
 * case, identifiers backquoted where needed, parentheses only where precedence demands them, so
 * that parsing the output gives back the same tree.
 */
import { assertNever } from '../../../shared/index.js';
import type { DataType, Expr, Hint, IntervalQualifier, OrderItem, WindowFrameBound, WindowSpec } from './ast.js';
import { CALLABLE_RESERVED, NILADIC, RESERVED } from './keywords.js';
import { printQuery } from './query-printer.js';

/** Printing choices. */
export interface PrintOptions {
  /** Backquote every identifier (as SHOW CREATE TABLE does), not only those that need it. */
  readonly quoteAll?: boolean;
}

/** Words that are not reserved but start a construct where an identifier could stand. */
const CONTEXT_WORDS = new Set(['CONSTRAINT', 'WATERMARK', 'PRIMARY', 'DESCRIPTOR', 'KEY', 'VALUE', 'ONE', 'AFTER', 'FIRST',
  'RETURNING', 'DEFAULT', 'IGNORE', 'RESPECT', 'COMMENT', 'METADATA', 'VIRTUAL', 'DISTRIBUTED', 'PARTITIONED', 'EXTENDED']);

/** Quotes an identifier with backquotes when needed (or always with `quoteAll`). */
export function ident(name: string, o: PrintOptions = {}): string {
  const upper = name.toUpperCase();
  const plain = /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !RESERVED.has(upper) && !NILADIC.has(upper) && !CONTEXT_WORDS.has(upper);
  return plain && !o.quoteAll ? name : `\`${name.replace(/`/g, '``')}\``;
}

/** A dotted name. */
export function names(parts: readonly string[], o: PrintOptions = {}): string {
  return parts.map((p) => ident(p, o)).join('.');
}

/** A SQL string literal. */
export function str(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function level(e: Expr): number {
  switch (e.kind) {
    case 'Binary':
      if (e.op === 'OR') return 1;
      if (e.op === 'AND') return 2;
      if (e.op === '+' || e.op === '-') return 5;
      if (e.op === '*' || e.op === '/' || e.op === '%' || e.op === '||') return 6;
      return 4;
    case 'Unary': return e.op === 'NOT' ? 3 : 7;
    case 'Is': case 'IsDistinctFrom': case 'Between': case 'InList': case 'InQuery': case 'Like': return 4;
    case 'NamedArgument': case 'TableArgument': return 0;
    default: return 8;
  }
}

/** Prints an expression as canonical Flink SQL. */
export function printExpr(e: Expr, o: PrintOptions = {}): string {
  return printAt(e, 0, o);
}

/** Prints `e`, parenthesised when its precedence is below `min`. */
function printAt(e: Expr, min: number, o: PrintOptions): string {
  const s = raw(e, o);
  return level(e) < min ? `(${s})` : s;
}

function list(es: readonly Expr[], o: PrintOptions): string {
  return es.map((x) => printExpr(x, o)).join(', ');
}

function raw(e: Expr, o: PrintOptions): string {
  const p = (x: Expr, min = 0): string => printAt(x, min, o);
  switch (e.kind) {
    case 'NumericLiteral': return e.text;
    case 'StringLiteral': return str(e.value);
    case 'BinaryLiteral': return `X'${e.hex}'`;
    case 'BooleanLiteral': return e.value;
    case 'NullLiteral': return 'NULL';
    case 'TypedLiteral': return `${e.type} ${str(e.value)}`;
    case 'IntervalLiteral': return `INTERVAL ${str(e.value)} ${qualifier(e.qualifier)}`;
    case 'Identifier': return names(e.names, o);
    case 'Star': return e.qualifier ? `${names(e.qualifier, o)}.*` : '*';
    case 'FunctionCall': {
      const fname = e.name.map((n) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(n) && (!RESERVED.has(n.toUpperCase()) || CALLABLE_RESERVED.has(n.toUpperCase()) || e.niladic) ? n : ident(n, { quoteAll: true }))).join('.');
      if (e.niladic) return fname;
      let s = `${fname}(${e.quantifier ? `${e.quantifier} ` : ''}${list(e.args, o)}${e.nullTreatment ? ` ${e.nullTreatment}` : ''})`;
      if (e.filter) s += ` FILTER (WHERE ${p(e.filter)})`;
      if (e.over) s += ` OVER ${e.over.kind === 'WindowRef' ? ident(e.over.name, o) : printWindowSpec(e.over, o)}`;
      return s;
    }
    case 'NamedArgument': return `${ident(e.name, o)} => ${p(e.value)}`;
    case 'TableArgument': {
      const source = e.query ? `(${printQuery(e.query, o)})` : names(e.table ?? [], o);
      const keys = e.partitionBy.length === 1 ? list(e.partitionBy, o) : `(${list(e.partitionBy, o)})`;
      return `TABLE ${source}${e.partitionBy.length ? ` PARTITION BY ${keys}` : ''}`;
    }
    case 'Descriptor': return `DESCRIPTOR(${e.columns.map((c) => ident(c, o)).join(', ')})`;
    case 'TimeUnitArg': return e.unit;
    case 'Cast': return `${e.try ? 'TRY_CAST' : 'CAST'}(${p(e.expr)} AS ${printDataType(e.type, o)})`;
    case 'Extract': return `EXTRACT(${e.unit} FROM ${p(e.expr)})`;
    case 'Position': return `POSITION(${p(e.needle, 5)} IN ${p(e.haystack)})`;
    case 'Trim': return `TRIM(${e.side} ${e.chars ? `${p(e.chars)} ` : ''}FROM ${p(e.expr)})`;
    case 'Overlay': return `OVERLAY(${p(e.expr)} PLACING ${p(e.placing)} FROM ${p(e.from)}${e.length ? ` FOR ${p(e.length)}` : ''})`;
    case 'FloorCeil': return `${e.fn}(${p(e.expr)} TO ${e.unit})`;
    case 'JsonCall': {
      const parts = [list(e.args, o)];
      if (e.returning) parts.push(`RETURNING ${printDataType(e.returning, o)}`);
      for (const c of e.clauses) parts.push(c.expr ? c.text.replace('DEFAULT ', `DEFAULT ${p(c.expr)} `) : c.text);
      return `${e.name}(${parts.filter((x) => x !== '').join(' ')})`;
    }
    case 'JsonKeyValue': return `KEY ${p(e.key)} VALUE ${p(e.value)}`;
    case 'Case': {
      let s = 'CASE';
      if (e.operand) s += ` ${p(e.operand)}`;
      for (const w of e.whens) s += ` WHEN ${p(w.when)} THEN ${p(w.then)}`;
      if (e.else) s += ` ELSE ${p(e.else)}`;
      return `${s} END`;
    }
    case 'Unary': {
      if (e.op === 'NOT') return `NOT ${p(e.operand, 3)}`;
      const inner = p(e.operand, 7);
      return /^[-+]/.test(inner) ? `${e.op} ${inner}` : `${e.op}${inner}`;
    }
    case 'Binary': {
      const l = level(e);
      return `${p(e.left, l)} ${e.op} ${p(e.right, l + 1)}`;
    }
    case 'Is': return `${p(e.expr, 4)} IS ${e.negated ? 'NOT ' : ''}${e.test}`;
    case 'IsDistinctFrom': return `${p(e.left, 4)} IS ${e.negated ? 'NOT ' : ''}DISTINCT FROM ${p(e.right, 5)}`;
    case 'Between': return `${p(e.expr, 4)} ${e.negated ? 'NOT ' : ''}BETWEEN ${e.symmetric ? 'SYMMETRIC ' : ''}${p(e.low, 5)} AND ${p(e.high, 5)}`;
    case 'InList': return `${p(e.expr, 4)} ${e.negated ? 'NOT ' : ''}IN (${list(e.list, o)})`;
    case 'InQuery': return `${p(e.expr, 4)} ${e.negated ? 'NOT ' : ''}IN (${printQuery(e.query, o)})`;
    case 'Exists': return `EXISTS (${printQuery(e.query, o)})`;
    case 'ScalarSubquery': return `(${printQuery(e.query, o)})`;
    case 'Like': return `${p(e.expr, 4)} ${e.negated ? 'NOT ' : ''}${e.op} ${p(e.pattern, 5)}${e.escape ? ` ESCAPE ${p(e.escape, 5)}` : ''}`;
    case 'ArrayConstructor': return `ARRAY[${list(e.elements, o)}]`;
    case 'MapConstructor': return `MAP[${list(e.entries, o)}]`;
    case 'RowConstructor': return `${e.explicit ? 'ROW' : ''}(${list(e.fields, o)})`;
    case 'ElementAccess': return `${p(e.target, 8)}[${p(e.index)}]`;
    case 'FieldAccess': {
      const t = p(e.target, 8);
      return `${e.target.kind === 'Identifier' ? `(${t})` : t}.${ident(e.field, o)}`;
    }
    default: return assertNever(e, 'expression');
  }
}

/** `DAY(2) TO SECOND(3)`. */
export function qualifier(q: IntervalQualifier): string {
  let s = q.start + (q.startPrecision !== undefined ? `(${q.startPrecision})` : '');
  if (q.end) s += ` TO ${q.end}${q.fractionalPrecision !== undefined ? `(${q.fractionalPrecision})` : ''}`;
  return s;
}

/** Prints a data type, e.g. `ROW<\`a\` INT NOT NULL, \`b\` ARRAY<STRING>>`. */
export function printDataType(t: DataType, o: PrintOptions = {}): string {
  let s: string;
  switch (t.kind) {
    case 'AtomicType': s = t.params.length ? `${t.name}(${t.params.join(', ')})` : t.name; break;
    case 'IntervalType': s = `INTERVAL ${qualifier(t.qualifier)}`; break;
    case 'CollectionType': s = `${t.name}<${printDataType(t.element, o)}>`; break;
    case 'MapType': s = `MAP<${printDataType(t.key, o)}, ${printDataType(t.value, o)}>`; break;
    case 'RowType':
      s = `ROW<${t.fields.map((f) => `${ident(f.name, o)} ${printDataType(f.type, o)}${f.comment !== undefined ? ` ${str(f.comment)}` : ''}`).join(', ')}>`;
      break;
    default: return assertNever(t, 'data type');
  }
  return t.nullable ? s : `${s} NOT NULL`;
}

/** `(PARTITION BY ... ORDER BY ... ROWS BETWEEN ... AND ...)`. */
export function printWindowSpec(w: WindowSpec, o: PrintOptions = {}): string {
  const parts: string[] = [];
  if (w.base !== undefined) parts.push(ident(w.base, o));
  if (w.partitionBy.length) parts.push(`PARTITION BY ${list(w.partitionBy, o)}`);
  if (w.orderBy.length) parts.push(`ORDER BY ${printOrderItems(w.orderBy, o)}`);
  if (w.frame) {
    const b = (x: WindowFrameBound): string => (x.offset ? `${printExpr(x.offset, o)} ${x.kind}` : x.kind);
    parts.push(w.frame.end ? `${w.frame.unit} BETWEEN ${b(w.frame.start)} AND ${b(w.frame.end)}` : `${w.frame.unit} ${b(w.frame.start)}`);
  }
  return `(${parts.join(' ')})`;
}

/** `a DESC NULLS LAST, b`. */
export function printOrderItems(items: readonly OrderItem[], o: PrintOptions = {}): string {
  return items.map((i) => `${printExpr(i.expr, o)}${i.direction ? ` ${i.direction}` : ''}${i.nulls ? ` NULLS ${i.nulls}` : ''}`).join(', ');
}

/** `/*+ NAME('k'='v'), NAME2(a) *\/`. */
export function printHints(hints: readonly Hint[], o: PrintOptions = {}): string {
  const one = (h: Hint): string => {
    const args = [...h.options.map((kv) => `${str(kv.key)}=${str(kv.value)}`), ...h.params.map((x) => ident(x, o))];
    return args.length ? `${h.name}(${args.join(', ')})` : h.name;
  };
  return `/*+ ${hints.map(one).join(', ')} */`;
}
