/** Structural comparison of AST values that ignores source ranges (for round-trip checks and caches). */

/** A deep copy of `node` with every `range` property removed. */
export function withoutRanges(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutRanges);
  if (node !== null && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) if (k !== 'range') out[k] = withoutRanges(v);
    return out;
  }
  return node;
}

/** True when `a` and `b` are the same tree apart from source ranges. */
export function sameAst(a: unknown, b: unknown): boolean {
  return JSON.stringify(withoutRanges(a)) === JSON.stringify(withoutRanges(b));
}
