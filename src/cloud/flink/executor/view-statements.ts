/**
 * CREATE / DROP VIEW, SHOW VIEWS and SHOW CREATE VIEW. CREATE VIEW binds its query first, so a
 * broken view is refused with the usual `SQL validation failed …` diagnostic; the catalog stores it.
 */
import type { Outcome } from '../../../shared/index.js';
import type { CreateView, DropView } from '../sql/index.js';
import type { FlinkCatalog, SessionPath } from '../catalog/index.js';
import { bindCreateView } from '../binder/index.js';
import type { BindOptions } from '../binder/index.js';

/** What a view statement reports: Confluent's `status.detail`. */
export interface ViewStatementResult {
  readonly sqlKind: 'CREATE_VIEW' | 'DROP_VIEW';
  readonly detail: string;
}

/** CREATE [OR REPLACE] VIEW [IF NOT EXISTS]. */
export function runCreateView(stmt: CreateView, catalog: FlinkCatalog, opts: BindOptions): Outcome<ViewStatementResult> {
  const spec = bindCreateView(stmt, catalog, opts);
  if (spec.value === undefined) return { diagnostics: spec.diagnostics };
  const r = catalog.createView(spec.value, opts.session, { orReplace: stmt.orReplace, ifNotExists: stmt.ifNotExists });
  if (r.value === undefined) return { diagnostics: r.diagnostics };
  return { value: { sqlKind: 'CREATE_VIEW', detail: r.value.created ? `View '${r.value.name}' created` : `View '${r.value.name}' already exists` }, diagnostics: [] };
}

/** DROP VIEW [IF EXISTS]. */
export function runDropView(stmt: DropView, catalog: FlinkCatalog, session: SessionPath): Outcome<ViewStatementResult> {
  const r = catalog.dropView(stmt.name, session, { ifExists: stmt.ifExists });
  if (r.value === undefined) return { diagnostics: r.diagnostics };
  const name = stmt.name[stmt.name.length - 1] ?? '';
  return { value: { sqlKind: 'DROP_VIEW', detail: r.value.dropped ? `View '${name}' dropped` : `View '${name}' does not exist` }, diagnostics: [] };
}
