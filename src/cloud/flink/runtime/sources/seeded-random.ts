/**
 * A small, fast, seedable PRNG whose whole state is four uint32 words, so a source can put it in
 * a JSON checkpoint and a restored source continues the exact sequence. The algorithm is sfc32
 * (Chris Doty-Humphrey's "small fast chaotic" generator, public domain); seeding runs splitmix32
 * over the seed and discards the first outputs, as the algorithm recommends.
 */
import { invariant } from '../../../../shared/index.js';

/** The checkpointable state of a SeededRandom: four uint32 words. */
export type RandomState = readonly [number, number, number, number];

/** sfc32 with a JSON-able state; implements faker's Randomizer shape (`next`, `seed`). */
export class SeededRandom {
  #a = 0;
  #b = 0;
  #c = 0;
  #d = 0;

  constructor(seed: number | readonly number[]) {
    this.seed(seed);
  }

  /** Reseeds from one number or a list of numbers (each folded in as a uint32). */
  seed(seed: number | readonly number[]): void {
    let h = 0x9e3779b9;
    const parts = typeof seed === 'number' ? [seed] : seed;
    for (const p of parts) h = splitmix32(h ^ (Math.floor(p) >>> 0));
    this.#a = splitmix32(h);
    this.#b = splitmix32(this.#a);
    this.#c = splitmix32(this.#b);
    this.#d = 1;
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** A uniformly distributed uint32. */
  nextUint32(): number {
    const a = this.#a, b = this.#b, c = this.#c, d = this.#d;
    const t = (((a + b) | 0) + d) | 0;
    this.#d = (d + 1) | 0;
    this.#a = b ^ (b >>> 9);
    this.#b = (c + (c << 3)) | 0;
    this.#c = ((c << 21) | (c >>> 11)) + t | 0;
    return t >>> 0;
  }

  /** A float in [0, 1) with 32 random bits. */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** An integer in [min, max] (both inclusive). */
  intBetween(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** The current state, for a checkpoint. */
  state(): RandomState {
    return [this.#a >>> 0, this.#b >>> 0, this.#c >>> 0, this.#d >>> 0];
  }

  /** Reinstates a state taken by `state()`. */
  setState(s: readonly number[]): void {
    invariant(s.length === 4 && s.every((x) => Number.isInteger(x)), 'random state must be four integers');
    this.#a = (s[0] as number) | 0;
    this.#b = (s[1] as number) | 0;
    this.#c = (s[2] as number) | 0;
    this.#d = (s[3] as number) | 0;
  }
}

/** One splitmix32 step: a well-mixed uint32 from any uint32. */
export function splitmix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}
