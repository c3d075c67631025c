/**
 * cloud/flink/sql: the Flink SQL parser for Confluent Cloud's dialect — lexer, typed immutable AST,
 * parser and canonical printer. Later stages (binder, planner, runtime, statements) consume the AST.
 * Must not depend on anything inside streamform but shared/.
 *
 * Hand-written recursive descent with source positions, because no npm SQL parser handles this
 * dialect (`$rowtime`, DISTRIBUTED BY ... INTO n BUCKETS, window TVFs with DESCRIPTOR and named
 * arguments, MATCH_RECOGNIZE, hints, Flink's type syntax) and errors must read like Calcite's.
 */
export { parseStatement, parseStatements, splitStatements, parseExpression, parseDataType, MULTIPLE_STATEMENTS_MESSAGE } from './parse.js';
export type { ParseOptions } from './parse.js';
export { NOT_SUPPORTED_MESSAGE } from './statement-parser.js';
export { lex } from './lexer.js';
export type { Token, TokenKind, LexResult, LexError } from './lexer.js';
export type * from './ast.js';
