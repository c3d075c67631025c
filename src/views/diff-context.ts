/**
 * The shared vocabulary of the attribute diff renderers: per-value actions, the context carried
 * down a diff (sensitive paths, forced-replacement paths, colours) and Terraform's indentation
 * scheme (four spaces per level, then a three-column action symbol and a space).
 */
import { coveredBy, isPrefix, type Path } from './attr-path.js';
import { valuesEqual, type Value } from './plan-model.js';
import type { Style } from './ansi-style.js';

/** What happens to one value inside a change. */
export type DiffAction = 'create' | 'update' | 'delete' | 'no-op';

/** Everything a diff renderer needs besides the two values. */
export interface DiffContext {
  readonly style: Style;
  readonly beforeSensitive: readonly Path[];
  readonly afterSensitive: readonly Path[];
  readonly replacePaths: readonly { readonly path: Path; readonly reason?: string }[];
}

const UNIT = '    ';

/** The three-column action symbol, coloured. */
export function actionSymbol(action: DiffAction | 'replace' | 'replace-cbd' | 'read' | 'forget', style: Style): string {
  switch (action) {
    case 'create': return '  ' + style.green('+');
    case 'delete': return '  ' + style.red('-');
    case 'update': return '  ' + style.yellow('~');
    case 'no-op': return '   ';
    case 'replace': return style.red('-') + '/' + style.green('+');
    case 'replace-cbd': return style.green('+') + '/' + style.red('-');
    case 'read': return ' ' + style.cyan('<=');
    case 'forget': return '  ' + style.red('.');
  }
}

/** A line at nesting `level` carrying an action symbol. */
export function lineAt(level: number, action: DiffAction, text: string, ctx: DiffContext): string {
  return UNIT.repeat(level) + actionSymbol(action, ctx.style) + ' ' + text;
}

/** A line at nesting `level` without a symbol (closing braces, hidden-count notes). */
export function plainAt(level: number, text: string): string {
  return UNIT.repeat(level) + '    ' + text;
}

/** True when a value counts as absent (null and missing are shown alike). */
export function isAbsent(v: Value | undefined): v is null | undefined {
  return v === undefined || v === null;
}

/** Whether the value at `path` is sensitive before / after. */
export function sensitivityAt(ctx: DiffContext, path: Path): { readonly before: boolean; readonly after: boolean } {
  return { before: coveredBy(ctx.beforeSensitive, path), after: coveredBy(ctx.afterSensitive, path) };
}

/** The action for a value changing from `b` to `a`. */
export function actionFor(b: Value | undefined, a: Value | undefined, ctx: DiffContext, path: Path): DiffAction {
  if (isAbsent(b)) return isAbsent(a) ? 'no-op' : 'create';
  if (isAbsent(a)) return 'delete';
  const s = sensitivityAt(ctx, path);
  if (s.before !== s.after) return 'update';
  return valuesEqual(b, a) ? 'no-op' : 'update';
}

/** The ` # forces replacement` suffix when `path` is a replace path. */
export function forcesSuffix(ctx: DiffContext, path: Path): string {
  const hit = ctx.replacePaths.find((r) => r.path.length === path.length && isPrefix(r.path, path));
  if (hit === undefined) return '';
  const note = hit.reason !== undefined && hit.reason !== '' ? ` (${hit.reason})` : '';
  return ' ' + ctx.style.red('# forces replacement') + note;
}

/** "1 unchanged attribute hidden" / "2 unchanged attributes hidden". */
export function hiddenNote(count: number, noun: string): string {
  return `# (${count} unchanged ${noun}${count === 1 ? '' : 's'} hidden)`;
}
