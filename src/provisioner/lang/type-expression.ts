/**
 * Parses a variable `type` constraint (`list(string)`, `object({ a = string, b = optional(number, 3) })`,
 * as hcl2json gives it, usually wrapped in `${}`) into a Type.
 */
import { DiagnosticsError, errorDiag, type Outcome } from '../../shared/diagnostics.js';
import type { Expr } from './expr.js';
import { parseLiteralOrTemplate, type ParseOptions } from './parse-expression.js';
import { convertValue, ConversionError } from './convert-to-type.js';
import { evaluateConstant } from './evaluate.js';
import { T, type Type } from './types.js';
import type { Value } from './value.js';

/** Parses a type constraint from hcl2json's value (a string like `"${map(string)}"`) or an Expr. */
export function parseTypeExpression(input: unknown, opts: ParseOptions): Outcome<Type> {
  const parsed = parseLiteralOrTemplate(input, opts);
  if (parsed.value === undefined) return { diagnostics: parsed.diagnostics };
  try {
    return { value: typeFromExpr(parsed.value, opts.file), diagnostics: [] };
  } catch (e) {
    if (e instanceof DiagnosticsError) return { diagnostics: e.diagnostics };
    throw e;
  }
}

function fail(file: string, e: Expr, detail: string): never {
  throw new DiagnosticsError([errorDiag('invalid-type-constraint', 'Invalid type specification', { detail, range: { file, start: e.range.start, end: e.range.end } })]);
}

/** Converts an already-parsed expression into a Type. */
export function typeFromExpr(e: Expr, file: string): Type {
  if (e.kind === 'paren') return typeFromExpr(e.expr, file);
  if (e.kind === 'literal' && typeof e.value === 'string' && /^[a-z]+$/.test(e.value)) return primitive(e.value, e, file);
  if (e.kind === 'traversal' && e.steps.length === 0) return primitive(e.root, e, file);
  if (e.kind !== 'call') fail(file, e, 'A type specification is a keyword (string, number, bool, any) or a type constructor such as list(string).');
  const arg = e.args[0];
  const one = (): Expr => {
    if (e.args.length !== 1 || arg === undefined) fail(file, e, `The ${e.name} type constructor requires one argument specifying the element type.`);
    return arg;
  };
  switch (e.name) {
    case 'list': return T.list(typeFromExpr(one(), file));
    case 'set': return T.set(typeFromExpr(one(), file));
    case 'map': return T.map(typeFromExpr(one(), file));
    case 'tuple': {
      const a = one();
      if (a.kind !== 'tuple') fail(file, a, 'The tuple type constructor requires a list of element types.');
      return T.tuple(a.items.map((i) => typeFromExpr(i, file)));
    }
    case 'object': return objectType(one(), file);
    case 'optional': fail(file, e, 'Keyword "optional" is valid only as a modifier for object type attributes.');
    // falls through (fail never returns)
    default: fail(file, e, `Keyword ${JSON.stringify(e.name)} is not a valid type constructor.`);
  }
}

function primitive(name: string, e: Expr, file: string): Type {
  switch (name) {
    case 'string': return T.string;
    case 'number': return T.number;
    case 'bool': return T.bool;
    case 'any': return T.any;
    case 'list': case 'map': case 'set':
      fail(file, e, `The ${name} type constructor requires one argument specifying the element type.`);
    // falls through (fail never returns)
    default: fail(file, e, `The keyword ${JSON.stringify(name)} is not a valid type specification.`);
  }
}

function objectType(a: Expr, file: string): Type {
  if (a.kind !== 'object') fail(file, a, 'The object type constructor requires one argument specifying the attribute types as a map.');
  const attributes: Record<string, Type> = {};
  const optional: Record<string, { default?: unknown }> = {};
  for (const item of a.items) {
    const k = item.key.kind === 'literal' && typeof item.key.value === 'string' ? item.key.value
      : item.key.kind === 'traversal' && item.key.steps.length === 0 ? item.key.root : undefined;
    if (k === undefined) fail(file, item.key, 'Object attribute names must be identifiers.');
    const v = item.value;
    if (v.kind === 'call' && v.name === 'optional') {
      const [tArg, dArg] = v.args;
      if (tArg === undefined || v.args.length > 2) fail(file, v, 'optional() takes a type and an optional default value.');
      const t = typeFromExpr(tArg, file);
      attributes[k] = t;
      if (dArg === undefined) { optional[k] = {}; continue; }
      const d = evaluateConstant(dArg, file);
      if (d.value === undefined) throw new DiagnosticsError(d.diagnostics);
      try {
        optional[k] = { default: convertValue(d.value, t) as Value };
      } catch (err) {
        if (err instanceof ConversionError) fail(file, dArg, `Invalid default value for optional attribute ${JSON.stringify(k)}: ${err.message}.`);
        throw err;
      }
      continue;
    }
    attributes[k] = typeFromExpr(v, file);
  }
  return Object.keys(optional).length ? { kind: 'object', attributes, optional } : { kind: 'object', attributes };
}
