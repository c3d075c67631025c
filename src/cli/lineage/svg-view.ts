/**
 * The lineage drawn as an SVG picture, without Graphviz: boxes sized to their text, laid out left
 * to right by layeredLayout; topics as cylinders, statements as rounded boxes coloured by phase,
 * connectors as hexagons; curved edges with arrowheads; a title and a legend. Every node is one
 * `<g class="node …">` element carrying its id, so the picture can be checked and scripted.
 */
import { layeredLayout, type LayoutBox } from './layered-layout.js';
import { KIND_COLORS, PHASE_COLORS, phaseClass, type PhaseClass } from './phase-style.js';
import { textWidth } from './text-metrics.js';
import type { LineageGraph, LineageNode } from './types.js';

const FONT = 'Helvetica, Arial, sans-serif';
const LABEL_SIZE = 13;
const SUB_SIZE = 10.5;
const MARGIN = 28;
const TITLE_H = 58;

/** Renders the SVG document. */
export function renderLineageSvg(g: LineageGraph, opts: { readonly title?: string } = {}): string {
  // With one cluster, saying so once in the subtitle beats repeating it on every topic.
  const places = new Set(g.nodes.filter((n) => n.kind === 'topic' && n.external !== true).map((n) => `${n.catalog ?? ''} / ${n.database ?? ''}`));
  const single = places.size === 1 ? [...places][0] : undefined;
  const sub = (n: LineageNode): string => subLabel(n, single !== undefined);
  const boxes: LayoutBox[] = g.nodes.map((n) => ({ id: n.id, ...sizeOf(n, sub(n)) }));
  const layout = layeredLayout(boxes, g.edges, { layerGap: 72, nodeGap: 20 });
  const legend = legendItems(g);
  const legendH = 44;
  const title = opts.title ?? `Stream lineage · ${g.source === 'config' ? 'configuration' : 'running cloud'}`;
  const counts = (['topic', 'statement', 'connector'] as const).map((k) => plural(g.nodes.filter((n) => n.kind === k).length, k)).join(' · ')
    + (single === undefined ? '' : ` · cluster ${single}`);
  const legendW = legend.reduce((w, it) => w + it.width, 0);
  const width = Math.ceil(Math.max(layout.width, legendW, textWidth(title, 20) + 10, 360) + 2 * MARGIN);
  const height = Math.ceil(TITLE_H + layout.height + legendH + 2 * MARGIN);
  const ox = MARGIN + Math.max(0, (width - 2 * MARGIN - layout.width) / 2);
  const oy = MARGIN + TITLE_H;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    '<defs>',
    '<marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,1 L9,5 L0,9 z" fill="#6b7785"/></marker>',
    '<filter id="shadow" x="-10%" y="-10%" width="120%" height="140%"><feDropShadow dx="0" dy="1.2" stdDeviation="1.4" flood-color="#1f2a38" flood-opacity="0.18"/></filter>',
    '</defs>',
    `<rect width="${width}" height="${height}" fill="#fbfcfd"/>`,
    `<text x="${MARGIN}" y="${MARGIN + 20}" font-size="20" font-weight="700" fill="#1f2a38">${esc(title)}</text>`,
    `<text x="${MARGIN}" y="${MARGIN + 40}" font-size="12" fill="#5b6b82">${esc(counts)}${g.warnings.length === 0 ? '' : ` · ${plural(g.warnings.length, 'warning')}`}</text>`,
    '<g class="edges" fill="none" stroke="#8a96a3" stroke-width="1.4">',
  ];
  for (const e of layout.edges) out.push(`<path class="edge" data-from="${esc(e.from)}" data-to="${esc(e.to)}" d="${curve(e.points, ox, oy)}" marker-end="url(#arrow)"/>`);
  out.push('</g>', '<g class="nodes">');
  for (const n of g.nodes) {
    const b = layout.boxes.get(n.id);
    if (b !== undefined) out.push(nodeSvg(n, sub(n), { x: b.x + ox, y: b.y + oy, w: b.width, h: b.height }));
  }
  out.push('</g>');
  out.push(legendSvg(legend, MARGIN, height - MARGIN - 18));
  out.push('</svg>');
  return out.join('\n') + '\n';
}

