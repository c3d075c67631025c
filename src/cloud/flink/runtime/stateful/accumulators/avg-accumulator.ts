/**
 * AVG with retraction: an exact sum (bigint for integers and DECIMAL, double for FLOAT/DOUBLE) and
 * a count of non-null inputs. Result type is the input type, so AVG over an integer type is the
 * truncating integer division Flink does (AVG(INT) of 1 and 2 is 1); DECIMAL(p, s) gives
 * DECIMAL(38, max(6, s)) rounded HALF_UP. NULL when no non-null input.
 */
import type { LogicalType } from '../../../types/index.js';
import { divHalfUp, fitsPrecision, rescale } from '../../../types/index.js';
import { decodeValue, encodeValue, type Json } from '../value-codec.js';
import type { Accumulator } from './types.js';

/** AVG(x). */
export class AvgAccumulator implements Accumulator {
  readonly #t: LogicalType;
  readonly #exact: boolean;
  #sum: number | bigint;
  #count = 0;

  constructor(argType: LogicalType) {
    this.#t = argType;
    this.#exact = argType.kind !== 'FLOAT' && argType.kind !== 'DOUBLE';
    this.#sum = this.#exact ? 0n : 0;
  }

  add(v: unknown): void {
    if (v === null) return;
    if (this.#exact) this.#sum = (this.#sum as bigint) + (typeof v === 'bigint' ? v : BigInt(v as number));
    else this.#sum = (this.#sum as number) + (v as number);
    this.#count++;
  }

  retract(v: unknown): void {
    if (v === null) return;
    if (this.#exact) this.#sum = (this.#sum as bigint) - (typeof v === 'bigint' ? v : BigInt(v as number));
    else this.#sum = (this.#sum as number) - (v as number);
    this.#count--;
  }

  result(): unknown {
    if (this.#count === 0) return null;
    const t = this.#t;
    switch (t.kind) {
      case 'FLOAT': return Math.fround((this.#sum as number) / this.#count);
      case 'DOUBLE': return (this.#sum as number) / this.#count;
      case 'BIGINT': return (this.#sum as bigint) / BigInt(this.#count);
      case 'DECIMAL': {
        const q = divHalfUp(rescale(this.#sum as bigint, t.scale, Math.max(6, t.scale)), BigInt(this.#count));
        return fitsPrecision(q, 38) ? q : null;
      }
      default: return Number((this.#sum as bigint) / BigInt(this.#count));
    }
  }

  snapshot(): Json { return [encodeValue(this.#sum), this.#count]; }
  restore(s: Json): void {
    const [sum, count] = s as readonly [Json, number];
    this.#sum = decodeValue(sum) as number | bigint;
    this.#count = count;
  }
}
