/**
 * The lineage as a listing a person reads top to bottom: one block per topic saying what writes
 * it (`←`) and which statements or connectors read it, with where their output goes (`→`).
 */
import type { LineageGraph, LineageNode } from './types.js';

/** Renders the text listing. */
export function renderLineageText(g: LineageGraph): string {
  const byId = new Map(g.nodes.map((n) => [n.id, n]));
  const into = new Map<string, string[]>();
  const outOf = new Map<string, string[]>();
  for (const e of g.edges) {
    push(into, e.to, e.from);
    push(outOf, e.from, e.to);
  }
  const topics = g.nodes.filter((n) => n.kind === 'topic');
  const count = (k: LineageNode['kind']): number => g.nodes.filter((n) => n.kind === k).length;
  const lines: string[] = [
    `Lineage from the ${g.source === 'config' ? 'configuration' : 'running cloud'}: ${plural(count('topic'), 'topic')}, ${plural(count('statement'), 'statement')}, ${plural(count('connector'), 'connector')}.`,
  ];
  const label = (id: string): string => {
    const n = byId.get(id);
    if (n === undefined) return id;
    return n.kind === 'topic' ? n.label : `${n.kind} ${n.label}${n.phase === undefined ? '' : ` [${n.phase}]`}`;
  };
  for (const t of topics) {
    lines.push('');
    const where = t.external === true ? 'example data' : `${t.catalog ?? ''}.${t.database ?? ''}`;
    lines.push(`${t.label}  (${where}${t.undeclared === true ? ', not declared' : ''})`);
    const writers = into.get(t.id) ?? [];
    const readers = outOf.get(t.id) ?? [];
    for (const w of writers) lines.push(`  ← ${label(w)}`);
    for (const r of readers) {
      const outs = (outOf.get(r) ?? []).map(label);
      lines.push(`  → ${label(r)}${outs.length === 0 ? '' : ` → ${outs.join(', ')}`}`);
    }
    if (writers.length === 0 && readers.length === 0) lines.push('  (no statement or connector uses it)');
  }
  const orphans = g.nodes.filter((n) => n.kind !== 'topic' && !into.has(n.id) && !outOf.has(n.id));
  if (orphans.length > 0) {
    lines.push('', 'Using no topic:');
    for (const n of orphans) lines.push(`  ${label(n.id)}${n.warning === undefined ? '' : ' (SQL not analysed)'}`);
  }
  if (g.warnings.length > 0) {
    lines.push('', 'Warnings:');
    for (const w of g.warnings) lines.push(`  ! ${w}`);
  }
  return lines.join('\n') + '\n';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function push(m: Map<string, string[]>, k: string, v: string): void {
  const list = m.get(k);
  if (list === undefined) m.set(k, [v]); else list.push(v);
}
