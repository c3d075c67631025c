/**
 * Name resolution for one SELECT: the fields of its FROM clause with their qualifiers (table name
 * or alias). Column names are case-sensitive, as in Flink; errors use Calcite's words.
 */
import type { Expr, Identifier } from '../sql/index.js';
import type { LogicalType } from '../types/index.js';
import type { BoundField } from './types.js';
import { BindError, validationError } from './sql-error.js';

/** One field visible in a scope. */
export interface ScopeField {
  readonly qualifier?: string;
  readonly name: string;
  readonly type: LogicalType;
  readonly index: number;
  readonly hidden: boolean;
  /** The other side's copy of a `USING` column: reachable only qualified, skipped by `*`. */
  readonly shadowed?: boolean;
}

/** A resolved column reference plus any trailing name parts (ROW field access). */
export interface ResolvedColumn {
  readonly field: ScopeField;
  readonly rest: readonly string[];
}

/** The fields a SELECT's expressions can see. */
export class Scope {
  readonly fields: readonly ScopeField[];
  readonly #file: string;

  constructor(fields: readonly ScopeField[], file: string) {
    this.fields = fields;
    this.#file = file;
  }

  /** A scope over one relation's fields under one qualifier. */
  static of(fields: readonly BoundField[], qualifier: string | undefined, file: string): Scope {
    return new Scope(fields.map((f, index) => ({ ...(qualifier === undefined ? {} : { qualifier }), name: f.name, type: f.type, index, hidden: f.hidden === true })), file);
  }

  /** Resolves `col`, `q.col` or `col.field…`; throws a BindError worded like Flink. */
  resolve(id: Identifier): ResolvedColumn {
    const [first = '', second] = id.names;
    if (id.names.length >= 2 && second !== undefined) {
      const qualified = this.fields.filter((f) => f.qualifier === first);
      if (qualified.length > 0) {
        const hit = qualified.find((f) => f.name === second);
        if (hit === undefined) throw this.#error(id, `Column '${second}' not found in table '${first}'`);
        return { field: hit, rest: id.names.slice(2) };
      }
      const col = this.#unqualified(first, id);
      if (col !== undefined) return { field: col, rest: id.names.slice(1) };
      throw this.#error(id, `Table '${first}' not found`);
    }
    const hit = this.#unqualified(first, id);
    if (hit === undefined) throw this.#error(id, `Column '${first}' not found in any table`);
    return { field: hit, rest: [] };
  }

  /** Fields a `*` (or `q.*`) expands to: every field except hidden ones. */
  star(qualifier: readonly string[] | undefined, id: { range: Identifier['range'] }): readonly ScopeField[] {
    if (qualifier === undefined) return this.fields.filter((f) => !f.hidden && f.shadowed !== true);
    const q = qualifier[qualifier.length - 1] ?? '';
    const out = this.fields.filter((f) => f.qualifier === q && !f.hidden);
    if (out.length === 0 && !this.fields.some((f) => f.qualifier === q)) throw new BindError(validationError(id.range, `Unknown identifier '${q}'`, { file: this.#file }));
    return out;
  }

  #unqualified(name: string, id: Identifier): ScopeField | undefined {
    const hits = this.fields.filter((f) => f.name === name && f.shadowed !== true);
    if (hits.length > 1) throw this.#error(id, `Column '${name}' is ambiguous`);
    return hits[0];
  }

  #error(id: Identifier, reason: string): BindError {
    return new BindError(validationError(id.range, reason, { file: this.#file }));
  }
}

/** Calcite's names for select items: a column keeps its name, a field access its field, anything else EXPR$i. */
export function defaultName(e: Expr, i: number): string {
  if (e.kind === 'Identifier') return e.names[e.names.length - 1] ?? `EXPR$${i}`;
  if (e.kind === 'FieldAccess') return e.field;
  return `EXPR$${i}`;
}

/** `name`, or `name0`, `name1`, … when taken; records the result in `used`. */
export function unique(name: string, used: Set<string>): string {
  let n = name;
  for (let k = 0; used.has(n); k++) n = `${name}${k}`;
  used.add(n);
  return n;
}

/**
 * The scope inside a correlated subquery joined to its outer query: the subquery's own columns
 * first (shifted past the outer row's `width` columns, as the join lays them out), then the outer
 * columns, shadowed where the subquery has a column of the same name.
 */
export function correlatedScope(inner: readonly ScopeField[], outer: readonly ScopeField[], width: number, file: string): Scope {
  const innerNames = new Set(inner.map((f) => f.name));
  return new Scope([
    ...inner.map((f) => ({ ...f, index: f.index + width })),
    ...outer.map((f) => (innerNames.has(f.name) ? { ...f, shadowed: true } : f)),
  ], file);
}
