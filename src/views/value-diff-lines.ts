/**
 * The value half of an attribute diff line (`key = <here>`): primitives (`"a" -> "b"`), maps and
 * lists diffed per element, multi-line strings as `<<-EOT` heredocs diffed line by line with the
 * `diff` package, sensitive values masked and unknowns shown as `(known after apply)`.
 */
import { diffArrays, diffLines } from 'diff';
import type { Path } from './attr-path.js';
import {
  actionFor, forcesSuffix, hiddenNote, isAbsent, lineAt, plainAt, sensitivityAt,
  type DiffAction, type DiffContext,
} from './diff-context.js';
import { isObjectValue, isUnknown, valuesEqual, type Value } from './plan-model.js';
import {
  formatValue, isMultilineString, KNOWN_AFTER_APPLY, quoteString, SENSITIVE_VALUE, stringLines,
} from './value-format.js';

/** Unchanged list elements and heredoc lines shown around each change. */
const LIST_CONTEXT = 1;
const LINE_CONTEXT = 3;

/**
 * Renders the value of a diff line whose key sits at `level`. Element [0] continues the key's
 * line; the rest are whole lines. `nullSuffix` adds ` -> null` to a deletion (attribute and map
 * entry removals show it, list elements and members of a removed container do not).
 */
export function renderValueDiff(
  b: Value | undefined, a: Value | undefined, path: Path, level: number, action: DiffAction,
  ctx: DiffContext, nullSuffix: boolean,
): string[] {
  const nul = action === 'delete' && nullSuffix ? ' -> null' : '';
  const s = sensitivityAt(ctx, path);
  if (s.before || s.after) return [SENSITIVE_VALUE + nul];
  if (action === 'update' && isUnknown(a)) {
    return appendLast(renderValueDiff(b, undefined, path, level, 'delete', ctx, false), ' -> ' + KNOWN_AFTER_APPLY);
  }
  const jb = jsonContainer(b), ja = jsonContainer(a);
  const jsonShown = (jb !== undefined || isAbsent(b)) && (ja !== undefined || isAbsent(a)) && (jb !== undefined || ja !== undefined);
  // A change in layout only (same JSON document) falls through to the text diff below.
  if (jsonShown && !(action === 'update' && valuesEqual(jb, ja))) {
    // Terraform shows JSON documents in strings (schemas, policies) structurally, as jsonencode(...).
    const inner = renderValueDiff(jb, ja, path, level + 1, action, ctx, false);
    return ['jsonencode(', lineAt(level + 1, action, inner[0] ?? '', ctx), ...inner.slice(1), plainAt(level, ')' + nul)];
  }
  if ((isMultilineString(b) || isMultilineString(a)) && stringOrAbsent(b) && stringOrAbsent(a)) {
    return renderHeredocDiff(b, a, level, action, ctx, nul);
  }
  const kind = containerKind(b, a, action);
  if (kind === 'map') return renderMapDiff(b, a, path, level, action, ctx, nul);
  if (kind === 'list') return renderListDiff(b, a, path, level, action, ctx, nul);
  switch (action) {
    case 'create': case 'no-op': return format(a, level, ctx, path);
    case 'delete': return appendLast(format(b, level, ctx, path), nul);
    case 'update': return joinArrow(format(b, level, ctx, path), format(a, level, ctx, path));
  }
}

