/**
 * lang: the Terraform expression language — expression AST, parser, evaluator, built-in
 * functions, type constraints and reference extraction.
 *
 * Pure and synchronous (file functions read the disk through the injected base directory).
 * Must not depend on config, graph, engine, state, providers or anything under cloud/.
 */
export { UNKNOWN, UnknownValue, isUnknown, isObjectValue, isListValue, isWhollyKnown, valuesEqual, toJSONValue } from './value.js';
export type { Value, ObjectValue, MarkedValue } from './value.js';
export { T, typeString } from './types.js';
export type { Type, Reference, EvalScope, EvalContext } from './types.js';
export { exprToJSON, exprFromJSON, isLiteralExpr } from './expr.js';
export type { Expr, Step, TemplatePart, ObjectItem, Pos, Range, UnaryOp, BinaryOp } from './expr.js';
export { parseExpression, parseExpressionSync, parseTemplate, parseLiteralOrTemplate, clearParseMemo } from './parse-expression.js';
export type { ParseOptions } from './parse-expression.js';
export { evaluate, evaluateConstant } from './evaluate.js';
export { referencesOf, traversalPathOf, parseTraversal } from './references.js';
export type { ReferenceUse, Traversal } from './references.js';
export { referenceText } from './traverse.js';
export { parseTypeExpression, typeFromExpr } from './type-expression.js';
export { convertToType, convertValue, ConversionError } from './convert-to-type.js';
export { listFunctions, functionNames } from './function-registry.js';
export { formatNumber } from './value-conversion.js';
export { staticScope } from './static-scope.js';
export { elementMark, markPaths } from './sensitive-marks.js';
export type { SensitivePath } from './sensitive-marks.js';
export type { StaticScopeData } from './static-scope.js';
