/**
 * A small deterministic generator for `random_integer` with a `seed`: the same seed, min and max
 * always give the same result, across runs and machines. The seed string is hashed with FNV-1a
 * into a 64-bit state that drives splitmix64.
 */
import type { IdSource } from '../../../shared/index.js';

/** A seeded stream of 53-bit integers. */
export interface SeededPrng {
  /** A uniform integer in [0, 2^53). */
  next53(): number;
}

const MASK64 = (1n << 64n) - 1n;

/** Creates a PRNG whose sequence depends only on `seed`. */
export function seededPrng(seed: string): SeededPrng {
  let state = fnv1a64(seed);
  return {
    next53(): number {
      state = (state + 0x9e3779b97f4a7c15n) & MASK64;
      let z = state;
      z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
      z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
      z = z ^ (z >> 31n);
      return Number(z >> 11n);
    },
  };
}

/** An IdSource whose bytes come from the seeded stream, so the helpers in random-source.ts work seeded. */
export function seededIdSource(seed: string): IdSource {
  const prng = seededPrng(seed);
  const bytes = (n: number): Uint8Array => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = prng.next53() & 0xff;
    return out;
  };
  return {
    bytes,
    uuid: () => {
      const b = bytes(16);
      b[6] = ((b[6] ?? 0) & 0x0f) | 0x40; // version 4
      b[8] = ((b[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
      const h = Buffer.from(b).toString('hex');
      return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
    },
  };
}

/** A uniform integer in [min, max] from a seeded stream (rejection sampling, no modulo bias). */
export function seededBetween(prng: SeededPrng, min: number, max: number): number {
  return between(() => prng.next53(), min, max);
}

/**
 * A uniform integer in [min, max] (safe integers) from a source of uniform 53-bit integers.
 * Spans wider than 2^52 draw 106 bits through BigInt so that no range loops or biases.
 */
export function between(next53: () => number, min: number, max: number): number {
  const span = max - min + 1;
  if (span <= 2 ** 52) {
    const limit = Math.floor(2 ** 53 / span) * span;
    for (;;) {
      const x = next53();
      if (x < limit) return min + (x % span);
    }
  }
  const bigSpan = BigInt(max) - BigInt(min) + 1n;
  const limit = ((1n << 106n) / bigSpan) * bigSpan;
  for (;;) {
    const x = (BigInt(next53()) << 53n) | BigInt(next53());
    if (x < limit) return Number(BigInt(min) + (x % bigSpan));
  }
}

function fnv1a64(text: string): bigint {
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= BigInt(byte);
    h = (h * 0x100000001b3n) & MASK64;
  }
  return h;
}
