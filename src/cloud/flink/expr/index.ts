/**
 * flink/expr: the scalar built-in functions and operators of Flink SQL (§10 of the reference):
 * a registry by name, type inference per call site, and closures specialised per argument types
 * for the per-row path; plus CAST binding, LIKE/regex/JSON-path compilation and the comparison
 * and coercion helpers the evaluator needs (CASE, IN, ORDER BY).
 * Depends only on src/shared and flink/types; never on the SQL AST, binder, planner or runtime.
 */
export type { ScalarFn, EvalContext, CallSite, Binding, FunctionDef, BoundFunction } from './types.js';
export { scalarFunctions, resolveFunction, defaultEvalContext, type ResolveOptions } from './function-registry.js';
export { bindCast } from './cast-call.js';
export { comparable } from './operators-comparison.js';
export { numericResultType } from './operators-arithmetic.js';
export { commonTypeCoercions } from './functions-conditional.js';
export { likeRegex, similarRegex } from './like-pattern.js';
export { javaRegex } from './java-regex.js';
export { parseJsonPath, evalJsonPath, type JsonPath, type PathStep } from './json-path.js';
export { compileJsonValue, compileJsonQuery, type JsonBehavior, type JsonWrapper, type JsonQueryBehavior } from './functions-json.js';
export { formatWithPattern, parseWithPattern } from './date-format.js';
export { substringSql } from './functions-string.js';
export { addMonthsToTimestamp } from './temporal-arith.js';
