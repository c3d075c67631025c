/**
 * VAR_POP, VAR_SAMP (= VARIANCE), STDDEV_POP, STDDEV_SAMP with retraction. Result type is the input
 * type (DECIMAL(p, s) → DECIMAL(38, max(6, s))), as Flink's reduction of these functions into SUM
 * and COUNT gives:
 * - exact inputs (integers, DECIMAL) keep exact bigint sums Σx, Σx² and n, so retraction is exact;
 *   integers follow the reduced formula in integer arithmetic, (Σx² − Σx·Σx / n) / n (truncating),
 *   and STDDEV is the truncated square root of that; DECIMAL is the exact quotient rounded HALF_UP.
 * - FLOAT/DOUBLE use Welford's running mean and M2, with the inverse update for retraction.
 * NULL when no non-null input; the sample forms are NULL for a single input.
 */
import { decimalFromNumber, decimalToNumber, divHalfUp, pow10, type LogicalType } from '../../../types/index.js';
import { decodeValue, encodeValue, type Json } from '../value-codec.js';
import type { Accumulator } from './types.js';

/** Which of the four statistics. */
export type VarianceKind = 'VAR_POP' | 'VAR_SAMP' | 'STDDEV_POP' | 'STDDEV_SAMP';

/** The variance family. */
export class VarianceAccumulator implements Accumulator {
  readonly #t: LogicalType;
  readonly #kind: VarianceKind;
  readonly #exact: boolean;
  #n = 0;
  #sum = 0n;
  #sumSq = 0n;
  #mean = 0;
  #m2 = 0;

  constructor(argType: LogicalType, kind: VarianceKind) {
    this.#t = argType;
    this.#kind = kind;
    this.#exact = argType.kind !== 'FLOAT' && argType.kind !== 'DOUBLE';
  }

  add(v: unknown): void {
    if (v === null) return;
    this.#n++;
    if (this.#exact) {
      const x = typeof v === 'bigint' ? v : BigInt(v as number);
      this.#sum += x;
      this.#sumSq += x * x;
      return;
    }
    const x = v as number;
    const d = x - this.#mean;
    this.#mean += d / this.#n;
    this.#m2 += d * (x - this.#mean);
  }

  retract(v: unknown): void {
    if (v === null || this.#n === 0) return;
    this.#n--;
    if (this.#exact) {
      const x = typeof v === 'bigint' ? v : BigInt(v as number);
      this.#sum -= x;
      this.#sumSq -= x * x;
      return;
    }
    if (this.#n === 0) { this.#mean = 0; this.#m2 = 0; return; }
    const x = v as number;
    const prevMean = (this.#mean * (this.#n + 1) - x) / this.#n;
    this.#m2 -= (x - prevMean) * (x - this.#mean);
    if (this.#m2 < 0) this.#m2 = 0;
    this.#mean = prevMean;
  }

  result(): unknown {
    const sample = this.#kind === 'VAR_SAMP' || this.#kind === 'STDDEV_SAMP';
    const sqrt = this.#kind === 'STDDEV_POP' || this.#kind === 'STDDEV_SAMP';
    const n = this.#n;
    if (n === 0 || (sample && n === 1)) return null;
    const div = sample ? n - 1 : n;
    const t = this.#t;
    if (!this.#exact) {
      const r = sqrt ? Math.sqrt(this.#m2 / div) : this.#m2 / div;
      return t.kind === 'FLOAT' ? Math.fround(r) : r;
    }
    if (t.kind === 'DECIMAL') {
      // Σx² has scale 2s; variance = (n·Σx² − (Σx)²) / (n·div) at scale 2s, then to scale rs.
      const rs = Math.max(6, t.scale);
      const num = BigInt(n) * this.#sumSq - this.#sum * this.#sum;
      const den = BigInt(n) * BigInt(div);
      const shift = rs - 2 * t.scale;
      const variance = shift >= 0 ? divHalfUp(num * pow10(shift), den) : divHalfUp(num, den * pow10(-shift));
      if (!sqrt) return variance;
      return decimalFromNumber(Math.sqrt(decimalToNumber(variance, rs)), rs) ?? null;
    }
    const variance = (this.#sumSq - (this.#sum * this.#sum) / BigInt(n)) / BigInt(div);
    const r = sqrt ? BigInt(Math.trunc(Math.sqrt(Number(variance)))) : variance;
    return t.kind === 'BIGINT' ? r : Number(r);
  }

  snapshot(): Json {
    return this.#exact ? [this.#n, this.#sum.toString(), this.#sumSq.toString()] : [this.#n, encodeValue(this.#mean), encodeValue(this.#m2)];
  }

  restore(s: Json): void {
    const [n, a, b] = s as readonly [number, Json, Json];
    this.#n = n;
    if (this.#exact) { this.#sum = BigInt(a as string); this.#sumSq = BigInt(b as string); } else { this.#mean = decodeValue(a) as number; this.#m2 = decodeValue(b) as number; }
  }
}
