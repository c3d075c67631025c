/**
 * Readers for `arg.properties` annotations (`length`, `range`, numeric fields) with the
 * generator's validation messages, and the `iteration` sequences. A sequence built for
 * generation `count` yields what a fresh sequence yields after `count` values, which is how a
 * restarted task continues its counters.
 */
import { DatagenSchemaError } from './datagen-schema-error.js';
import { isJsonObject } from './avro-schema-model.js';
import type { JsonObject, JsonValue } from './types.js';

/** Length bounds: `min` inclusive, `max` exclusive (default 8..16). */
export interface LengthBounds {
  readonly min: number;
  readonly max: number;
}

const DEFAULT_LENGTH: LengthBounds = { min: 8, max: 16 };
const INT_MAX = 2147483647;

/** The `length` bounds of a props map (a number n means exactly n). */
export function lengthBounds(props: JsonObject): LengthBounds {
  const p = props['length'];
  if (p === undefined || p === null) return DEFAULT_LENGTH;
  if (typeof p === 'number') {
    if (!Number.isInteger(p)) fail("length property must be an integral number or an object");
    if (p < 0) fail('when given as integral number, length property cannot be negative');
    return { min: p, max: p + 1 };
  }
  if (!isJsonObject(p)) fail('length property must either be an integral number or an object');
  const min = integerField('length', 'min', p);
  const max = integerField('length', 'max', p);
  if (min === undefined && max === undefined) fail("length property must contain at least one of 'min' or 'max' fields when given as object");
  const lo = min ?? 0;
  const hi = max ?? INT_MAX;
  if (lo < 0) fail('min field of length property cannot be negative');
  if (hi <= lo) fail('max field must be strictly greater than min field for length property');
  return { min: lo, max: hi };
}

/** An integral field of an annotation object, or undefined. */
export function integerField(property: string, field: string, props: JsonObject): number | undefined {
  const v = props[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) fail(`'${field}' field of ${property} property must be an integral number, was ${describe(v)} instead`);
  return v;
}

/** A numeric field of an annotation object, or undefined. */
export function numberField(property: string, field: string, props: JsonObject): number | undefined {
  const v = props[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number') fail(`'${field}' field of ${property} property must be a number, was ${describe(v)} instead`);
  return v;
}

/** The `range` object of a props map, or undefined. */
export function rangeProps(props: JsonObject): JsonObject | undefined {
  const r = props['range'];
  if (r === undefined || r === null) return undefined;
  if (!isJsonObject(r)) fail('range property must be an object');
  return r;
}

/** A string-valued annotation (`prefix`, `suffix`, `regex`), or undefined. */
export function stringProp(props: JsonObject, name: string): string | undefined {
  const v = props[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') fail(`${name} property must be a string`);
  return v;
}

/** Throws when any of `excluded` appears next to `included`. */
export function exclusive(props: JsonObject, included: string, excluded: readonly string[]): void {
  for (const e of excluded) if (Object.hasOwn(props, e)) fail(`Cannot specify ${e} prop when ${included} prop is given`);
}

/** An endless sequence of values. */
export interface Sequence {
  next(): number | boolean;
}

/** The `iteration` sequence for an int/long (`bits`), float/double or boolean schema. */
export function iterationSequence(props: JsonObject, type: 'int' | 'long' | 'float' | 'double' | 'boolean', count: number): Sequence {
  exclusive(props, 'iteration', ['length', 'regex', 'options', 'range']);
  const it = props['iteration'];
  if (!isJsonObject(it)) fail('iteration prop must be an object');
  if (type === 'boolean') {
    const start = it['start'];
    if (typeof start !== 'boolean') fail(start === undefined ? 'iteration property must contain start field' : 'start field of iteration property for a boolean schema must be a boolean');
    if (Object.hasOwn(it, 'restart') || Object.hasOwn(it, 'step')) fail('iteration property cannot contain restart or step fields for a boolean schema');
    let current = start !== (count % 2 === 1);
    return { next: () => { const r = current; current = !current; return r; } };
  }
  const read = type === 'int' || type === 'long' ? integerField : numberField;
  const start = read('iteration', 'start', it);
  if (start === undefined) fail('iteration property must contain start field');
  let restart = read('iteration', 'restart', it);
  let step = read('iteration', 'step', it);
  const initial = read('iteration', 'initial', it) ?? start;
  const high = type === 'int' ? INT_MAX : type === 'long' ? 9223372036854775807 : type === 'float' ? 3.4028234663852886e38 : Number.MAX_VALUE;
  const low = type === 'int' ? -2147483648 : type === 'long' ? -9223372036854775808 : -high;
  if (restart === undefined && step === undefined) { restart = high; step = 1; } else if (restart === undefined) {
    if (step === 0) fail('step field of iteration property cannot be zero');
    restart = (step ?? 1) > 0 ? high : -low;
  } else if (step === undefined) {
    if (restart === start) fail('start and restart fields of iteration property cannot be equal');
    step = restart > start ? 1 : -1;
  } else {
    if (step === 0) fail('step field of iteration property cannot be zero');
    if (start === restart) fail('start and restart fields of iteration property cannot be equal');
    if (restart > start && step < 0) fail('step field of iteration property must be positive when restart field is greater than start field');
    if (restart < start && step > 0) fail('step field of iteration property must be negative when restart field is less than start field');
  }
  return type === 'int' || type === 'long'
    ? integralSequence(start, restart, step ?? 1, initial, count, type === 'int' ? 32 : 64)
    : decimalSequence(start, restart, step ?? 1, initial, count, type === 'float');
}

/** Exact integer arithmetic (BigInt): offsets wrap modulo |restart - start|, keeping the step's sign. */
function integralSequence(start: number, restart: number, step: number, initial: number, count: number, bits: 32 | 64): Sequence {
  const s = BigInt(start);
  const st = BigInt(step);
  const modulo = abs(BigInt(restart) - s);
  const sign = st < 0n ? -1n : 1n;
  let current = BigInt(initial) - s;
  if (count > 0) current = (abs(BigInt(count) * st + current) % modulo) * sign;
  return {
    next: () => {
      const result = BigInt.asIntN(bits, current + s);
      current = (abs(current + st) % modulo) * sign;
      return Number(result);
    },
  };
}

/** Floating-point iteration: offsets wrap with a truncating remainder (sign of the dividend). */
function decimalSequence(start: number, restart: number, step: number, initial: number, count: number, float: boolean): Sequence {
  const modulo = restart - start;
  let current = initial - start;
  if (count > 0) current = (count * step + current) % modulo;
  return {
    next: () => {
      const result = current + start;
      current = (current + step) % modulo;
      return float ? Math.fround(result) : result;
    },
  };
}

function abs(v: bigint): bigint {
  return v < 0n ? -v : v;
}

function describe(v: JsonValue): string {
  return Array.isArray(v) ? 'an array' : v === null ? 'null' : typeof v;
}

function fail(message: string): never {
  throw new DatagenSchemaError(message);
}
