/**
 * AVG with retraction: an exact sum (bigint for integers and DECIMAL, double for FLOAT/DOUBLE) and
 * a count of non-null inputs. Result type is the input type, so AVG over an integer type is the
 * truncating integer division Flink does (AVG(INT) of 1 and 2 is 1); DECIMAL(p, s) gives
 * DECIMAL(38, max(6, s)) rounded HALF_UP. NULL when no non-null input.
 */
import type { LogicalType } from '../../../types/index.js';
import { divHalfUp, fitsPrecision, rescale } from '../../../types/index.js';
import { decodeValue, encodeValue, type Json } from '../value-codec.js';
import { ExactSum } from './exact-sum.js';
import type { Accumulator } from './types.js';

/** AVG(x). */
export class AvgAccumulator implements Accumulator {
  readonly #t: LogicalType;
  /** The exact sum (integers, DECIMAL); undefined for FLOAT/DOUBLE, which sum in `#sum`. */
  readonly #exact: ExactSum | undefined;
  #sum = 0;
  #count = 0;

  constructor(argType: LogicalType) {
    this.#t = argType;
    this.#exact = argType.kind !== 'FLOAT' && argType.kind !== 'DOUBLE' ? new ExactSum(false) : undefined;
  }

  add(v: unknown): void {
    if (v === null) return;
    if (this.#exact !== undefined) this.#exact.add(v as bigint | number, 1);
    else this.#sum += v as number;
    this.#count++;
  }

  retract(v: unknown): void {
    if (v === null) return;
    if (this.#exact !== undefined) this.#exact.add(v as bigint | number, -1);
    else this.#sum -= v as number;
    this.#count--;
  }

  result(): unknown {
    if (this.#count === 0) return null;
    const t = this.#t;
    switch (t.kind) {
      case 'FLOAT': return Math.fround(this.#sum / this.#count);
      case 'DOUBLE': return this.#sum / this.#count;
      case 'BIGINT': return this.#exactSum() / BigInt(this.#count);
      case 'DECIMAL': {
        const q = divHalfUp(rescale(this.#exactSum(), t.scale, Math.max(6, t.scale)), BigInt(this.#count));
        return fitsPrecision(q, 38) ? q : null;
      }
      default: return Number(this.#exactSum() / BigInt(this.#count));
    }
  }

  #exactSum(): bigint { return (this.#exact as ExactSum).value; }

  snapshot(): Json { return [encodeValue(this.#exact !== undefined ? this.#exact.value : this.#sum), this.#count]; }
  restore(s: Json): void {
    const [sum, count] = s as readonly [Json, number];
    const v = decodeValue(sum);
    if (this.#exact !== undefined) this.#exact.value = typeof v === 'bigint' ? v : BigInt(v as number); else this.#sum = v as number;
    this.#count = count;
  }
}
