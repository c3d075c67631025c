/** Prints queries and FROM clauses (joins, TVFs, UNNEST, MATCH_RECOGNIZE) as canonical Flink SQL. */
import { assertNever } from '../../../shared/index.js';
import type { Alias, GroupItem, Pattern, Query, QueryBody, SelectItem, TableRef } from './ast.js';
import type { PrintOptions } from './expression-printer.js';
import { ident, names, printExpr, printHints, printOrderItems, printWindowSpec } from './expression-printer.js';

/** Prints a full query (WITH, body, ORDER BY, LIMIT, OFFSET, FETCH). */
export function printQuery(q: Query, o: PrintOptions = {}): string {
  const parts: string[] = [];
  if (q.with) {
    const ctes = q.with.map((c) => `${ident(c.name, o)}${c.columns ? ` (${c.columns.map((x) => ident(x, o)).join(', ')})` : ''} AS (\n${printQuery(c.query, o)}\n)`);
    parts.push(`WITH ${ctes.join(',\n')}`);
  }
  parts.push(body(q.body, o));
  if (q.orderBy) parts.push(`ORDER BY ${printOrderItems(q.orderBy, o)}`);
  if (q.limit) parts.push(`LIMIT ${printExpr(q.limit, o)}`);
  if (q.offset) parts.push(`OFFSET ${printExpr(q.offset, o)}`);
  if (q.fetch) parts.push(`FETCH FIRST ${printExpr(q.fetch, o)} ROWS ONLY`);
  return parts.join('\n');
}

function body(b: QueryBody, o: PrintOptions): string {
  switch (b.kind) {
    case 'Query': return `(${printQuery(b, o)})`;
    case 'Values': return `VALUES ${b.rows.map((r) => printExpr(r, o)).join(', ')}`;
    case 'SetOperation': return `${body(b.left, o)}\n${b.op}${b.all ? ' ALL' : ''}\n${body(b.right, o)}`;
    case 'Select': {
      let head = 'SELECT';
      if (b.hints.length) head += ` ${printHints(b.hints, o)}`;
      if (b.distinct) head += ' DISTINCT';
      const lines = [`${head} ${b.items.map((i) => selectItem(i, o)).join(', ')}`];
      if (b.from) lines.push(`FROM ${printTableRef(b.from, o)}`);
      if (b.where) lines.push(`WHERE ${printExpr(b.where, o)}`);
      if (b.groupBy) lines.push(`GROUP BY ${b.groupBy.map((g) => groupItem(g, o)).join(', ')}`);
      if (b.having) lines.push(`HAVING ${printExpr(b.having, o)}`);
      if (b.windows) lines.push(`WINDOW ${b.windows.map((w) => `${ident(w.name, o)} AS ${printWindowSpec(w.spec, o)}`).join(', ')}`);
      return lines.join('\n');
    }
    default: return assertNever(b, 'query body');
  }
}

function selectItem(i: SelectItem, o: PrintOptions): string {
  return i.alias !== undefined ? `${printExpr(i.expr, o)} AS ${ident(i.alias, o)}` : printExpr(i.expr, o);
}

function groupItem(g: GroupItem, o: PrintOptions): string {
  switch (g.kind) {
    case 'GroupingSets': return `GROUPING SETS (${g.sets.map((s) => groupItem(s, o)).join(', ')})`;
    case 'Rollup': return `ROLLUP (${g.exprs.map((e) => printExpr(e, o)).join(', ')})`;
    case 'Cube': return `CUBE (${g.exprs.map((e) => printExpr(e, o)).join(', ')})`;
    case 'EmptyGrouping': return '()';
    default: return printExpr(g, o);
  }
}

function alias(a: Alias | undefined, o: PrintOptions): string {
  if (!a) return '';
  return ` AS ${ident(a.name, o)}${a.columns ? ` (${a.columns.map((c) => ident(c, o)).join(', ')})` : ''}`;
}

