/**
 * Key groups: how keyed state is split between parallel subtasks (docs/autopilot.md). Every key
 * belongs to one of KEY_GROUPS groups, a hash of its value; subtask i of p owns the contiguous
 * range of groups g with ⌊g·p / KEY_GROUPS⌋ = i. Rows are routed to the owner of their key's
 * group, and a keyed operator keeps its state per group (key-grouped-operator.ts), so a rescale
 * moves whole groups between subtasks without knowing any operator's state layout.
 *
 * The hash must be equal for keys the operators consider equal, on every thread and every run:
 * numbers hash by value (−0 and 0 alike, every NaN alike), bigints by value (their 64-bit halves
 * when safe integers, their text beyond), strings by their UTF-16 units, other values by their
 * canonical text (`rowKey`). It is not Flink's murmur hash: a checkpoint of ours is
 * never restored by Flink, and ours avoids encoding the key to bytes per row.
 */
import { rowKey } from './stateful/value-codec.js';

/** The number of key groups: the highest parallelism a keyed operator can have. */
export const KEY_GROUPS = 128;

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

function mix(h: number, k: number): number {
  let x = Math.imul(k, 0xcc9e2d51);
  x = (x << 15) | (x >>> 17);
  x = Math.imul(x, 0x1b873593);
  const y = h ^ x;
  return Math.imul((y << 13) | (y >>> 19), 5) + 0xe6546b64;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

function hashValue(v: unknown): number {
  if (v === null || v === undefined) return 0x9e3779b9;
  switch (typeof v) {
    case 'number':
      if ((v | 0) === v) return mix(0x5bd1e995, v | 0); // −0 | 0 is 0
      if (v !== v) return 0x7ff80000; // every NaN
      F64[0] = v;
      return mix(mix(0x27d4eb2f, U32[0] as number), U32[1] as number);
    case 'string': return hashString(v);
    case 'boolean': return v ? 0x2545f491 : 0x4f1bbcdd;
    case 'bigint': {
      // BIGINT columns arrive as bigint: hash the value's two 32-bit halves without text.
      const n = Number(v);
      if (Number.isSafeInteger(n)) return mix(mix(0x1b873593, n >>> 0), Math.floor(n / 4294967296) | 0);
      return hashString(`b${v}`);
    }
    default: return hashString(rowKey([v]));
  }
}

function finish(h: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return (x >>> 0) % KEY_GROUPS;
}

/** The key group of a key: a tuple (the operators' key functions) or a single value (join keys). */
export function keyGroupOf(key: unknown): number {
  if (!Array.isArray(key)) return finish(hashValue(key));
  if (key.length === 1) return finish(mix(0x3c6ef372, hashValue(key[0]))); // the loop below for one column
  let h = 0x3c6ef372;
  for (let i = 0; i < key.length; i++) h = mix(h, hashValue(key[i]));
  return finish(h);
}

/** The subtask (of `parallelism`) that owns key group `group`. */
export function keyGroupOwner(group: number, parallelism: number): number {
  return Math.floor((group * parallelism) / KEY_GROUPS);
}
