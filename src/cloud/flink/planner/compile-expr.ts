/**
 * Bound expressions → row closures for the per-row path, specialised by arity so no argument
 * array is built per row; and a compact text form of expressions for EXPLAIN.
 */
import type { BoundExpr, BoundField } from '../binder/index.js';
import { printType } from '../types/index.js';

/** A compiled expression over one input row. */
export type ExprFn = (row: unknown[]) => unknown;

const NULL_SAFE_CASTS = new Set(['CAST', 'TRY_CAST']);

/** Compiles one expression. */
export function compileExpr(e: BoundExpr): ExprFn {
  switch (e.kind) {
    case 'input': { const i = e.index; return (row) => row[i] ?? null; }
    case 'literal': { const v = e.value; return () => v; }
    case 'field': {
      const target = compileExpr(e.target);
      const i = e.index;
      return (row) => { const t = target(row); return t === null || t === undefined ? null : ((t as unknown[])[i] ?? null); };
    }
    case 'case': {
      const whens = e.whens.map((w) => ({ when: compileExpr(w.when), then: compileExpr(w.then) }));
      const otherwise = compileExpr(e.otherwise);
      return (row) => {
        for (const w of whens) if (w.when(row) === true) return w.then(row);
        return otherwise(row);
      };
    }
    case 'call': {
      const f = e.fn.fn;
      const args = e.args.map(compileExpr);
      if (NULL_SAFE_CASTS.has(e.fn.name)) {
        const a = args[0] as ExprFn;
        return (row) => { const v = a(row); return v === null ? null : f(v); };
      }
      switch (args.length) {
        case 0: return () => f();
        case 1: { const a = args[0] as ExprFn; return (row) => f(a(row)); }
        case 2: { const a = args[0] as ExprFn; const b = args[1] as ExprFn; return (row) => f(a(row), b(row)); }
        case 3: { const a = args[0] as ExprFn; const b = args[1] as ExprFn; const c = args[2] as ExprFn; return (row) => f(a(row), b(row), c(row)); }
        default: return (row) => f(...args.map((a) => a(row)));
      }
    }
  }
}

/** Compiles a projection into one closure building the output row. */
export function compileProjection(exprs: readonly BoundExpr[]): (row: unknown[]) => unknown[] {
  const fns = exprs.map(compileExpr);
  const n = fns.length;
  return (row) => {
    const out = new Array<unknown>(n);
    for (let i = 0; i < n; i++) out[i] = (fns[i] as ExprFn)(row);
    return out;
  };
}

/** Compiles a predicate (NULL and FALSE both reject). */
export function compilePredicate(e: BoundExpr): (row: unknown[]) => boolean | null {
  const f = compileExpr(e);
  return (row) => f(row) as boolean | null;
}

const INFIX = new Set(['=', '<>', '<', '<=', '>', '>=', '+', '-', '*', '/', '%', '||', 'AND', 'OR', 'LIKE', 'NOT LIKE']);

/** EXPLAIN text of an expression; input fields print by name. */
export function printBound(e: BoundExpr, inputs: readonly BoundField[]): string {
  switch (e.kind) {
    case 'input': return inputs[e.index]?.name ?? `$${e.index}`;
    case 'literal': return printLiteral(e.value);
    case 'field': return `${printBound(e.target, inputs)}.${e.target.type.kind === 'ROW' ? (e.target.type.fields[e.index]?.name ?? e.index) : e.index}`;
    case 'case': return `CASE(${e.whens.map((w) => `${printBound(w.when, inputs)}, ${printBound(w.then, inputs)}`).join(', ')}, ${printBound(e.otherwise, inputs)})`;
    case 'call': {
      const args = e.args.map((a) => printBound(a, inputs));
      if (NULL_SAFE_CASTS.has(e.fn.name)) return `${e.fn.name}(${args[0] ?? ''} AS ${printType(e.type)})`;
      if (INFIX.has(e.fn.name) && args.length === 2) return `${args[0] ?? ''} ${e.fn.name} ${args[1] ?? ''}`;
      return `${e.fn.name}(${args.join(', ')})`;
    }
  }
}

function printLiteral(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return `'${v.replace(/'/g, "''")}'`;
  if (v instanceof Uint8Array) return `x'${Buffer.from(v).toString('hex')}'`;
  return String(v);
}
