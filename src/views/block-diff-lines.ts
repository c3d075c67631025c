/**
 * The body of a resource or nested block diff: attributes aligned on `=`, unchanged ones hidden
 * behind a count (except the important `id`/`name`/`tags` in updates), then nested blocks —
 * lists of objects, as Terraform state stores them — each rendered as `name { ... }`.
 */
import type { Path } from './attr-path.js';
import {
  actionFor, forcesSuffix, hiddenNote, isAbsent, lineAt, plainAt, sensitivityAt,
  type DiffAction, type DiffContext,
} from './diff-context.js';
import { isObjectValue, type ObjectValue, type Value } from './plan-model.js';
import { renderValueDiff } from './value-diff-lines.js';

/** Options for `renderBodyDiff`. */
export interface BodyDiffOptions {
  /** Attributes shown even when unchanged (Terraform shows `id`, `name` and `tags` in updates). */
  readonly important?: readonly string[];
}

/** Renders the lines inside `{ ... }` for an object going from `b` to `a`, at nesting `level`. */
export function renderBodyDiff(
  b: ObjectValue | null | undefined, a: ObjectValue | null | undefined, path: Path, level: number,
  action: DiffAction, ctx: DiffContext, opts: BodyDiffOptions = {},
): string[] {
  const bo: ObjectValue = b ?? {};
  const ao: ObjectValue = a ?? {};
  const keys = [...new Set([...Object.keys(bo), ...Object.keys(ao)])].sort()
    .filter((k) => !(isAbsent(bo[k]) && isAbsent(ao[k])));
  const blockKeys = keys.filter((k) => isBlockList(bo[k], ao[k], ctx, [...path, k]));
  const attrKeys = keys.filter((k) => !blockKeys.includes(k));
  const width = Math.max(0, ...attrKeys.map((k) => k.length));
  const lines: string[] = [];
  let hidden = 0;
  for (const k of attrKeys) {
    const p = [...path, k];
    const sub = childAction(action, bo[k], ao[k], ctx, p);
    if (sub === 'no-op' && !(opts.important ?? []).includes(k)) { hidden++; continue; }
    const val = renderValueDiff(bo[k], ao[k], p, level, sub, ctx, true);
    lines.push(lineAt(level, sub, `${k.padEnd(width)} = ${val[0] ?? ''}${forcesSuffix(ctx, p)}`, ctx), ...val.slice(1));
  }
  if (hidden > 0) lines.push(plainAt(level, hiddenNote(hidden, 'attribute')));
  let hiddenBlocks = 0;
  for (const k of blockKeys) {
    const bl = asBlocks(bo[k]);
    const al = asBlocks(ao[k]);
    let first = true;
    for (let i = 0; i < Math.max(bl.length, al.length); i++) {
      const p = [...path, k, i];
      const sub = childAction(action, bl[i], al[i], ctx, p);
      if (sub === 'no-op') { hiddenBlocks++; continue; }
      if (first && lines.length > 0) lines.push('');
      first = false;
      const forces = forcesSuffix(ctx, [...path, k]) || forcesSuffix(ctx, p);
      lines.push(lineAt(level, sub, `${k} {${forces}`, ctx));
      lines.push(...renderBodyDiff(bl[i], al[i], p, level + 1, sub, ctx));
      lines.push(plainAt(level, '}'));
    }
  }
  if (hiddenBlocks > 0) lines.push(plainAt(level, hiddenNote(hiddenBlocks, 'block')));
  return lines;
}

function childAction(parent: DiffAction, b: Value | undefined, a: Value | undefined, ctx: DiffContext, p: Path): DiffAction {
  if (parent === 'create' || parent === 'delete') return parent;
  return actionFor(b, a, ctx, p);
}

/** A nested block list: every element on both sides is an object, at least one element exists. */
function isBlockList(b: Value | undefined, a: Value | undefined, ctx: DiffContext, p: Path): boolean {
  const s = sensitivityAt(ctx, p);
  if (s.before || s.after) return false;
  const ok = (v: Value | undefined): boolean => isAbsent(v) || (Array.isArray(v) && v.every((e: Value) => isObjectValue(e)));
  const count = (v: Value | undefined): number => (Array.isArray(v) ? v.length : 0);
  return ok(b) && ok(a) && count(b) + count(a) > 0;
}

function asBlocks(v: Value | undefined): readonly ObjectValue[] {
  return Array.isArray(v) ? v.filter((e: Value): e is ObjectValue => isObjectValue(e)) : [];
}
