/**
 * A layered left-to-right layout (the Sugiyama scheme, small and deterministic): cycles broken by
 * a DFS, longest-path layering from the sources (sources then pulled next to their first reader),
 * dummy points on edges that skip layers, barycentric ordering sweeps that keep the order with
 * the fewest crossings, and vertical placement by isotonic regression so each node sits as close
 * as possible to the mean of its neighbours without overlapping the one above.
 */
import { crossings, orderBy, transpose } from './crossing-reduction.js';

/** A box to place. */
export interface LayoutBox {
  readonly id: string;
  readonly width: number;
  readonly height: number;
}

/** Placement of one box: `x`, `y` are its top-left corner. */
export interface PlacedBox extends LayoutBox {
  readonly x: number;
  readonly y: number;
  readonly layer: number;
}

/** An edge's route: its end boxes and the points it passes (start on the source's right side, end on the target's left). */
export interface RoutedEdge {
  readonly from: string;
  readonly to: string;
  readonly points: readonly { readonly x: number; readonly y: number }[];
}

/** The layout: boxes, routes, the extent used and the crossing count of the chosen order. */
export interface Layout {
  readonly boxes: ReadonlyMap<string, PlacedBox>;
  readonly edges: readonly RoutedEdge[];
  readonly width: number;
  readonly height: number;
  readonly crossings: number;
}

/** Spacing of the layout. */
export interface LayoutOptions {
  readonly layerGap?: number;
  readonly nodeGap?: number;
  readonly sweeps?: number;
}
interface Item { readonly id: string; readonly width: number; readonly height: number; readonly dummy: boolean }

