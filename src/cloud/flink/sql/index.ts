/**
 * cloud/flink/sql: the Flink SQL parser for Confluent Cloud's dialect — lexer, typed immutable AST
 * with source ranges, parser, canonical printer. The binder, planner, runtime and statements layers
 * consume the AST; SHOW CREATE TABLE uses the printer. Must not depend on anything inside
 * streamform but shared/.
 *
 * Hand-written recursive descent with source positions, because no npm SQL parser handles this
 * dialect (`$rowtime`, DISTRIBUTED BY ... INTO n BUCKETS, window TVFs with DESCRIPTOR and named
 * arguments, MATCH_RECOGNIZE, hints, Flink's type syntax) and errors must read like the Calcite
 * messages Confluent Cloud users see. The public functions never throw for user input.
 */
export { parseStatement, parseStatements, splitStatements, parseExpression, parseDataType, MULTIPLE_STATEMENTS_MESSAGE } from './parse.js';
export type { ParseOptions, ScriptStatement } from './parse.js';
export { NOT_SUPPORTED_MESSAGE } from './statement-parser.js';
export { printStatement, printExpression, printDataType, printQuery } from './printer.js';
export type { PrintOptions } from './printer.js';
export { withoutRanges, sameAst } from './ast-compare.js';
export { sourceRange, SYNTHETIC_RANGE } from './source-range.js';
export { sqlKind, statementCategory } from './statement-kind.js';
export type { StatementCategory } from './statement-kind.js';
export { lex } from './lexer.js';
export type { Token, TokenKind, LexResult, LexError } from './lexer.js';
export type * from './ast.js';
