/**
 * SUM with retraction. Keeps the sum in the result type's arithmetic (Java-style wrapping for
 * TINYINT/SMALLINT/INT/BIGINT, Math.fround for FLOAT, exact unscaled bigint for DECIMAL(38, s)) and
 * the count of non-null inputs: SUM is NULL when that count is zero. Wrapping arithmetic is a group,
 * so add then retract restores the sum exactly; DECIMAL overflow past 38 digits yields NULL.
 */
import type { LogicalType } from '../../../types/index.js';
import { fitsPrecision, wrapBigint, wrapInt, wrapSmallint, wrapTinyint } from '../../../types/index.js';
import { decodeValue, encodeValue, type Json } from '../value-codec.js';
import { ExactSum } from './exact-sum.js';
import type { Accumulator } from './types.js';

/** Addition and subtraction in one numeric type's runtime representation. */
export interface NumericArithmetic {
  readonly zero: unknown;
  add(a: unknown, b: unknown): unknown;
  sub(a: unknown, b: unknown): unknown;
}

/** The arithmetic SUM uses for an input type. */
export function sumArithmetic(t: LogicalType): NumericArithmetic {
  switch (t.kind) {
    case 'TINYINT': return intOps(wrapTinyint);
    case 'SMALLINT': return intOps(wrapSmallint);
    case 'INTEGER': return intOps(wrapInt);
    case 'BIGINT': return { zero: 0n, add: (a, b) => wrapBigint((a as bigint) + (b as bigint)), sub: (a, b) => wrapBigint((a as bigint) - (b as bigint)) };
    case 'DECIMAL': return { zero: 0n, add: (a, b) => (a as bigint) + (b as bigint), sub: (a, b) => (a as bigint) - (b as bigint) };
    case 'FLOAT': return { zero: 0, add: (a, b) => Math.fround((a as number) + (b as number)), sub: (a, b) => Math.fround((a as number) - (b as number)) };
    default: return { zero: 0, add: (a, b) => (a as number) + (b as number), sub: (a, b) => (a as number) - (b as number) };
  }
}

function intOps(wrap: (x: number) => number): NumericArithmetic {
  return { zero: 0, add: (a, b) => wrap((a as number) + (b as number)), sub: (a, b) => wrap((a as number) - (b as number)) };
}

/** SUM(x). BIGINT sums go through ExactSum (no bigint per value while the sum is small). */
export class SumAccumulator implements Accumulator {
  readonly #ops: NumericArithmetic;
  readonly #decimal: boolean;
  readonly #bigint: ExactSum | undefined;
  #sum: unknown;
  #count = 0;

  constructor(argType: LogicalType) {
    this.#ops = sumArithmetic(argType);
    this.#decimal = argType.kind === 'DECIMAL';
    this.#bigint = argType.kind === 'BIGINT' ? new ExactSum(true) : undefined;
    this.#sum = this.#ops.zero;
  }

  add(v: unknown): void {
    if (v === null) return;
    if (this.#bigint !== undefined) this.#bigint.add(v as bigint, 1); else this.#sum = this.#ops.add(this.#sum, v);
    this.#count++;
  }

  retract(v: unknown): void {
    if (v === null) return;
    if (this.#bigint !== undefined) this.#bigint.add(v as bigint, -1); else this.#sum = this.#ops.sub(this.#sum, v);
    this.#count--;
  }

  result(): unknown {
    if (this.#count === 0) return null;
    if (this.#bigint !== undefined) return this.#bigint.value;
    if (this.#decimal && !fitsPrecision(this.#sum as bigint, 38)) return null;
    return this.#sum;
  }

  snapshot(): Json { return [encodeValue(this.#bigint !== undefined ? this.#bigint.value : this.#sum), this.#count]; }
  restore(s: Json): void {
    const [sum, count] = s as readonly [Json, number];
    if (this.#bigint !== undefined) this.#bigint.value = decodeValue(sum) as bigint; else this.#sum = decodeValue(sum);
    this.#count = count;
  }
}