/** Lays out `boxes` (in a stable order) connected by `edges`. */
export function layeredLayout(boxes: readonly LayoutBox[], edges: readonly { readonly from: string; readonly to: string }[], opts: LayoutOptions = {}): Layout {
  const layerGap = opts.layerGap ?? 90;
  const nodeGap = opts.nodeGap ?? 22;
  const sweeps = opts.sweeps ?? 12;
  const known = new Set(boxes.map((b) => b.id));
  const dag = acyclic(boxes.map((b) => b.id), edges.filter((e) => e.from !== e.to && known.has(e.from) && known.has(e.to)));
  const layerOf = layering(boxes.map((b) => b.id), dag);

  // Items and unit edges (long edges become chains through dummies).
  const items = new Map<string, Item>(boxes.map((b) => [b.id, { ...b, dummy: false }]));
  const itemLayer = new Map(layerOf);
  const succ = new Map<string, string[]>();
  const pred = new Map<string, string[]>();
  const link = (a: string, b: string): void => { add(succ, a, b); add(pred, b, a); };
  const chains: { from: string; to: string; path: string[]; reversed: boolean }[] = [];
  let dummyCount = 0;
  for (const e of dag) {
    const la = layerOf.get(e.from) ?? 0;
    const lb = layerOf.get(e.to) ?? 0;
    const path = [e.from];
    for (let l = la + 1; l < lb; l++) {
      const id = `\u0000d${dummyCount++}`;
      items.set(id, { id, width: 0, height: 8, dummy: true });
      itemLayer.set(id, l);
      path.push(id);
    }
    path.push(e.to);
    for (let i = 0; i + 1 < path.length; i++) link(path[i] ?? '', path[i + 1] ?? '');
    chains.push({ from: e.reversed ? e.to : e.from, to: e.reversed ? e.from : e.to, path, reversed: e.reversed });
  }

  const layerCount = Math.max(0, ...itemLayer.values()) + 1;
  const layers: string[][] = Array.from({ length: layerCount }, () => []);
  for (const [id, l] of itemLayer) layers[l]?.push(id);
  // Initial order: layer 0 as given, later layers by the barycentre of their predecessors.
  orderBy(layers, pred, 1);
  let best = layers.map((l) => [...l]);
  let bestCross = crossings(layers, succ);
  for (let s = 0; s < sweeps && bestCross > 0; s++) {
    if (s % 2 === 0) orderBy(layers, pred, 1); else orderBy(layers, succ, -1);
    const c = crossings(layers, succ);
    if (c < bestCross) { bestCross = c; best = layers.map((l) => [...l]); }
  }
  bestCross = transpose(best, succ, bestCross);

  // x: columns as wide as their widest box; boxes centred in their column.
  const colX: number[] = [];
  let x = 0;
  for (const layer of best) {
    colX.push(x);
    x += Math.max(0, ...layer.map((id) => items.get(id)?.width ?? 0)) + layerGap;
  }
  const colW = best.map((layer) => Math.max(0, ...layer.map((id) => items.get(id)?.width ?? 0)));

  // y: stacked, then pulled towards neighbours, alternating directions.
  const cy = new Map<string, number>();
  for (const layer of best) {
    let y = 0;
    for (const id of layer) { const h = items.get(id)?.height ?? 0; cy.set(id, y + h / 2); y += h + nodeGap; }
  }
  const place = (layer: readonly string[], neighbours: (id: string) => readonly string[]): void => {
    const desired = layer.map((id) => {
      const ns = neighbours(id);
      return ns.length === 0 ? cy.get(id) ?? 0 : ns.reduce((s, n) => s + (cy.get(n) ?? 0), 0) / ns.length;
    });
    const heights = layer.map((id) => items.get(id)?.height ?? 0);
    const placed = separate(desired, heights, nodeGap);
    layer.forEach((id, i) => cy.set(id, placed[i] ?? 0));
  };
  for (let pass = 0; pass < 8; pass++) {
    const down = pass % 2 === 0;
    const order = down ? best : [...best].reverse();
    for (const layer of order) place(layer, (id) => (down ? pred.get(id) ?? [] : succ.get(id) ?? []));
  }
  for (const layer of best) place(layer, (id) => [...(pred.get(id) ?? []), ...(succ.get(id) ?? [])]);

  const minTop = Math.min(0, ...[...cy].map(([id, c]) => c - (items.get(id)?.height ?? 0) / 2));
  const placed = new Map<string, PlacedBox>();
  let height = 0;
  best.forEach((layer, l) => {
    for (const id of layer) {
      const it = items.get(id);
      if (it === undefined || it.dummy) continue;
      const top = (cy.get(id) ?? 0) - it.height / 2 - minTop;
      placed.set(id, { id, width: it.width, height: it.height, x: (colX[l] ?? 0) + ((colW[l] ?? 0) - it.width) / 2, y: top, layer: l });
      height = Math.max(height, top + it.height);
    }
  });
  const pointAt = (id: string, side: 'in' | 'out'): { x: number; y: number } => {
    const b = placed.get(id);
    const l = itemLayer.get(id) ?? 0;
    if (b !== undefined) return { x: side === 'out' ? b.x + b.width : b.x, y: b.y + b.height / 2 };
    return { x: (colX[l] ?? 0) + (colW[l] ?? 0) / 2, y: (cy.get(id) ?? 0) - minTop };
  };
  const routes = chains.map((c) => {
    const pts = c.path.map((id, i) => pointAt(id, i === 0 ? 'out' : 'in'));
    // A dummy is a column crossing: pass it through both of its column edges so curves stay level there.
    const full: { x: number; y: number }[] = [];
    pts.forEach((p, i) => {
      const id = c.path[i] ?? '';
      if (i > 0 && i < pts.length - 1) {
        const l = itemLayer.get(id) ?? 0;
        full.push({ x: colX[l] ?? p.x, y: p.y }, { x: (colX[l] ?? 0) + (colW[l] ?? 0), y: p.y });
      } else full.push(p);
    });
    return { c, full };
  });
  spreadPorts(routes.map((r) => ({ start: r.c.path[0] ?? '', end: r.c.path[r.c.path.length - 1] ?? '', points: r.full })), placed);
  const routed: RoutedEdge[] = routes.map(({ c, full }) => ({ from: c.from, to: c.to, points: c.reversed ? [...full].reverse() : full }));
  return { boxes: placed, edges: routed, width: Math.max(0, x - layerGap), height, crossings: bestCross };
}

/**
 * Several edges meeting one side of a box get their own attachment points, ordered by where
 * they come from, so they fan in and out instead of piling onto one pixel.
 */
function spreadPorts(routes: readonly { start: string; end: string; points: { x: number; y: number }[] }[], boxes: ReadonlyMap<string, PlacedBox>): void {
  const sides = new Map<string, { points: { x: number; y: number }[]; at: number; toward: number }[]>();
  for (const r of routes) {
    const first = r.points[0], second = r.points[1], last = r.points[r.points.length - 1], before = r.points[r.points.length - 2];
    if (first !== undefined && second !== undefined) add2(sides, `${r.start}\u0000out`, { points: r.points, at: 0, toward: second.y });
    if (last !== undefined && before !== undefined) add2(sides, `${r.end}\u0000in`, { points: r.points, at: r.points.length - 1, toward: before.y });
  }
  for (const [key, ends] of sides) {
    const box = boxes.get(key.slice(0, key.indexOf('\u0000')));
    if (box === undefined || ends.length < 2) continue;
    const step = Math.min(9, (box.height * 0.55) / (ends.length - 1));
    ends.sort((a, b) => a.toward - b.toward);
    ends.forEach((e, i) => {
      const p = e.points[e.at];
      if (p !== undefined) e.points[e.at] = { x: p.x, y: box.y + box.height / 2 + (i - (ends.length - 1) / 2) * step };
    });
  }
}

