/**
 * Turns one hcl2json JSON block body plus the scanner's view of the same block into a `Body`:
 * attributes with parsed expressions, nested blocks with their labels, each with a position.
 */
import type { Diagnostic, SourcePos, SourceRange } from '../../shared/index.js';
import { parseExpressionSync, parseLiteralOrTemplate } from '../lang/index.js';
import type { Attribute, Block, Body } from './types.js';
import type { ScannedBlock } from './source-scanner.js';

type Json = unknown;
type JsonObject = { readonly [k: string]: Json };

export function isJsonObject(v: Json): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export interface DecodeContext {
  readonly file: string;
  readonly diagnostics: Diagnostic[];
  /** The file's source text (native syntax only), to re-read heredocs exactly. */
  readonly text?: string;
  /** Offsets of line starts in `text`. */
  readonly lineStarts?: readonly number[];
}

/** Offsets at which each line of `text` starts. */
export function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) out.push(i + 1);
  return out;
}

/**
 * hcl2json hands back `<<-` heredocs with their indentation kept and strip markers half applied,
 * so a heredoc value is re-read from the source and parsed by our own expression parser.
 */
function heredocSource(ctx: DecodeContext, pos: SourcePos): string | undefined {
  if (!ctx.text || !ctx.lineStarts) return undefined;
  const start = (ctx.lineStarts[pos.line - 1] ?? -1) + pos.column - 1;
  if (start < 0 || !ctx.text.startsWith('<<', start)) return undefined;
  const m = /^<<-?([A-Za-z_][A-Za-z0-9_]*)[ \t]*\r?\n/.exec(ctx.text.slice(start, start + 300));
  if (!m) return undefined;
  const marker = m[1]!;
  let i = start + m[0].length;
  while (i <= ctx.text.length) {
    const end = ctx.text.indexOf('\n', i);
    const line = ctx.text.slice(i, end < 0 ? ctx.text.length : end);
    if (line.trim() === marker) return ctx.text.slice(start, i + line.length);
    if (end < 0) return undefined;
    i = end + 1;
  }
  return undefined;
}

/** Descends `labels.length` levels of label objects in hcl2json output to the block array. */
export function blockInstances(value: Json, labelCount: number): { labels: string[]; body: JsonObject }[] {
  const out: { labels: string[]; body: JsonObject }[] = [];
  const walk = (v: Json, labels: string[]): void => {
    if (labels.length === labelCount) {
      const arr = Array.isArray(v) ? v : [v];
      for (const b of arr) if (isJsonObject(b)) out.push({ labels, body: b });
      return;
    }
    if (!isJsonObject(v)) return;
    for (const [k, inner] of Object.entries(v)) walk(inner, [...labels, k]);
  };
  walk(value, []);
  return out;
}

function rangeAt(file: string, pos: SourcePos | undefined): SourceRange {
  return { file, start: pos ?? { line: 1, column: 1 } };
}

/**
 * Decodes a body. `scanned` (absent for .tf.json) tells which keys were written as blocks;
 * without it, a key whose value is an array of objects or an object of arrays stays an attribute
 * and the engine reinterprets it as blocks when the schema says so.
 */
export function decodeBody(json: JsonObject, scanned: ScannedBlock | undefined, ctx: DecodeContext, pos: SourcePos | undefined): Body {
  const attributes = new Map<string, Attribute>();
  const blocks: Block[] = [];
  const blockTypes = new Set(scanned?.blocks.map((b) => b.type) ?? []);
  for (const [key, value] of Object.entries(json)) {
    if (scanned && blockTypes.has(key)) {
      const children = scanned.blocks.filter((b) => b.type === key);
      const labelCount = children[0]?.labels.length ?? 0;
      const instances = blockInstances(value, labelCount);
      // Pair JSON instances with scanned children by label path and occurrence.
      const used = new Set<ScannedBlock>();
      for (const inst of instances) {
        const match = children.find((c) => !used.has(c) && c.labels.length === inst.labels.length && c.labels.every((l, i) => l === inst.labels[i]));
        if (match) used.add(match);
        blocks.push({ type: key, labels: inst.labels, body: decodeBody(inst.body, match, ctx, match?.pos), range: rangeAt(ctx.file, match?.pos ?? pos) });
      }
      continue;
    }
    const attrScan = scanned?.attributes.get(key);
    const start = attrScan?.valuePos ?? pos ?? { line: 1, column: 1 };
    const heredoc = attrScan ? heredocSource(ctx, attrScan.valuePos) : undefined;
    const parsed = heredoc !== undefined ? parseExpressionSync(heredoc, { file: ctx.file, start }) : parseLiteralOrTemplate(value, { file: ctx.file, start });
    ctx.diagnostics.push(...parsed.diagnostics);
    if (parsed.value) attributes.set(key, { name: key, expr: parsed.value, range: rangeAt(ctx.file, attrScan?.pos ?? pos) });
  }
  return { attributes, blocks, range: rangeAt(ctx.file, pos) };
}
