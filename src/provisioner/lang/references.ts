/**
 * Reference extraction for the dependency graph: every scope reference an expression makes,
 * with its range, excluding for-expression / template-for variables and templatefile-style
 * locals. Also `parseTraversal` for bare traversals in `ignore_changes` / `replace_triggered_by`.
 */
import { errorDiag, type Outcome } from '../../shared/diagnostics.js';
import { assertNever } from '../../shared/invariant.js';
import type { Expr, Range, Step, TemplatePart } from './expr.js';
import { parseLiteralOrTemplate, type ParseOptions } from './parse-expression.js';
import { referenceOf } from './traverse.js';
import type { Reference } from './types.js';

/** A reference with where it was written and the static steps that follow it. */
export interface ReferenceUse {
  readonly ref: Reference;
  readonly range: Range;
  /** Static attribute/index steps after the referenced object (`id` in `aws_x.a.id`). */
  readonly rest: readonly Step[];
}

/** The references an expression makes, in source order (duplicates kept, each with its range). */
export function referencesOf(expr: Expr): ReferenceUse[] {
  const out: ReferenceUse[] = [];
  walk(expr, new Set(), out);
  return out;
}

function walk(e: Expr, bound: ReadonlySet<string>, out: ReferenceUse[]): void {
  switch (e.kind) {
    case 'literal': case 'splatItem': return;
    case 'traversal': {
      if (bound.has(e.root)) return;
      const r = referenceOf(e.root, e.steps);
      if ('ref' in r) out.push({ ref: r.ref, range: e.range, rest: r.rest });
      return;
    }
    case 'template': walkParts(e.parts, bound, out); return;
    case 'relative': walk(e.source, bound, out); return;
    case 'index': walk(e.collection, bound, out); walk(e.key, bound, out); return;
    case 'splat': walk(e.source, bound, out); walk(e.each, bound, out); return;
    case 'call': for (const a of e.args) walk(a, bound, out); return;
    case 'unary': walk(e.operand, bound, out); return;
    case 'binary': walk(e.left, bound, out); walk(e.right, bound, out); return;
    case 'conditional': walk(e.condition, bound, out); walk(e.then, bound, out); walk(e.else, bound, out); return;
    case 'tuple': for (const i of e.items) walk(i, bound, out); return;
    case 'object': for (const i of e.items) { if (!i.bareKey) walk(i.key, bound, out); walk(i.value, bound, out); } return;
    case 'paren': walk(e.expr, bound, out); return;
    case 'for': {
      walk(e.collection, bound, out);
      const inner = new Set(bound);
      inner.add(e.valueVar);
      if (e.keyVar !== undefined) inner.add(e.keyVar);
      if (e.keyExpr) walk(e.keyExpr, inner, out);
      walk(e.valueExpr, inner, out);
      if (e.condition) walk(e.condition, inner, out);
      return;
    }
    default: assertNever(e, 'expression kind');
  }
}

function walkParts(parts: readonly TemplatePart[], bound: ReadonlySet<string>, out: ReferenceUse[]): void {
  for (const p of parts) {
    if (p.kind === 'interp') walk(p.expr, bound, out);
    else if (p.kind === 'if') { walk(p.condition, bound, out); walkParts(p.then, bound, out); walkParts(p.else, bound, out); }
    else if (p.kind === 'for') {
      walk(p.collection, bound, out);
      const inner = new Set(bound);
      inner.add(p.valueVar);
      if (p.keyVar !== undefined) inner.add(p.keyVar);
      walkParts(p.body, inner, out);
    }
  }
}

/** A bare traversal: `keepers`, `tags["a"]`, `random_id.a.id`. */
export interface Traversal {
  readonly root: string;
  readonly steps: readonly Step[];
  readonly range: Range;
}

/** The traversal an expression is, if it is a plain traversal. */
export function traversalPathOf(e: Expr): Traversal | undefined {
  if (e.kind === 'traversal') return { root: e.root, steps: e.steps, range: e.range };
  if (e.kind === 'paren') return traversalPathOf(e.expr);
  return undefined;
}

/** Parses a bare traversal (hcl2json gives `"${keepers}"`, or plain `keepers`). */
export function parseTraversal(text: string, opts: ParseOptions): Outcome<Traversal> {
  const wrapped = text.includes('${') ? text : `\${${text}}`;
  const r = parseLiteralOrTemplate(wrapped, opts);
  if (r.value === undefined) return { diagnostics: r.diagnostics };
  const t = traversalPathOf(r.value);
  if (t === undefined) {
    return { diagnostics: [errorDiag('expr-invalid-traversal', 'Invalid reference', { detail: `Expected a bare attribute reference such as "tags" or "random_id.a.id", but have ${JSON.stringify(text)}.`, range: { file: opts.file, start: r.value.range.start, end: r.value.range.end } })] };
  }
  return { value: t, diagnostics: [] };
}
