/**
 * Uniform choices drawn from an injected byte source. Rejection sampling keeps every outcome
 * equally likely (a plain modulo would favour the low values).
 */
import type { IdSource } from '../../../shared/index.js';
import { between } from './seeded-prng.js';

/** A uniform integer in [0, n) for 1 <= n <= 2^32. */
export function uniformIndex(ids: IdSource, n: number): number {
  if (n <= 1) return 0;
  const limit = Math.floor(0x1_0000_0000 / n) * n;
  for (;;) {
    const b = ids.bytes(4);
    const x = ((b[0] ?? 0) * 0x100_0000) + ((b[1] ?? 0) << 16) + ((b[2] ?? 0) << 8) + (b[3] ?? 0);
    if (x < limit) return x % n;
  }
}

/** A uniform element of a non-empty list. */
export function pick<T>(ids: IdSource, items: readonly T[]): T {
  const item = items[uniformIndex(ids, items.length)];
  if (item === undefined) throw new RangeError('pick from an empty list');
  return item;
}

/** A uniform permutation (Fisher-Yates) of the given items. */
export function shuffled<T>(ids: IdSource, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = uniformIndex(ids, i + 1);
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}

/** A uniform integer in [min, max] (inclusive, safe integers). */
export function uniformBetween(ids: IdSource, min: number, max: number): number {
  if (max - min + 1 <= 0x1_0000_0000) return min + uniformIndex(ids, max - min + 1);
  return between(() => {
    const b = ids.bytes(7);
    let x = 0;
    for (let i = 0; i < 7; i++) x = x * 256 + (b[i] ?? 0);
    return Math.floor(x / 8); // 56 bits down to 53
  }, min, max);
}
