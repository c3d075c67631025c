/**
 * The lineage in Graphviz DOT, left to right: one `cluster_` subgraph per Kafka cluster holding
 * its topics and connectors, example data in its own box, statements between them.
 */
import { KIND_COLORS, PHASE_COLORS, phaseClass } from './phase-style.js';
import type { LineageGraph, LineageNode } from './types.js';

/** Renders `digraph lineage { ... }`. */
export function renderLineageDot(g: LineageGraph): string {
  const lines = [
    'digraph lineage {',
    '  rankdir=LR;',
    '  graph [fontname="Helvetica", fontsize=11, nodesep=0.35, ranksep=0.8];',
    '  node [fontname="Helvetica", fontsize=11, style=filled];',
    '  edge [color="#6b7785", arrowsize=0.7];',
  ];
  const groups = new Map<string, LineageNode[]>();
  const loose: LineageNode[] = [];
  for (const n of g.nodes) {
    if (n.kind === 'statement') { loose.push(n); continue; }
    const key = n.external === true ? 'example data' : `${n.catalog ?? ''} / ${n.database ?? ''}`;
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [n]); else list.push(n);
  }
  let i = 0;
  for (const [label, members] of [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    i += 1;
    lines.push(`  subgraph cluster_${i} {`, `    label=${q(label)};`, '    style="rounded,dashed"; color="#9aa5b1";');
    for (const n of members) lines.push(`    ${nodeLine(n)}`);
    lines.push('  }');
  }
  for (const n of loose) lines.push(`  ${nodeLine(n)}`);
  for (const e of g.edges) lines.push(`  ${q(e.from)} -> ${q(e.to)};`);
  lines.push('}');
  return lines.join('\n') + '\n';
}

function nodeLine(n: LineageNode): string {
  const c = n.kind === 'statement' ? PHASE_COLORS[phaseClass(n.phase, n.warning !== undefined)]
    : n.kind === 'connector' ? KIND_COLORS.connector : n.external === true ? KIND_COLORS.external : KIND_COLORS.topic;
  const shape = n.kind === 'topic' ? 'cylinder' : n.kind === 'connector' ? 'hexagon' : 'box';
  const dashed = n.warning !== undefined || n.undeclared === true ? ',dashed' : '';
  const style = n.kind === 'statement' ? `"rounded,filled${dashed}"` : `"filled${dashed}"`;
  const sub = n.kind === 'statement' ? [n.warning === undefined ? n.detail : undefined, n.phase].filter((x) => x !== undefined).join(' · ') : n.kind === 'connector' ? n.detail ?? '' : '';
  const label = `${n.label}${sub === '' ? '' : `\n${sub}`}${n.warning === undefined ? '' : '\nSQL not analysed'}`;
  const tooltip = n.warning ?? n.address;
  return `${q(n.id)} [label=${q(label)}, shape=${shape}, style=${style}, fillcolor=${q(c.fill)}, color=${q(c.stroke)}, fontcolor=${q(c.text)}${tooltip === undefined ? '' : `, tooltip=${q(tooltip)}`}];`;
}

function q(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}