/** The parsed object or array when `v` is a string holding a JSON object or array. */
function jsonContainer(v: Value | undefined): Value | undefined {
  if (typeof v !== 'string' || !/^\s*[[{]/.test(v)) return undefined;
  try {
    const parsed: unknown = JSON.parse(v);
    return typeof parsed === 'object' && parsed !== null ? toValue(parsed) : undefined;
  } catch {
    return undefined;
  }
}

function toValue(x: unknown): Value {
  if (Array.isArray(x)) return x.map((e: unknown) => toValue(e));
  if (typeof x === 'object' && x !== null) {
    const out: { [key: string]: Value } = {};
    for (const [k, v] of Object.entries(x)) out[k] = toValue(v);
    return out;
  }
  return typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean' ? x : null;
}

function stringOrAbsent(v: Value | undefined): boolean {
  return isAbsent(v) || typeof v === 'string';
}

function containerKind(b: Value | undefined, a: Value | undefined, action: DiffAction): 'map' | 'list' | undefined {
  const kindOf = (v: Value | undefined): 'map' | 'list' | undefined =>
    Array.isArray(v) ? 'list' : isObjectValue(v) ? 'map' : undefined;
  if (action === 'create' || action === 'no-op') return kindOf(a);
  if (action === 'delete') return kindOf(b);
  const kb = kindOf(b);
  return kb === kindOf(a) ? kb : undefined;
}

function format(v: Value | undefined, level: number, ctx: DiffContext, path: Path): string[] {
  const indent = '    '.repeat(level) + '    ';
  return formatValue(v ?? null, { indent, path, sensitive: [...ctx.beforeSensitive, ...ctx.afterSensitive] }).split('\n');
}

function appendLast(lines: string[], suffix: string): string[] {
  if (suffix === '') return lines;
  const out = lines.slice();
  out[out.length - 1] = (out[out.length - 1] ?? '') + suffix;
  return out;
}

function joinArrow(before: string[], after: string[]): string[] {
  const out = appendLast(before, ' -> ' + (after[0] ?? ''));
  return out.concat(after.slice(1));
}

function renderMapDiff(
  b: Value | undefined, a: Value | undefined, path: Path, level: number, action: DiffAction,
  ctx: DiffContext, nul: string,
): string[] {
  const bo = isObjectValue(b) ? b : {};
  const ao = isObjectValue(a) ? a : {};
  const keys = [...new Set([...Object.keys(bo), ...Object.keys(ao)])].sort()
    .filter((k) => !(isAbsent(bo[k]) && isAbsent(ao[k])));
  if (keys.length === 0) return ['{}' + nul];
  const width = Math.max(...keys.map((k) => quoteString(k).length));
  const lines = ['{'];
  let hidden = 0;
  for (const k of keys) {
    const p = [...path, k];
    const sub = action === 'create' || action === 'delete' ? action : actionFor(bo[k], ao[k], ctx, p);
    if (sub === 'no-op' && action === 'update') { hidden++; continue; }
    const val = renderValueDiff(bo[k], ao[k], p, level + 1, sub, ctx, action !== 'delete');
    lines.push(lineAt(level + 1, sub, `${quoteString(k).padEnd(width)} = ${val[0] ?? ''}${forcesSuffix(ctx, p)}`, ctx), ...val.slice(1));
  }
  if (hidden > 0) lines.push(plainAt(level + 1, hiddenNote(hidden, 'element')));
  lines.push(plainAt(level, '}' + nul));
  return lines;
}

interface Entry { readonly action: DiffAction; readonly lines: readonly string[] }

function renderListDiff(
  b: Value | undefined, a: Value | undefined, path: Path, level: number, action: DiffAction,
  ctx: DiffContext, nul: string,
): string[] {
  const bl: readonly Value[] = Array.isArray(b) ? b : [];
  const al: readonly Value[] = Array.isArray(a) ? a : [];
  const entries: Entry[] = [];
  const element = (v: Value, i: number, act: DiffAction): Entry => {
    const p = [...path, i];
    const val = appendLast(renderValueDiff(act === 'delete' ? v : undefined, act === 'delete' ? undefined : v, p, level + 1, act === 'update' ? 'no-op' : act, ctx, false), ',');
    return { action: act, lines: [lineAt(level + 1, act, (val[0] ?? '') + forcesSuffix(ctx, p), ctx), ...val.slice(1)] };
  };
  if (action === 'update') {
    let bi = 0, ai = 0;
    for (const part of diffArrays(bl.slice(), al.slice(), { comparator: (x: Value, y: Value) => sameElement(x, y) })) {
      for (const v of part.value) {
        if (part.removed) entries.push(element(v, bi++, 'delete'));
        else if (part.added) entries.push(element(v, ai++, 'create'));
        else { entries.push(element(v, ai++, 'no-op')); bi++; }
      }
    }
  } else {
    const list = action === 'delete' ? bl : al;
    list.forEach((v, i) => entries.push(element(v, i, action)));
  }
  if (entries.length === 0) return ['[]' + nul];
  return ['[', ...withContext(entries, action === 'update' ? LIST_CONTEXT : Infinity, level + 1, 'element'), plainAt(level, ']' + nul)];
}

function sameElement(x: Value, y: Value): boolean {
  return JSON.stringify(x) === JSON.stringify(y) && isUnknown(x) === isUnknown(y);
}

/** Keeps changed entries and `context` unchanged neighbours; runs beyond become one note each. */
function withContext(entries: readonly Entry[], context: number, level: number, noun: string): string[] {
  const changed = entries.map((e) => e.action !== 'no-op');
  const near = (i: number): boolean => {
    for (let d = -context; d <= context; d++) if (changed[i + d] === true) return true;
    return false;
  };
  const out: string[] = [];
  let run = 0;
  entries.forEach((e, i) => {
    if (context === Infinity || near(i)) {
      if (run > 0) { out.push(plainAt(level, hiddenNote(run, noun))); run = 0; }
      out.push(...e.lines);
    } else run++;
  });
  if (run > 0) out.push(plainAt(level, hiddenNote(run, noun)));
  return out;
}

function renderHeredocDiff(
  b: Value | undefined, a: Value | undefined, level: number, action: DiffAction, ctx: DiffContext, nul: string,
): string[] {
  const text = (l: string, act: DiffAction): string => (act === 'no-op' ? plainAt(level + 1, l) : lineAt(level + 1, act, l, ctx)).trimEnd();
  const entries: Entry[] = [];
  if (action === 'update') {
    const before = typeof b === 'string' ? b.replace(/\n?$/, '\n') : '';
    const after = typeof a === 'string' ? a.replace(/\n?$/, '\n') : '';
    for (const part of diffLines(before, after)) {
      const act: DiffAction = part.added ? 'create' : part.removed ? 'delete' : 'no-op';
      for (const l of stringLines(part.value)) entries.push({ action: act, lines: [text(l, act)] });
    }
  } else {
    const s = action === 'delete' ? b : a;
    for (const l of stringLines(typeof s === 'string' ? s : '')) entries.push({ action: 'no-op', lines: [text(l, 'no-op')] });
  }
  const body = action === 'update' ? withContext(entries, LINE_CONTEXT, level + 1, 'line') : entries.flatMap((e) => e.lines);
  return ['<<-EOT', ...body, plainAt(level, 'EOT' + nul)];
}
