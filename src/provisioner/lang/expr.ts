/**
 * The typed, immutable expression AST. Every node is plain JSON-serialisable data tagged by
 * `kind` and carries the range it came from (1-based line/column within the file).
 */
/** A 1-based line/column position. */
export interface Pos {
  readonly line: number;
  readonly column: number;
}

/** The span of a node. */
export interface Range {
  readonly start: Pos;
  readonly end: Pos;
}

/** One static step of a traversal: `.name` or `[0]` / `["key"]` / `.0`. */
export type Step =
  | { readonly kind: 'attr'; readonly name: string; readonly range: Range }
  | { readonly kind: 'index'; readonly key: string | number; readonly range: Range };

export type UnaryOp = 'negate' | 'not';

export type BinaryOp =
  | 'add' | 'subtract' | 'multiply' | 'divide' | 'modulo'
  | 'equal' | 'notEqual' | 'less' | 'lessOrEqual' | 'greater' | 'greaterOrEqual'
  | 'and' | 'or';

/** Parts of a template: literal text, an interpolation, or an `%{if}` / `%{for}` directive. */
export type TemplatePart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'interp'; readonly expr: Expr }
  | { readonly kind: 'if'; readonly condition: Expr; readonly then: readonly TemplatePart[]; readonly else: readonly TemplatePart[]; readonly range: Range }
  | { readonly kind: 'for'; readonly keyVar?: string; readonly valueVar: string; readonly collection: Expr; readonly body: readonly TemplatePart[]; readonly range: Range };

export interface ObjectItem {
  readonly key: Expr;
  /** True when the key was written as a bare identifier (`a = 1`), which is never a reference. */
  readonly bareKey: boolean;
  readonly value: Expr;
}

export type Expr =
  | { readonly kind: 'literal'; readonly value: null | string | number | boolean; readonly range: Range }
  | { readonly kind: 'template'; readonly parts: readonly TemplatePart[]; readonly range: Range }
  | { readonly kind: 'traversal'; readonly root: string; readonly steps: readonly Step[]; readonly range: Range }
  | { readonly kind: 'relative'; readonly source: Expr; readonly steps: readonly Step[]; readonly range: Range }
  | { readonly kind: 'index'; readonly collection: Expr; readonly key: Expr; readonly range: Range }
  /** `source[*]` followed by `each`, which is evaluated once per element bound to `splatItem`. */
  | { readonly kind: 'splat'; readonly source: Expr; readonly each: Expr; readonly range: Range }
  | { readonly kind: 'splatItem'; readonly range: Range }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[]; readonly expandFinal: boolean; readonly range: Range }
  | { readonly kind: 'unary'; readonly op: UnaryOp; readonly operand: Expr; readonly range: Range }
  | { readonly kind: 'binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr; readonly range: Range }
  | { readonly kind: 'conditional'; readonly condition: Expr; readonly then: Expr; readonly else: Expr; readonly range: Range }
  | { readonly kind: 'tuple'; readonly items: readonly Expr[]; readonly range: Range }
  | { readonly kind: 'object'; readonly items: readonly ObjectItem[]; readonly range: Range }
  | {
      readonly kind: 'for';
      /** `[for ...]` builds a tuple, `{for ...}` an object. */
      readonly result: 'tuple' | 'object';
      readonly keyVar?: string;
      readonly valueVar: string;
      readonly collection: Expr;
      readonly keyExpr?: Expr;
      readonly valueExpr: Expr;
      readonly condition?: Expr;
      /** `...` after the value: group values with equal keys into lists. */
      readonly grouped: boolean;
      readonly range: Range;
    }
  | { readonly kind: 'paren'; readonly expr: Expr; readonly range: Range };

/** Serialises an expression for an on-disk cache (Expr is plain data already). */
export function exprToJSON(e: Expr): string {
  return JSON.stringify(e);
}

/** Reads back an expression written by `exprToJSON`. */
export function exprFromJSON(text: string): Expr {
  return JSON.parse(text) as Expr;
}

/** True when evaluating `e` can never depend on scope or functions (a plain literal). */
export function isLiteralExpr(e: Expr): e is Extract<Expr, { kind: 'literal' }> {
  return e.kind === 'literal';
}

/** A literal value as an expression (used when converting hcl2json plain JSON). */
export function literalExpr(value: null | string | number | boolean, range: Range): Expr {
  return { kind: 'literal', value, range };
}