function add2<T>(m: Map<string, T[]>, k: string, v: T): void {
  const list = m.get(k);
  if (list === undefined) m.set(k, [v]); else list.push(v);
}

/** Edges with back edges (found by DFS in input order) reversed, so the graph has no cycle. */
function acyclic(ids: readonly string[], edges: readonly { readonly from: string; readonly to: string }[]): { from: string; to: string; reversed: boolean }[] {
  const out = new Map<string, string[]>();
  for (const e of edges) add(out, e.from, e.to);
  const state = new Map<string, 1 | 2>();
  const back = new Set<string>();
  const visit = (root: string): void => {
    const stack: { id: string; i: number }[] = [{ id: root, i: 0 }];
    state.set(root, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top === undefined) break;
      const next = (out.get(top.id) ?? [])[top.i++];
      if (next === undefined) { state.set(top.id, 2); stack.pop(); continue; }
      const s = state.get(next);
      if (s === 1) back.add(`${top.id}\u0000${next}`);
      else if (s === undefined) { state.set(next, 1); stack.push({ id: next, i: 0 }); }
    }
  };
  for (const id of ids) if (!state.has(id)) visit(id);
  return edges.map((e) => (back.has(`${e.from}\u0000${e.to}`) ? { from: e.to, to: e.from, reversed: true } : { from: e.from, to: e.to, reversed: false }));
}

/** Longest path from the sources; a source then moves right to sit just before its nearest reader. */
function layering(ids: readonly string[], edges: readonly { readonly from: string; readonly to: string }[]): Map<string, number> {
  const succ = new Map<string, string[]>();
  const indeg = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const e of edges) { add(succ, e.from, e.to); indeg.set(e.to, (indeg.get(e.to) ?? 0) + 1); }
  const layer = new Map<string, number>(ids.map((id) => [id, 0]));
  const queue = ids.filter((id) => indeg.get(id) === 0);
  const topo: string[] = [];
  while (queue.length > 0) {
    const id = queue.shift() ?? '';
    topo.push(id);
    for (const n of succ.get(id) ?? []) {
      layer.set(n, Math.max(layer.get(n) ?? 0, (layer.get(id) ?? 0) + 1));
      const d = (indeg.get(n) ?? 0) - 1;
      indeg.set(n, d);
      if (d === 0) queue.push(n);
    }
  }
  const hasPred = new Set(edges.map((e) => e.to));
  for (const id of [...topo].reverse()) {
    const readers = succ.get(id) ?? [];
    if (hasPred.has(id) || readers.length === 0) continue;
    layer.set(id, Math.min(...readers.map((r) => layer.get(r) ?? 1)) - 1);
  }
  return layer;
}

/**
 * Centres as close to `desired` as possible (least squares) keeping order and `gap` between
 * neighbours: with offsets removed the constraint is monotonicity, solved by pool-adjacent-violators.
 */
function separate(desired: readonly number[], heights: readonly number[], gap: number): number[] {
  const offset: number[] = [];
  let acc = 0;
  heights.forEach((h, i) => { if (i > 0) acc += ((heights[i - 1] ?? 0) + h) / 2 + gap; offset.push(acc); });
  const blocks: { sum: number; n: number }[] = [];
  desired.forEach((d, i) => {
    blocks.push({ sum: d - (offset[i] ?? 0), n: 1 });
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1], a = blocks[blocks.length - 2];
      if (a === undefined || b === undefined || a.sum / a.n <= b.sum / b.n) break;
      blocks.splice(blocks.length - 2, 2, { sum: a.sum + b.sum, n: a.n + b.n });
    }
  });
  const out: number[] = [];
  for (const b of blocks) for (let k = 0; k < b.n; k++) out.push(b.sum / b.n + (offset[out.length] ?? 0));
  return out;
}

function add(m: Map<string, string[]>, k: string, v: string): void {
  const list = m.get(k);
  if (list === undefined) m.set(k, [v]); else list.push(v);
}
