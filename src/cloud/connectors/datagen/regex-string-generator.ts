/**
 * Random strings matching a pattern, within length bounds — the `regex` annotation. The connector
 * uses Generex with the `length` bounds (default 8..15): when some match has a length inside the
 * bounds it yields one, otherwise it yields the match closest to them (so `User_[1-9]` gives
 * "User_3" even though it is shorter than 8). We get the same contract by computing, for every
 * node, the set of lengths it can produce (bounded), picking a feasible target length uniformly,
 * then generating a string of exactly that length top-down. Compiled once per pattern.
 */
import { parseRegex } from './regex-parser.js';
import type { RegexNode } from './regex-parser.js';
import type { RandomSource } from './random-source.js';
import { invariant } from '../../../shared/index.js';

/** A compiled node: the node plus its feasible lengths (index = length, 1 = feasible). */
type Compiled =
  | { readonly kind: 'chars'; readonly lens: Uint8Array; readonly chars: readonly string[] }
  | { readonly kind: 'seq'; readonly lens: Uint8Array; readonly parts: readonly Compiled[]; readonly suffix: readonly Uint8Array[] }
  | { readonly kind: 'alt'; readonly lens: Uint8Array; readonly branches: readonly Compiled[] }
  | { readonly kind: 'repeat'; readonly lens: Uint8Array; readonly node: Compiled; readonly min: number; readonly reps: readonly Uint8Array[] };

/** A compiled pattern: `generate(rng, min, max)` with inclusive length bounds. */
export class RegexStringGenerator {
  readonly pattern: string;
  readonly #root: Compiled;
  readonly #cap: number;

  /** Compiles `pattern`; lengths above `capHint` + 64 are not explored. Throws RegexSyntaxError. */
  constructor(pattern: string, capHint = 16) {
    this.pattern = pattern;
    const node = parseRegex(pattern);
    this.#cap = Math.min(4096, Math.max(capHint, minLength(node)) + 64);
    this.#root = compile(node, this.#cap);
  }

  /** A random match whose length is in [min, max] when possible, else the closest possible length. */
  generate(rng: RandomSource, min: number, max: number): string {
    const lens = this.#root.lens;
    const inside: number[] = [];
    for (let l = Math.max(0, min); l <= Math.min(max, this.#cap); l++) if (lens[l] === 1) inside.push(l);
    let target: number | undefined = inside.length > 0 ? inside[rng.nextInt(inside.length)] : undefined;
    if (target === undefined) {
      let best = Infinity;
      for (let l = 0; l <= this.#cap; l++) {
        if (lens[l] !== 1) continue;
        const d = l < min ? min - l : l - max;
        if (d < best) { best = d; target = l; }
      }
    }
    invariant(target !== undefined, `regex ${this.pattern} matches some string`);
    const out: string[] = [];
    emit(this.#root, target, rng, out);
    return out.join('');
  }
}

function minLength(n: RegexNode): number {
  switch (n.kind) {
    case 'chars': return 1;
    case 'seq': return n.parts.reduce((s, p) => s + minLength(p), 0);
    case 'alt': return Math.min(...n.branches.map(minLength));
    case 'repeat': return n.min * minLength(n.node);
  }
}

function compile(n: RegexNode, cap: number): Compiled {
  switch (n.kind) {
    case 'chars': {
      const lens = new Uint8Array(cap + 1);
      if (cap >= 1) lens[1] = 1;
      return { kind: 'chars', lens, chars: n.chars };
    }
    case 'seq': {
      const parts = n.parts.map((p) => compile(p, cap));
      const suffix: Uint8Array[] = new Array<Uint8Array>(parts.length + 1);
      const empty = new Uint8Array(cap + 1);
      empty[0] = 1;
      suffix[parts.length] = empty;
      for (let i = parts.length - 1; i >= 0; i--) suffix[i] = sumset(at(parts, i).lens, at(suffix, i + 1), cap);
      return { kind: 'seq', lens: at(suffix, 0), parts, suffix };
    }
    case 'alt': {
      const branches = n.branches.map((b) => compile(b, cap));
      const lens = new Uint8Array(cap + 1);
      for (const b of branches) for (let l = 0; l <= cap; l++) if (b.lens[l] === 1) lens[l] = 1;
      return { kind: 'alt', lens, branches };
    }
    case 'repeat': {
      const node = compile(n.node, cap);
      const zero = new Uint8Array(cap + 1);
      zero[0] = 1;
      const reps: Uint8Array[] = [zero];
      for (let k = 1; k <= n.max && k <= cap + 1 + n.min; k++) {
        const next = sumset(at(reps, k - 1), node.lens, cap);
        if (!next.includes(1)) break;
        reps.push(next);
      }
      const lens = new Uint8Array(cap + 1);
      for (let k = n.min; k < reps.length; k++) for (let l = 0; l <= cap; l++) if (at(reps, k)[l] === 1) lens[l] = 1;
      return { kind: 'repeat', lens, node, min: n.min, reps };
    }
  }
}

function sumset(a: Uint8Array, b: Uint8Array, cap: number): Uint8Array {
  const out = new Uint8Array(cap + 1);
  for (let i = 0; i <= cap; i++) {
    if (a[i] !== 1) continue;
    for (let j = 0; i + j <= cap; j++) if (b[j] === 1) out[i + j] = 1;
  }
  return out;
}

/** Appends a random string of exactly `len` characters matched by `c` (len must be feasible). */
function emit(c: Compiled, len: number, rng: RandomSource, out: string[]): void {
  switch (c.kind) {
    case 'chars':
      out.push(at(c.chars, rng.nextInt(c.chars.length)));
      return;
    case 'seq': {
      let left = len;
      for (let i = 0; i < c.parts.length; i++) {
        const part = at(c.parts, i);
        const rest = at(c.suffix, i + 1);
        const l = pick(rng, left, (x) => part.lens[x] === 1 && rest[left - x] === 1);
        emit(part, l, rng, out);
        left -= l;
      }
      return;
    }
    case 'alt': {
      const ok = c.branches.filter((b) => b.lens[len] === 1);
      emit(at(ok, rng.nextInt(ok.length)), len, rng, out);
      return;
    }
    case 'repeat': {
      const counts: number[] = [];
      for (let k = c.min; k < c.reps.length; k++) if (at(c.reps, k)[len] === 1) counts.push(k);
      const k = at(counts, rng.nextInt(counts.length));
      let left = len;
      for (let j = k - 1; j >= 0; j--) {
        const rest = at(c.reps, j);
        const l = pick(rng, left, (x) => c.node.lens[x] === 1 && rest[left - x] === 1);
        emit(c.node, l, rng, out);
        left -= l;
      }
      return;
    }
  }
}

/** A uniform pick among 0..max satisfying `ok` (one must). */
function pick(rng: RandomSource, max: number, ok: (x: number) => boolean): number {
  const xs: number[] = [];
  for (let x = 0; x <= max; x++) if (ok(x)) xs.push(x);
  return at(xs, rng.nextInt(xs.length));
}

function at<T>(xs: readonly T[], i: number): T {
  const v = xs[i];
  invariant(v !== undefined, `index ${i} is within a feasible choice list of ${xs.length}`);
  return v;
}
