/**
 * An exact integer sum for SUM(BIGINT) and AVG over integers and DECIMAL: a double while the
 * value and every partial sum are safe integers (exact, and no bigint allocated per value), a
 * bigint for good once a partial sum leaves that range. `wrap64` keeps the bigint in Java's
 * 64-bit wrapping arithmetic (SUM(BIGINT)); inside the safe range wrapping never applies.
 */
import { wrapBigint } from '../../../types/index.js';

/** A running exact sum; see the file header. */
export class ExactSum {
  readonly #wrap64: boolean;
  #n = 0;
  #big: bigint | null = null;

  constructor(wrap64: boolean) { this.#wrap64 = wrap64; }

  /** Adds (`sign` 1) or subtracts (`sign` -1) an integer value (bigint, or a number holding an integer). */
  add(v: bigint | number, sign: 1 | -1): void {
    if (this.#big === null) {
      const x = typeof v === 'number' ? v : Number(v);
      const s = sign === 1 ? this.#n + x : this.#n - x;
      if (Number.isSafeInteger(x) && Number.isSafeInteger(s)) { this.#n = s; return; }
      this.#big = BigInt(this.#n);
    }
    const b = typeof v === 'bigint' ? v : BigInt(v);
    const s = sign === 1 ? this.#big + b : this.#big - b;
    this.#big = this.#wrap64 ? wrapBigint(s) : s;
  }

  /** The sum as a bigint. */
  get value(): bigint { return this.#big ?? BigInt(this.#n); }

  /** Sets the sum (restore). */
  set value(v: bigint) {
    const x = Number(v);
    if (Number.isSafeInteger(x)) { this.#n = x; this.#big = null; } else { this.#n = 0; this.#big = v; }
  }
}