function subLabel(n: LineageNode, singleCluster: boolean): string {
  if (n.kind === 'statement') return n.warning !== undefined ? ['⚠ SQL not analysed', n.phase].filter((x) => x !== undefined).join(' · ') : [n.detail, n.phase].filter((x) => x !== undefined).join(' · ');
  if (n.kind === 'connector') return [n.detail, n.phase].filter((x) => x !== undefined).join(' · ');
  if (n.external === true) return 'example data';
  const notDeclared = n.undeclared === true ? 'not declared' : '';
  if (singleCluster) return notDeclared;
  return `${n.catalog ?? ''} / ${n.database ?? ''}${notDeclared === '' ? '' : ` · ${notDeclared}`}`;
}

function sizeOf(n: LineageNode, sub: string): { width: number; height: number } {
  const text = Math.max(textWidth(n.label, LABEL_SIZE, true), textWidth(sub, SUB_SIZE));
  const pad = n.kind === 'connector' ? 46 : n.kind === 'topic' ? 30 : 28;
  return { width: Math.ceil(Math.max(96, text + pad)), height: n.kind === 'topic' ? 54 : 44 };
}

function colorsOf(n: LineageNode): { fill: string; stroke: string; text: string } {
  if (n.kind === 'statement') return PHASE_COLORS[phaseClass(n.phase, n.warning !== undefined)];
  if (n.kind === 'connector') return KIND_COLORS.connector;
  return n.external === true ? KIND_COLORS.external : KIND_COLORS.topic;
}

function nodeSvg(n: LineageNode, sub: string, box: { readonly x: number; readonly y: number; readonly w: number; readonly h: number }): string {
  const { x, y, w, h } = box;
  const c = colorsOf(n);
  const cls = n.kind === 'statement' ? `node statement ${phaseClass(n.phase, n.warning !== undefined)}` : `node ${n.kind}`;
  const parts = [`<g class="${cls}" data-id="${esc(n.id)}">`];
  const tip = [n.id, n.address, n.warning].filter((s) => s !== undefined).join('\n');
  parts.push(`<title>${esc(tip)}</title>`);
  const dash = n.undeclared === true || n.warning !== undefined ? ' stroke-dasharray="5 3"' : '';
  const common = `fill="${c.fill}" stroke="${c.stroke}" stroke-width="1.4"${dash} filter="url(#shadow)"`;
  let textTop = y;
  if (n.kind === 'topic') {
    const ry = 6;
    parts.push(`<path d="M${f(x)},${f(y + ry)} A${f(w / 2)},${ry} 0 0 1 ${f(x + w)},${f(y + ry)} L${f(x + w)},${f(y + h - ry)} A${f(w / 2)},${ry} 0 0 1 ${f(x)},${f(y + h - ry)} Z" ${common}/>`);
    parts.push(`<ellipse cx="${f(x + w / 2)}" cy="${f(y + ry)}" rx="${f(w / 2)}" ry="${ry}" fill="${c.fill}" stroke="${c.stroke}" stroke-width="1.4"${dash}/>`);
    textTop = y + 2 * ry - 2;
  } else if (n.kind === 'statement') {
    parts.push(`<rect x="${f(x)}" y="${f(y)}" width="${f(w)}" height="${f(h)}" rx="10" ${common}/>`);
    parts.push(`<rect x="${f(x + 5)}" y="${f(y + 9)}" width="3" height="${f(h - 18)}" rx="1.5" fill="${c.stroke}"/>`);
  } else {
    const d = 14;
    const pts = [[x + d, y], [x + w - d, y], [x + w, y + h / 2], [x + w - d, y + h], [x + d, y + h], [x, y + h / 2]];
    parts.push(`<polygon points="${pts.map(([px, py]) => `${f(px ?? 0)},${f(py ?? 0)}`).join(' ')}" ${common}/>`);
  }
  const mid = textTop + (y + h - textTop) / 2;
  if (sub === '') {
    parts.push(`<text x="${f(x + w / 2)}" y="${f(mid + 4.5)}" text-anchor="middle" font-size="${LABEL_SIZE}" font-weight="600" fill="${c.text}">${esc(n.label)}</text>`);
  } else {
    parts.push(`<text x="${f(x + w / 2)}" y="${f(mid - 3)}" text-anchor="middle" font-size="${LABEL_SIZE}" font-weight="600" fill="${c.text}">${esc(n.label)}</text>`);
    parts.push(`<text x="${f(x + w / 2)}" y="${f(mid + 11)}" text-anchor="middle" font-size="${SUB_SIZE}" fill="${c.text}" fill-opacity="0.78">${esc(sub)}</text>`);
  }
  parts.push('</g>');
  return parts.join('');
}

