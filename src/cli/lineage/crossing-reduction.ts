/**
 * Crossing reduction for the layered layout: barycentric sweeps (each node moves to the mean
 * position of its neighbours in the adjacent layer) and a transpose pass that swaps neighbours
 * while that lowers the number of crossings.
 */

/** Reorders every layer (after the first, in `dir`) by the mean position of its neighbours in the previous layer. */
export function orderBy(layers: string[][], neighbours: ReadonlyMap<string, readonly string[]>, dir: 1 | -1): void {
  const seq = dir === 1 ? layers.map((_, i) => i).slice(1) : layers.map((_, i) => i).reverse().slice(1);
  for (const l of seq) {
    const prev = layers[l - dir] ?? [];
    const pos = new Map(prev.map((id, i) => [id, i]));
    const layer = layers[l] ?? [];
    const keyed = layer.map((id, i) => {
      const ns = (neighbours.get(id) ?? []).filter((n) => pos.has(n));
      const bary = ns.length === 0 ? i * (prev.length / Math.max(1, layer.length)) : ns.reduce((s, n) => s + (pos.get(n) ?? 0), 0) / ns.length;
      return { id, bary, i };
    });
    keyed.sort((a, b) => a.bary - b.bary || a.i - b.i);
    layers[l] = keyed.map((k) => k.id);
  }
}

/** Swaps neighbours within a layer while that lowers the crossing count (a few rounds); returns the new count. */
export function transpose(layers: string[][], succ: ReadonlyMap<string, readonly string[]>, start: number): number {
  let current = start;
  for (let round = 0; round < 4 && current > 0; round++) {
    let improved = false;
    for (const layer of layers) {
      for (let i = 0; i + 1 < layer.length; i++) {
        const a = layer[i] ?? '', b = layer[i + 1] ?? '';
        layer[i] = b; layer[i + 1] = a;
        const c = crossings(layers, succ);
        if (c < current) { current = c; improved = true; } else { layer[i] = a; layer[i + 1] = b; }
      }
    }
    if (!improved) break;
  }
  return current;
}

/** Number of edge crossings between adjacent layers. */
export function crossings(layers: readonly (readonly string[])[], succ: ReadonlyMap<string, readonly string[]>): number {
  let total = 0;
  for (let l = 0; l + 1 < layers.length; l++) {
    const pos = new Map((layers[l + 1] ?? []).map((id, i) => [id, i]));
    const pairs: [number, number][] = [];
    (layers[l] ?? []).forEach((id, i) => { for (const n of succ.get(id) ?? []) { const j = pos.get(n); if (j !== undefined) pairs.push([i, j]); } });
    for (let a = 0; a < pairs.length; a++) {
      for (let b = a + 1; b < pairs.length; b++) {
        const p = pairs[a], q = pairs[b];
        if (p !== undefined && q !== undefined && (p[0] - q[0]) * (p[1] - q[1]) < 0) total++;
      }
    }
  }
  return total;
}
