/**
 * The lineage as a Mermaid flowchart (renders on GitHub and in most Markdown viewers): topics as
 * cylinders, statements as rounded boxes coloured by phase, connectors as hexagons.
 */
import { KIND_COLORS, PHASE_COLORS, phaseClass } from './phase-style.js';
import type { LineageGraph, LineageNode } from './types.js';

/** Renders `flowchart LR` text. */
export function renderLineageMermaid(g: LineageGraph): string {
  const ids = new Map(g.nodes.map((n, i) => [n.id, `n${i + 1}`]));
  const lines = ['flowchart LR'];
  const used = new Set<string>();
  for (const n of g.nodes) {
    const id = ids.get(n.id) ?? '';
    const text = quote(nodeText(n));
    if (n.kind === 'topic') lines.push(`  ${id}[(${text})]`);
    else if (n.kind === 'statement') lines.push(`  ${id}(${text})`);
    else lines.push(`  ${id}{{${text}}}`);
    const cls = n.kind === 'topic' ? (n.external === true ? 'external' : n.undeclared === true ? 'undeclared' : 'topic') : n.kind === 'connector' ? 'connector' : phaseClass(n.phase, n.warning !== undefined);
    lines.push(`  class ${id} ${cls}`);
    used.add(cls);
  }
  for (const e of g.edges) lines.push(`  ${ids.get(e.from) ?? ''} --> ${ids.get(e.to) ?? ''}`);
  const palette: Readonly<Record<string, { readonly fill: string; readonly stroke: string; readonly text: string }>> = { ...KIND_COLORS, undeclared: KIND_COLORS.topic, ...PHASE_COLORS };
  for (const [name, c] of Object.entries(palette)) {
    if (!used.has(name)) continue;
    lines.push(`  classDef ${name} fill:${c.fill},stroke:${c.stroke},color:${c.text}${name === 'warning' || name === 'undeclared' ? ',stroke-dasharray:4 3' : ''}`);
  }
  return lines.join('\n') + '\n';
}

function nodeText(n: LineageNode): string {
  const sub = n.kind === 'statement' ? [n.warning === undefined ? n.detail : undefined, n.phase].filter((x) => x !== undefined).join(' · ')
    : n.kind === 'connector' ? n.detail ?? '' : n.external === true ? 'example data'
      : `${n.catalog ?? ''}.${n.database ?? ''}${n.undeclared === true ? ' · not declared' : ''}`;
  const warn = n.warning === undefined ? '' : '<br/>⚠ SQL not analysed';
  return `${n.label}${sub === '' ? '' : `<br/><small>${sub}</small>`}${warn}`;
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '#quot;')}"`;
}
