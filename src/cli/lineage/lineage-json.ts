/** The lineage graph as the JSON `streamform lineage --json` prints: `{source, nodes, edges, warnings}`. */
import type { LineageGraph } from './types.js';

/** Plain JSON of the graph (nodes keep only the fields they have). */
export function lineageToJSON(g: LineageGraph): unknown {
  return { source: g.source, nodes: g.nodes.map((n) => ({ ...n })), edges: g.edges.map((e) => ({ from: e.from, to: e.to })), warnings: [...g.warnings] };
}
