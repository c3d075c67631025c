/**
 * RandomSource: a small, fast, seedable PRNG (xoshiro128** over 32-bit ops, seeded through
 * splitmix32). Its whole state can be captured as one 53-bit seed: like the real connector, the
 * task re-seeds after every record with a seed drawn from the source itself, and that seed is the
 * source offset a restarted task resumes from.
 */

const TWO_32 = 4294967296;
const TWO_53 = 9007199254740992;

/** Seedable random numbers; `setSeed(seed)` fully determines everything drawn afterwards. */
export class RandomSource {
  #a = 0;
  #b = 0;
  #c = 0;
  #d = 0;

  constructor(seed: number) {
    this.setSeed(seed);
  }

  /** Resets the state from a non-negative safe integer. */
  setSeed(seed: number): void {
    const s = Math.floor(Math.abs(seed)) % TWO_53;
    let x = (s % TWO_32) >>> 0;
    const hi = Math.floor(s / TWO_32) >>> 0;
    x = (x ^ Math.imul(hi, 0x9e3779b9)) >>> 0;
    const next = (): number => {
      x = (x + 0x9e3779b9) | 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.#a = next() ^ hi;
    this.#b = next();
    this.#c = next();
    this.#d = next();
    if ((this.#a | this.#b | this.#c | this.#d) === 0) this.#d = 1;
  }

  /** A uniform unsigned 32-bit integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.#b, 5), 7), 9) >>> 0;
    const t = this.#b << 9;
    this.#c ^= this.#a;
    this.#d ^= this.#b;
    this.#b ^= this.#c;
    this.#a ^= this.#d;
    this.#c ^= t;
    this.#d = rotl(this.#d, 11);
    return result;
  }

  /** A uniform signed 32-bit integer (Java's `nextInt()`). */
  nextInt32(): number {
    return this.nextUint32() | 0;
  }

  /** A uniform double in [0, 1) with 53 random bits. */
  nextDouble(): number {
    const hi = this.nextUint32() >>> 5;
    const lo = this.nextUint32() >>> 6;
    return (hi * 67108864 + lo) / TWO_53;
  }

  /** A uniform float in [0, 1) with 24 random bits. */
  nextFloat(): number {
    return (this.nextUint32() >>> 8) / 16777216;
  }

  /** A uniform integer in [0, bound). */
  nextInt(bound: number): number {
    return Math.floor(this.nextDouble() * bound);
  }

  /** A fair coin. */
  nextBoolean(): boolean {
    return this.nextUint32() >= 0x80000000;
  }

  /** A uniform safe integer in [-(2^53 - 1), 2^53 - 1]. */
  nextSafeInteger(): number {
    const magnitude = this.nextSeed();
    return this.nextBoolean() && magnitude !== 0 ? -magnitude : magnitude;
  }

  /** A non-negative safe integer below 2^53, used to re-seed (and to persist the state). */
  nextSeed(): number {
    const hi = this.nextUint32() >>> 11;
    const lo = this.nextUint32();
    return hi * TWO_32 + lo;
  }

  /** `n` random bytes. */
  nextBytes(n: number): Buffer {
    const out = Buffer.alloc(n);
    for (let i = 0; i < n; i++) out[i] = this.nextUint32() >>> 24;
    return out;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/**
 * The seed of task `taskId` from the connector's `random.seed` (a 64-bit decimal string): the
 * seed is folded into 53 bits, then advanced once per lower task id, so every task of a
 * connector produces different but reproducible data (as the real connector does with its own
 * `java.util.Random`).
 */
export function taskSeed(randomSeed: string, taskId: number): number {
  const v = BigInt.asUintN(64, BigInt(randomSeed));
  let seed = Number((v ^ (v >> 53n)) & ((1n << 53n) - 1n));
  const r = new RandomSource(seed);
  for (let i = 0; i < taskId; i++) {
    seed = r.nextSeed();
    r.setSeed(seed);
  }
  return seed;
}

/** A fresh seed from random bytes (for connectors without `random.seed`). */
export function seedFromBytes(bytes: Uint8Array): number {
  let seed = 0;
  for (let i = 0; i < 7 && i < bytes.length; i++) seed = seed * 256 + (bytes[i] ?? 0);
  return seed % TWO_53;
}
