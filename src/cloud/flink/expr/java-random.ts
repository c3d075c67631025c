/** java.util.Random's 48-bit LCG, so RAND(seed) / RAND_INTEGER(seed, n) give Flink's sequences. */

const MULT = 0x5DEECE66Dn;
const MASK = (1n << 48n) - 1n;

/** A seeded generator with Java's nextDouble and nextInt(bound). */
export class JavaRandom {
  #seed: bigint;
  constructor(seed: bigint) { this.#seed = (seed ^ MULT) & MASK; }

  #next(bits: number): number {
    this.#seed = (this.#seed * MULT + 0xBn) & MASK;
    return Number(BigInt.asIntN(32, this.#seed >> BigInt(48 - bits)));
  }

  /** Uniform double in [0, 1). */
  nextDouble(): number {
    return ((this.#next(26) * 134217728) + (this.#next(27) >>> 0)) * 2 ** -53;
  }

  /** Uniform int in [0, bound). */
  nextInt(bound: number): number {
    if ((bound & -bound) === bound) return Number((BigInt(bound) * BigInt(this.#next(31))) >> 31n);
    let bits: number; let val: number;
    do { bits = this.#next(31); val = bits % bound; } while (bits - val + (bound - 1) < 0 || bits - val + (bound - 1) > 2147483647);
    return val;
  }
}