/** Prints one FROM-clause item. */
export function printTableRef(t: TableRef, o: PrintOptions = {}): string {
  switch (t.kind) {
    case 'TableName': {
      let s = names(t.name, o);
      if (t.hints.length) s += ` ${printHints(t.hints, o)}`;
      if (t.systemTime) s += ` FOR SYSTEM_TIME AS OF ${printExpr(t.systemTime, o)}`;
      return s + alias(t.alias, o);
    }
    case 'DerivedTable': return `${t.lateral ? 'LATERAL ' : ''}(\n${printQuery(t.query, o)}\n)${alias(t.alias, o)}`;
    case 'TableFunction': return `${t.lateral ? 'LATERAL ' : ''}TABLE(${printExpr(t.call, o)})${alias(t.alias, o)}`;
    case 'Unnest': return `UNNEST(${t.args.map((a) => printExpr(a, o)).join(', ')})${t.withOrdinality ? ' WITH ORDINALITY' : ''}${alias(t.alias, o)}`;
    case 'Join': {
      const right = t.right.kind === 'Join' ? `(${printTableRef(t.right, o)})` : printTableRef(t.right, o);
      const left = printTableRef(t.left, o);
      if (t.type === 'COMMA') return `${left}, ${right}`;
      const kw = t.type === 'CROSS' ? 'CROSS JOIN' : t.type === 'INNER' ? 'JOIN' : `${t.type} JOIN`;
      let s = `${left}\n${kw} ${right}`;
      if (t.on) s += ` ON ${printExpr(t.on, o)}`;
      if (t.using) s += ` USING (${t.using.map((c) => ident(c, o)).join(', ')})`;
      return s;
    }
    case 'MatchRecognize': {
      const input = t.input.kind === 'Join' ? `(${printTableRef(t.input, o)})` : printTableRef(t.input, o);
      const lines: string[] = [];
      if (t.partitionBy.length) lines.push(`PARTITION BY ${t.partitionBy.map((e) => printExpr(e, o)).join(', ')}`);
      if (t.orderBy.length) lines.push(`ORDER BY ${printOrderItems(t.orderBy, o)}`);
      if (t.measures.length) lines.push(`MEASURES ${t.measures.map((m) => selectItem(m, o)).join(', ')}`);
      if (t.rowsPerMatch) lines.push(t.rowsPerMatch);
      if (t.afterMatch) lines.push(`AFTER MATCH SKIP ${t.afterMatch.kind}${t.afterMatch.variable !== undefined ? ` ${ident(t.afterMatch.variable, o)}` : ''}`);
      lines.push(`PATTERN (${printPattern(t.pattern, o)})${t.within ? ` WITHIN ${printExpr(t.within, o)}` : ''}`);
      lines.push(`DEFINE ${t.define.map((d) => `${ident(d.name, o)} AS ${printExpr(d.condition, o)}`).join(', ')}`);
      return `${input} MATCH_RECOGNIZE (\n  ${lines.join('\n  ')}\n)${alias(t.alias, o)}`;
    }
    default: return assertNever(t, 'table reference');
  }
}

/** Prints a row pattern: `A B+? (C | D){2,}`. */
export function printPattern(p: Pattern, o: PrintOptions = {}): string {
  switch (p.kind) {
    case 'PatternVar': return ident(p.name, o);
    case 'PatternSeq': return p.items.map((i) => (i.kind === 'PatternAlt' ? `(${printPattern(i, o)})` : printPattern(i, o))).join(' ');
    case 'PatternAlt': return p.alternatives.map((a) => printPattern(a, o)).join(' | ');
    case 'PatternQuantified': {
      const inner = p.pattern.kind === 'PatternVar' ? printPattern(p.pattern, o) : `(${printPattern(p.pattern, o)})`;
      let q: string;
      if (p.min === 0 && p.max === undefined) q = '*';
      else if (p.min === 1 && p.max === undefined) q = '+';
      else if (p.min === 0 && p.max === 1) q = '?';
      else if (p.max === undefined) q = `{${p.min},}`;
      else if (p.max === p.min) q = `{${p.min}}`;
      else q = `{${p.min},${p.max}}`;
      return inner + q + (p.reluctant ? '?' : '');
    }
    default: return assertNever(p, 'pattern');
  }
}
