/**
 * Unary and binary operators with Terraform's conversions: arithmetic and ordering convert
 * operands to numbers, `&&`/`||`/`!` require bools, `==`/`!=` compare structurally without
 * conversion. Unknown operands give unknown results; sensitivity is the union of the operands'.
 */
import type { BinaryOp, Range, UnaryOp } from './expr.js';
import { evalFail, mark, type EvalEnv } from './eval-env.js';
import { isUnknown, isWhollyKnown, UNKNOWN, valuesEqual, type MarkedValue, type Value } from './value.js';
import { asBool, asNumber, typeNameOf } from './value-conversion.js';

const SYMBOL: Record<BinaryOp, string> = {
  add: '+', subtract: '-', multiply: '*', divide: '/', modulo: '%',
  equal: '==', notEqual: '!=', less: '<', lessOrEqual: '<=', greater: '>', greaterOrEqual: '>=',
  and: '&&', or: '||',
};

function needNumber(env: EvalEnv, v: Value, range: Range, op: string): number {
  const n = asNumber(v);
  if (n === undefined) evalFail(env, range, 'expr-invalid-operand', 'Invalid operand', `Unsuitable value for the ${op} operator: a number is required, but have ${typeNameOf(v)}${typeof v === 'string' ? ` ${JSON.stringify(v)}` : ''}.`);
  return n;
}

function needBool(env: EvalEnv, v: Value, range: Range, op: string): boolean {
  const b = asBool(v);
  if (b === undefined) evalFail(env, range, 'expr-invalid-operand', 'Invalid operand', `Unsuitable value for the ${op} operator: a bool is required, but have ${typeNameOf(v)}.`);
  return b;
}

/** Applies a unary operator. */
export function applyUnary(env: EvalEnv, op: UnaryOp, m: MarkedValue, range: Range): MarkedValue {
  if (isUnknown(m.value)) return mark(UNKNOWN, m.sensitive);
  if (m.value === null) evalFail(env, range, 'expr-invalid-operand', 'Invalid operand', `Unsuitable value for the ${op === 'not' ? '!' : '-'} operator: the value is null.`);
  if (op === 'not') return mark(!needBool(env, m.value, range, '!'), m.sensitive);
  return mark(-needNumber(env, m.value, range, '-'), m.sensitive);
}

/** Applies a binary operator to already-evaluated operands. */
export function applyBinary(env: EvalEnv, op: BinaryOp, l: MarkedValue, r: MarkedValue, range: Range): MarkedValue {
  const sensitive = l.sensitive || r.sensitive;
  const sym = SYMBOL[op];
  if (op === 'equal' || op === 'notEqual') {
    if (!isWhollyKnown(l.value) || !isWhollyKnown(r.value)) return mark(UNKNOWN, sensitive);
    const eq = valuesEqual(l.value, r.value);
    return mark(op === 'equal' ? eq : !eq, sensitive);
  }
  if (op === 'and' || op === 'or') {
    // A known false (&&) or true (||) operand decides the result even when the other is unknown.
    const lb = isUnknown(l.value) ? undefined : needBool(env, nonNull(env, l.value, range, sym), range, sym);
    const rb = isUnknown(r.value) ? undefined : needBool(env, nonNull(env, r.value, range, sym), range, sym);
    const decisive = op === 'and' ? false : true;
    if (lb === decisive || rb === decisive) return mark(decisive, sensitive);
    if (lb === undefined || rb === undefined) return mark(UNKNOWN, sensitive);
    return mark(!decisive, sensitive);
  }
  if (isUnknown(l.value) || isUnknown(r.value)) return mark(UNKNOWN, sensitive);
  const a = needNumber(env, nonNull(env, l.value, range, sym), range, sym);
  const b = needNumber(env, nonNull(env, r.value, range, sym), range, sym);
  switch (op) {
    case 'add': return mark(a + b, sensitive);
    case 'subtract': return mark(a - b, sensitive);
    case 'multiply': return mark(a * b, sensitive);
    case 'divide':
      if (b === 0) evalFail(env, range, 'expr-invalid-operand', 'Division by zero', 'The right operand of the / operator is zero.');
      return mark(a / b, sensitive);
    case 'modulo':
      if (b === 0) evalFail(env, range, 'expr-invalid-operand', 'Division by zero', 'The right operand of the % operator is zero.');
      return mark(a % b, sensitive);
    case 'less': return mark(a < b, sensitive);
    case 'lessOrEqual': return mark(a <= b, sensitive);
    case 'greater': return mark(a > b, sensitive);
    case 'greaterOrEqual': return mark(a >= b, sensitive);
  }
}

function nonNull(env: EvalEnv, v: Value, range: Range, sym: string): Value {
  if (v === null) evalFail(env, range, 'expr-invalid-operand', 'Invalid operand', `Unsuitable value for the ${sym} operator: the value is null.`);
  return v;
}
