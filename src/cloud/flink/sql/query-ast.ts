/** Query nodes of the Flink SQL AST: SELECT, set operations, VALUES, the FROM clause and MATCH_RECOGNIZE. */
import type { Expr, FunctionCall, Hint, Name, Range, WindowSpec } from './ast.js';

interface Node { readonly range: Range }

export interface OrderItem { readonly range: Range; readonly expr: Expr; readonly direction?: 'ASC' | 'DESC'; readonly nulls?: 'FIRST' | 'LAST' }
export interface SelectItem { readonly range: Range; readonly expr: Expr; readonly alias?: string }
/** `AS t (c1, c2)`. */
export interface Alias { readonly range: Range; readonly name: string; readonly columns?: readonly string[] }

export interface GroupingSets extends Node { readonly kind: 'GroupingSets'; readonly sets: readonly GroupItem[] }
export interface Rollup extends Node { readonly kind: 'Rollup'; readonly exprs: readonly Expr[] }
export interface Cube extends Node { readonly kind: 'Cube'; readonly exprs: readonly Expr[] }
/** `()` in GROUPING SETS. */
export interface EmptyGrouping extends Node { readonly kind: 'EmptyGrouping' }
export type GroupItem = Expr | GroupingSets | Rollup | Cube | EmptyGrouping;

export interface NamedWindow { readonly range: Range; readonly name: string; readonly spec: WindowSpec }

export interface Select extends Node {
  readonly kind: 'Select';
  readonly distinct: boolean;
  readonly hints: readonly Hint[];
  readonly items: readonly SelectItem[];
  readonly from?: TableRef;
  readonly where?: Expr;
  readonly groupBy?: readonly GroupItem[];
  readonly having?: Expr;
  readonly windows?: readonly NamedWindow[];
}
export interface Values extends Node { readonly kind: 'Values'; readonly rows: readonly Expr[] }
export interface SetOperation extends Node {
  readonly kind: 'SetOperation';
  readonly op: 'UNION' | 'INTERSECT' | 'EXCEPT';
  readonly all: boolean;
  readonly left: QueryBody;
  readonly right: QueryBody;
}
export type QueryBody = Select | Values | SetOperation | Query;

export interface Cte { readonly range: Range; readonly name: string; readonly columns?: readonly string[]; readonly query: Query }
/** A full query: optional WITH, a body, and ORDER BY / LIMIT / OFFSET / FETCH. */
export interface Query extends Node {
  readonly kind: 'Query';
  readonly with?: readonly Cte[];
  readonly body: QueryBody;
  readonly orderBy?: readonly OrderItem[];
  readonly limit?: Expr;
  readonly offset?: Expr;
  readonly fetch?: Expr;
}

// ---------------------------------------------------------------- FROM clause

export interface TableName extends Node {
  readonly kind: 'TableName';
  readonly name: Name;
  readonly hints: readonly Hint[];
  /** `FOR SYSTEM_TIME AS OF expr` (temporal join). */
  readonly systemTime?: Expr;
  readonly alias?: Alias;
}
export interface DerivedTable extends Node { readonly kind: 'DerivedTable'; readonly query: Query; readonly lateral: boolean; readonly alias?: Alias }
/** `TABLE(fn(...))` (window TVFs and UDTFs) or `LATERAL TABLE(fn(...))`. */
export interface TableFunction extends Node { readonly kind: 'TableFunction'; readonly call: FunctionCall; readonly lateral: boolean; readonly alias?: Alias }
export interface Unnest extends Node { readonly kind: 'Unnest'; readonly args: readonly Expr[]; readonly withOrdinality: boolean; readonly alias?: Alias }
export interface Join extends Node {
  readonly kind: 'Join';
  readonly type: 'INNER' | 'LEFT' | 'RIGHT' | 'FULL' | 'CROSS' | 'COMMA';
  readonly left: TableRef;
  readonly right: TableRef;
  readonly on?: Expr;
  readonly using?: readonly string[];
}

export interface PatternVar extends Node { readonly kind: 'PatternVar'; readonly name: string }
export interface PatternSeq extends Node { readonly kind: 'PatternSeq'; readonly items: readonly Pattern[] }
export interface PatternAlt extends Node { readonly kind: 'PatternAlt'; readonly alternatives: readonly Pattern[] }
/** A quantified pattern; `max` absent means unbounded. */
export interface PatternQuantified extends Node {
  readonly kind: 'PatternQuantified'; readonly pattern: Pattern; readonly min: number; readonly max?: number; readonly reluctant: boolean;
}
export type Pattern = PatternVar | PatternSeq | PatternAlt | PatternQuantified;

export interface AfterMatch {
  readonly kind: 'PAST LAST ROW' | 'TO NEXT ROW' | 'TO FIRST' | 'TO LAST' | 'TO';
  readonly variable?: string;
}
export interface MatchRecognize extends Node {
  readonly kind: 'MatchRecognize';
  readonly input: TableRef;
  readonly partitionBy: readonly Expr[];
  readonly orderBy: readonly OrderItem[];
  readonly measures: readonly SelectItem[];
  readonly rowsPerMatch?: 'ONE ROW PER MATCH' | 'ALL ROWS PER MATCH';
  readonly afterMatch?: AfterMatch;
  readonly pattern: Pattern;
  readonly within?: Expr;
  readonly define: readonly { readonly range: Range; readonly name: string; readonly condition: Expr }[];
  readonly alias?: Alias;
}
export type TableRef = TableName | DerivedTable | TableFunction | Unnest | Join | MatchRecognize;