/** A smooth curve through the route: horizontal tangents at every point. */
function curve(points: readonly { readonly x: number; readonly y: number }[], ox: number, oy: number): string {
  const p0 = points[0];
  if (p0 === undefined) return '';
  let d = `M${f(p0.x + ox)},${f(p0.y + oy)}`;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1], b = points[i];
    if (a === undefined || b === undefined) continue;
    const last = i === points.length - 1;
    const bx = b.x + ox - (last ? 2 : 0);
    if (Math.abs(a.y - b.y) < 0.5) { d += ` L${f(bx)},${f(b.y + oy)}`; continue; }
    const mx = (a.x + b.x) / 2 + ox;
    d += ` C${f(mx)},${f(a.y + oy)} ${f(mx)},${f(b.y + oy)} ${f(bx)},${f(b.y + oy)}`;
  }
  return d;
}

interface LegendItem { readonly kind: 'topic' | 'undeclared' | 'external' | 'connector' | PhaseClass; readonly label: string; readonly width: number }

function legendItems(g: LineageGraph): LegendItem[] {
  const items: { kind: LegendItem['kind']; label: string }[] = [{ kind: 'topic', label: 'topic' }];
  if (g.nodes.some((n) => n.undeclared === true)) items.push({ kind: 'undeclared', label: 'topic not declared' });
  if (g.nodes.some((n) => n.external === true)) items.push({ kind: 'external', label: 'example data' });
  if (g.nodes.some((n) => n.kind === 'connector')) items.push({ kind: 'connector', label: 'connector' });
  const phases = new Set(g.nodes.filter((n) => n.kind === 'statement').map((n) => phaseClass(n.phase, n.warning !== undefined)));
  const names: Record<PhaseClass, string> = { planned: 'statement', running: 'running', pending: 'pending', stopped: 'stopped', failed: 'failed', warning: 'SQL not analysed' };
  for (const p of ['planned', 'running', 'pending', 'stopped', 'failed', 'warning'] as const) if (phases.has(p)) items.push({ kind: p, label: p === 'planned' ? names[p] : `statement ${names[p]}` });
  return items.map((it) => ({ ...it, width: 34 + textWidth(it.label, 11) + 22 }));
}

function legendSvg(items: readonly LegendItem[], x0: number, y: number): string {
  const out = ['<g class="legend" font-size="11" fill="#3d4a5c">'];
  let x = x0;
  for (const it of items) {
    const c = it.kind === 'undeclared' ? KIND_COLORS.topic : it.kind === 'topic' || it.kind === 'external' || it.kind === 'connector' ? KIND_COLORS[it.kind] : PHASE_COLORS[it.kind];
    const style = `fill="${c.fill}" stroke="${c.stroke}" stroke-width="1.2"${it.kind === 'undeclared' || it.kind === 'warning' ? ' stroke-dasharray="3 2"' : ''}`;
    if (it.kind === 'topic' || it.kind === 'external' || it.kind === 'undeclared') {
      out.push(`<path d="M${x},${y - 5} A12,3 0 0 1 ${x + 24},${y - 5} L${x + 24},${y + 6} A12,3 0 0 1 ${x},${y + 6} Z" ${style}/><ellipse cx="${x + 12}" cy="${y - 5}" rx="12" ry="3" ${style}/>`);
    } else if (it.kind === 'connector') {
      out.push(`<polygon points="${x + 5},${y - 7} ${x + 19},${y - 7} ${x + 24},${y} ${x + 19},${y + 7} ${x + 5},${y + 7} ${x},${y}" ${style}/>`);
    } else {
      out.push(`<rect x="${x}" y="${y - 7}" width="24" height="14" rx="4" ${style}/>`);
    }
    out.push(`<text x="${x + 32}" y="${y + 4}">${esc(it.label)}</text>`);
    x += it.width;
  }
  out.push('</g>');
  return out.join('');
}

function f(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
