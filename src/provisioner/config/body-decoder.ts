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
  /** The file's source text (native syntax only): expressions are parsed from it. */
  readonly text?: string;
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
    // Native syntax: parse the expression from its source text, for exact positions and exact
    // heredocs; hcl2json's JSON rendering is the fallback (and the only input for .tf.json).
    const source = attrScan && ctx.text !== undefined ? ctx.text.slice(attrScan.valueStart, attrScan.valueEnd) : undefined;
    let parsed = source ? parseExpressionSync(source, { file: ctx.file, start }) : parseLiteralOrTemplate(value, { file: ctx.file, start });
    if (source && !parsed.value) {
      const fallback = parseLiteralOrTemplate(value, { file: ctx.file, start });
      if (fallback.value) parsed = fallback;
    }
    ctx.diagnostics.push(...parsed.diagnostics);
    if (parsed.value) attributes.set(key, { name: key, expr: parsed.value, range: rangeAt(ctx.file, attrScan?.pos ?? pos) });
  }
  return { attributes, blocks, range: rangeAt(ctx.file, pos) };
}
