/** The `Changes to Outputs:` lines of a plan: `+ name = value`, `~ name = old -> new`, aligned. */
import type { Style } from './ansi-style.js';
import { lineAt, type DiffContext } from './diff-context.js';
import type { OutputChange } from './plan-model.js';
import { renderValueDiff } from './value-diff-lines.js';

/** Lines for every output that changes (no-ops are left out), sorted by name. */
export function renderOutputChangeLines(outputs: readonly OutputChange[], style: Style): string[] {
  const changed = outputs.filter((o) => o.action !== 'no-op').slice().sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  const width = Math.max(0, ...changed.map((o) => o.name.length));
  const lines: string[] = [];
  for (const o of changed) {
    const masked = o.sensitive ? [[]] : [];
    const ctx: DiffContext = { style, beforeSensitive: masked, afterSensitive: masked, replacePaths: [] };
    const before = o.action === 'create' ? undefined : o.before;
    const after = o.action === 'delete' ? undefined : o.after;
    const val = renderValueDiff(before, after, [], 0, o.action, ctx, true);
    lines.push(lineAt(0, o.action, `${o.name.padEnd(width)} = ${val[0] ?? ''}`, ctx), ...val.slice(1));
  }
  return lines;
}
