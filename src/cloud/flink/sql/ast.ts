/**
 * The Flink SQL abstract syntax tree (Confluent Cloud dialect). Plain, immutable, kind-tagged data;
 * every node carries the source `range` it was parsed from. Identifiers keep their case (Flink
 * identifiers are case-sensitive); keywords and type names are normalised to upper case.
 */
import type { OrderItem, Query } from './query-ast.js';

/** A position in SQL text: 1-based line and column, 0-based UTF-16 offset. */
export interface Pos {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

/** The source span of a node. */
export interface Range {
  readonly start: Pos;
  readonly end: Pos;
}

/** A possibly qualified name (`cat`.`db`.`t`), each part as written, unquoted. */
export type Name = readonly string[];

/** `'key' = 'value'` in WITH, SET and hints. */
export interface KeyValue {
  readonly range: Range;
  readonly key: string;
  readonly value: string;
}

/** A hint `NAME('k'='v', ...)` or `NAME(a, b)` from a `/*+ ... *\/` comment. */
export interface Hint {
  readonly kind: 'Hint';
  readonly range: Range;
  readonly name: string;
  readonly options: readonly KeyValue[];
  readonly params: readonly string[];
}

// ---------------------------------------------------------------- data types

export type TimeUnit = 'YEAR' | 'QUARTER' | 'MONTH' | 'WEEK' | 'DAY' | 'HOUR' | 'MINUTE' | 'SECOND'
  | 'MILLISECOND' | 'MICROSECOND' | 'NANOSECOND' | 'DOW' | 'DOY' | 'ISODOW' | 'ISOYEAR' | 'EPOCH'
  | 'DECADE' | 'CENTURY' | 'MILLENNIUM';

/** `DAY(2) TO SECOND(3)`: the unit range of an interval literal or type. */
export interface IntervalQualifier {
  readonly start: TimeUnit;
  readonly startPrecision?: number;
  readonly end?: TimeUnit;
  readonly fractionalPrecision?: number;
}

/** Atomic types; `name` is canonical (INTEGER → INT, DEC/NUMERIC → DECIMAL, TIMESTAMP WITH LOCAL TIME ZONE → TIMESTAMP_LTZ). */
export interface AtomicType {
  readonly kind: 'AtomicType';
  readonly range: Range;
  readonly name: string;
  readonly params: readonly number[];
  readonly nullable: boolean;
}
export interface IntervalType {
  readonly kind: 'IntervalType';
  readonly range: Range;
  readonly qualifier: IntervalQualifier;
  readonly nullable: boolean;
}
export interface CollectionType {
  readonly kind: 'CollectionType';
  readonly range: Range;
  readonly name: 'ARRAY' | 'MULTISET';
  readonly element: DataType;
  readonly nullable: boolean;
}
export interface MapType {
  readonly kind: 'MapType';
  readonly range: Range;
  readonly key: DataType;
  readonly value: DataType;
  readonly nullable: boolean;
}
export interface RowField {
  readonly range: Range;
  readonly name: string;
  readonly type: DataType;
  readonly comment?: string;
}
export interface RowType {
  readonly kind: 'RowType';
  readonly range: Range;
  readonly fields: readonly RowField[];
  readonly nullable: boolean;
}
export type DataType = AtomicType | IntervalType | CollectionType | MapType | RowType;

// ---------------------------------------------------------------- expressions

interface Node { readonly range: Range }

export interface NumericLiteral extends Node { readonly kind: 'NumericLiteral'; readonly text: string }
export interface StringLiteral extends Node { readonly kind: 'StringLiteral'; readonly value: string }
export interface BinaryLiteral extends Node { readonly kind: 'BinaryLiteral'; readonly hex: string }
export interface BooleanLiteral extends Node { readonly kind: 'BooleanLiteral'; readonly value: 'TRUE' | 'FALSE' | 'UNKNOWN' }
export interface NullLiteral extends Node { readonly kind: 'NullLiteral' }
/** `DATE '2024-01-01'`, `TIME '...'`, `TIMESTAMP '...'`, `TIMESTAMP_LTZ '...'`. */
export interface TypedLiteral extends Node { readonly kind: 'TypedLiteral'; readonly type: 'DATE' | 'TIME' | 'TIMESTAMP' | 'TIMESTAMP_LTZ'; readonly value: string }
/** `INTERVAL '10' MINUTE`; plural unit spellings are normalised to the singular. */
export interface IntervalLiteral extends Node { readonly kind: 'IntervalLiteral'; readonly value: string; readonly qualifier: IntervalQualifier }
/** A column or compound name (`col`, `t.col`, `$rowtime`); the binder decides what it names. */
export interface Identifier extends Node { readonly kind: 'Identifier'; readonly names: Name }
/** `*` or `t.*`. */
export interface Star extends Node { readonly kind: 'Star'; readonly qualifier?: Name }

export interface WindowFrameBound {
  readonly kind: 'UNBOUNDED PRECEDING' | 'UNBOUNDED FOLLOWING' | 'CURRENT ROW' | 'PRECEDING' | 'FOLLOWING';
  readonly offset?: Expr;
}
export interface WindowFrame {
  readonly unit: 'ROWS' | 'RANGE';
  readonly start: WindowFrameBound;
  readonly end?: WindowFrameBound;
}
/** `(w PARTITION BY ... ORDER BY ... ROWS BETWEEN ...)`. */
export interface WindowSpec extends Node {
  readonly kind: 'WindowSpec';
  readonly base?: string;
  readonly partitionBy: readonly Expr[];
  readonly orderBy: readonly OrderItem[];
  readonly frame?: WindowFrame;
}
/** `OVER w`. */
export interface WindowRef extends Node { readonly kind: 'WindowRef'; readonly name: string }

export interface FunctionCall extends Node {
  readonly kind: 'FunctionCall';
  /** Upper-cased for built-ins is not assumed: the name is as written. */
  readonly name: Name;
  readonly args: readonly Expr[];
  readonly quantifier?: 'DISTINCT' | 'ALL';
  /** `CURRENT_TIMESTAMP` and friends written without parentheses. */
  readonly niladic?: true;
  readonly nullTreatment?: 'IGNORE NULLS' | 'RESPECT NULLS';
  readonly filter?: Expr;
  readonly over?: WindowSpec | WindowRef;
}
/** `name => value` inside a call. */
export interface NamedArgument extends Node { readonly kind: 'NamedArgument'; readonly name: string; readonly value: Expr }
/** `TABLE t [PARTITION BY k]` or `TABLE (query)` as a table-function argument (exactly one of `table`, `query`). */
export interface TableArgument extends Node {
  readonly kind: 'TableArgument'; readonly table?: Name; readonly query?: Query; readonly partitionBy: readonly Expr[];
}
/** `DESCRIPTOR(col, ...)`. */
export interface Descriptor extends Node { readonly kind: 'Descriptor'; readonly columns: readonly string[] }
/** A bare time unit as a function argument (`TIMESTAMPADD(DAY, 1, t)`). */
export interface TimeUnitArg extends Node { readonly kind: 'TimeUnitArg'; readonly unit: TimeUnit }
export interface Cast extends Node { readonly kind: 'Cast'; readonly try: boolean; readonly expr: Expr; readonly type: DataType }
export interface Extract extends Node { readonly kind: 'Extract'; readonly unit: TimeUnit; readonly expr: Expr }
export interface Position extends Node { readonly kind: 'Position'; readonly needle: Expr; readonly haystack: Expr }
export interface Trim extends Node { readonly kind: 'Trim'; readonly side: 'BOTH' | 'LEADING' | 'TRAILING'; readonly chars?: Expr; readonly expr: Expr }
export interface Overlay extends Node { readonly kind: 'Overlay'; readonly expr: Expr; readonly placing: Expr; readonly from: Expr; readonly length?: Expr }
/** `CEIL(x TO unit)` / `FLOOR(x TO unit)`. */
export interface FloorCeil extends Node { readonly kind: 'FloorCeil'; readonly fn: 'FLOOR' | 'CEIL'; readonly expr: Expr; readonly unit: TimeUnit }
/** A JSON function clause such as `NULL ON EMPTY`, `DEFAULT expr ON ERROR`, `WITH CONDITIONAL ARRAY WRAPPER`. */
export interface JsonClause { readonly text: string; readonly expr?: Expr }
/** `KEY k VALUE v` inside JSON_OBJECT / JSON_OBJECTAGG. */
export interface JsonKeyValue extends Node { readonly kind: 'JsonKeyValue'; readonly key: Expr; readonly value: Expr }
/** JSON_VALUE, JSON_QUERY, JSON_EXISTS, JSON_OBJECT, JSON_ARRAY, JSON_OBJECTAGG, JSON_ARRAYAGG with their clauses. */
export interface JsonCall extends Node {
  readonly kind: 'JsonCall';
  readonly name: string;
  readonly args: readonly Expr[];
  readonly returning?: DataType;
  readonly clauses: readonly JsonClause[];
}
export interface CaseWhen { readonly when: Expr; readonly then: Expr }
export interface Case extends Node { readonly kind: 'Case'; readonly operand?: Expr; readonly whens: readonly CaseWhen[]; readonly else?: Expr }
export interface Unary extends Node { readonly kind: 'Unary'; readonly op: '-' | '+' | 'NOT'; readonly operand: Expr }
export type BinaryOp = 'OR' | 'AND' | '=' | '<>' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%' | '||';
export interface Binary extends Node { readonly kind: 'Binary'; readonly op: BinaryOp; readonly left: Expr; readonly right: Expr }
export type IsTest = 'NULL' | 'TRUE' | 'FALSE' | 'UNKNOWN' | 'JSON' | 'JSON VALUE' | 'JSON SCALAR' | 'JSON ARRAY' | 'JSON OBJECT';
export interface Is extends Node { readonly kind: 'Is'; readonly expr: Expr; readonly negated: boolean; readonly test: IsTest }
export interface IsDistinctFrom extends Node { readonly kind: 'IsDistinctFrom'; readonly left: Expr; readonly right: Expr; readonly negated: boolean }
export interface Between extends Node {
  readonly kind: 'Between'; readonly expr: Expr; readonly low: Expr; readonly high: Expr;
  readonly negated: boolean; readonly symmetric: boolean;
}
export interface InList extends Node { readonly kind: 'InList'; readonly expr: Expr; readonly list: readonly Expr[]; readonly negated: boolean }
export interface InQuery extends Node { readonly kind: 'InQuery'; readonly expr: Expr; readonly query: Query; readonly negated: boolean }
export interface Exists extends Node { readonly kind: 'Exists'; readonly query: Query }
export interface ScalarSubquery extends Node { readonly kind: 'ScalarSubquery'; readonly query: Query }
export interface Like extends Node {
  readonly kind: 'Like'; readonly op: 'LIKE' | 'SIMILAR TO'; readonly expr: Expr; readonly pattern: Expr;
  readonly escape?: Expr; readonly negated: boolean;
}
export interface ArrayConstructor extends Node { readonly kind: 'ArrayConstructor'; readonly elements: readonly Expr[] }
/** `MAP[k1, v1, k2, v2]`; entries are kept flat, key then value. */
export interface MapConstructor extends Node { readonly kind: 'MapConstructor'; readonly entries: readonly Expr[] }
/** `ROW(a, b)` (explicit) or `(a, b)` (implicit). */
export interface RowConstructor extends Node { readonly kind: 'RowConstructor'; readonly fields: readonly Expr[]; readonly explicit: boolean }
/** `arr[1]`, `map['k']`. */
export interface ElementAccess extends Node { readonly kind: 'ElementAccess'; readonly target: Expr; readonly index: Expr }
/** `(expr).field` or `arr[1].field`. */
export interface FieldAccess extends Node { readonly kind: 'FieldAccess'; readonly target: Expr; readonly field: string }

export type Expr =
  | NumericLiteral | StringLiteral | BinaryLiteral | BooleanLiteral | NullLiteral | TypedLiteral | IntervalLiteral
  | Identifier | Star | FunctionCall | NamedArgument | TableArgument | Descriptor | TimeUnitArg
  | Cast | Extract | Position | Trim | Overlay | FloorCeil | JsonCall | JsonKeyValue | Case | Unary | Binary
  | Is | IsDistinctFrom | Between | InList | InQuery | Exists | ScalarSubquery | Like
  | ArrayConstructor | MapConstructor | RowConstructor | ElementAccess | FieldAccess;

export * from './query-ast.js';
export * from './statement-ast.js';
