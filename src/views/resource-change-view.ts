/**
 * One resource instance change as Terraform prints it: the `# address will be ...` header, the
 * reason lines, then `<symbol> resource "type" "name" { ... }` with the attribute diff. Used for
 * planned changes and (with `drift`) for objects changed outside streamform.
 */
import { parseAttrPath } from './attr-path.js';
import type { Style } from './ansi-style.js';
import { renderBodyDiff } from './block-diff-lines.js';
import { actionSymbol, type DiffAction, type DiffContext } from './diff-context.js';
import type { ResourceChange } from './plan-model.js';
import { quoteString } from './value-format.js';

/** Options for `renderResourceChange`. */
export interface ResourceChangeViewOptions {
  readonly style: Style;
  /** Render as refresh drift ("has changed", "has been deleted") rather than a planned action. */
  readonly drift?: boolean;
}

const IMPORTANT = ['id', 'name', 'tags'] as const;

/** The lines for one change, without a trailing blank line. */
export function renderResourceChange(change: ResourceChange, opts: ResourceChangeViewOptions): string[] {
  const style = opts.style;
  const ctx: DiffContext = {
    style,
    beforeSensitive: change.beforeSensitive.map(parseAttrPath),
    afterSensitive: change.afterSensitive.map(parseAttrPath),
    replacePaths: change.replacePaths.map((r) => (r.reason === undefined ? { path: parseAttrPath(r.path) } : { path: parseAttrPath(r.path), reason: r.reason })),
  };
  const movedOnly = opts.drift !== true && change.action === 'no-op' && change.importing === undefined && change.previousAddress !== undefined;
  const shown = movedOnly ? change.previousAddress ?? change.address : change.address;
  const lines = [style.bold(`  # ${shown}`) + headerTail(change, opts.drift === true)];
  for (const r of reasonLines(change, opts.drift === true)) lines.push(`  # ${r}`);
  const keyword = change.mode === 'data' ? 'data' : 'resource';
  lines.push(`${symbolFor(change, style)} ${keyword} ${quoteString(change.type)} ${quoteString(change.name)} {`);
  const bodyAction = bodyActionFor(change);
  const important = bodyAction === 'update' || bodyAction === 'no-op' ? IMPORTANT : [];
  // A forgotten object stays as it is; show what is being let go of, not a deletion.
  const after = change.action === 'forget' ? change.before : change.after;
  lines.push(...renderBodyDiff(change.before, after, [], 1, bodyAction, ctx, { important }));
  lines.push('    }');
  return lines;
}

function headerTail(c: ResourceChange, drift: boolean): string {
  if (drift) return c.action === 'delete' ? ' has been deleted' : c.action === 'create' ? ' has been created' : ' has changed';
  switch (c.action) {
    case 'create': return ' will be created';
    case 'read': return ' will be read during apply';
    case 'update': return ' will be updated in-place';
    case 'delete': return ' will be destroyed';
    case 'forget': return ' will no longer be managed by streamform';
    case 'replace':
      if (c.reason === 'tainted') return ' is tainted, so must be replaced';
      if (c.reason === 'replace-by-request') return ' will be replaced, as requested';
      if (c.reason === 'replace-by-triggers') return ' will be replaced due to changes in replace_triggered_by';
      return ' must be replaced';
    case 'no-op':
      if (c.importing !== undefined) return ' will be imported';
      if (c.previousAddress !== undefined) return ` has moved to ${c.address}`;
      return ' has no changes';
  }
}

function reasonLines(c: ResourceChange, drift: boolean): string[] {
  const out: string[] = [];
  if (drift) return out;
  if (c.previousAddress !== undefined && c.action !== 'no-op') out.push(`(moved from ${c.previousAddress})`);
  if (c.importing !== undefined) out.push(`(imported from ${quoteString(c.importing.id)})`);
  if (c.generatedConfig !== undefined) out.push('(config will be generated)');
  if (c.importing !== undefined && c.action === 'delete') out.push('Warning: this will destroy the imported resource');
  switch (c.reason) {
    case 'delete-because-no-resource-config': out.push(`(because ${withoutIndex(c.address)} is not in configuration)`); break;
    case 'delete-because-count-index': out.push(`(because index [${String(c.index ?? '')}] is out of range for count)`); break;
    case 'delete-because-each-key': out.push(`(because key [${quoteString(String(c.index ?? ''))}] is not in for_each map)`); break;
    case 'delete-because-no-module': out.push(`(because ${c.module} is not in configuration)`); break;
    case 'read-because-config-unknown': out.push('(config refers to values not yet known)'); break;
    case 'read-because-dependency-pending': out.push('(depends on a resource or a module with changes pending)'); break;
    case 'cannot-update': case 'tainted': case 'replace-by-request': case 'replace-by-triggers': case undefined: break;
  }
  if (c.action === 'forget') out.push('(will be removed from the state, but not destroyed)');
  if (c.replaceStrategy !== undefined) out.push(`(replace strategy: ${c.replaceStrategy.name} — ${c.replaceStrategy.detail})`);
  for (const n of c.notes ?? []) out.push(n);
  return out;
}

function withoutIndex(address: string): string {
  return address.replace(/\[[^\]]*\]$/, '');
}

function symbolFor(c: ResourceChange, style: Style): string {
  switch (c.action) {
    case 'create': return actionSymbol('create', style);
    case 'update': return actionSymbol('update', style);
    case 'delete': return actionSymbol('delete', style);
    case 'read': return actionSymbol('read', style);
    case 'no-op': return actionSymbol('no-op', style);
    case 'forget': return actionSymbol('forget', style);
    case 'replace': return actionSymbol(c.replaceOrder === 'create-before-destroy' ? 'replace-cbd' : 'replace', style);
  }
}

function bodyActionFor(c: ResourceChange): DiffAction {
  switch (c.action) {
    case 'create': return 'create';
    case 'read': return c.before === null ? 'create' : 'update';
    case 'update': case 'replace': return 'update';
    case 'delete': return 'delete';
    case 'no-op': case 'forget': return 'no-op';
  }
}
