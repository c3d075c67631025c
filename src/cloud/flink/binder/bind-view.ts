/**
 * Views in queries. A view name in FROM binds the view's stored query (re-parsed) against the session path
 * the view was created under, without the outer query's CTEs, and takes the view's column names.
 * Anything that breaks inside the view after CREATE VIEW (a table dropped or changed) is reported
 * at the view reference, naming the view, as Flink fails such a statement when it is used.
 * bind-query.ts passes its `bindQuery` in (no import cycle).
 */
import { parseStatement } from '../sql/index.js';
import type { Query, Range } from '../sql/index.js';
import type { CatalogView } from '../catalog/index.js';
import { quotedPath } from '../catalog/index.js';
import type { BoundField, LogicalRel } from './types.js';
import type { QueryContext } from './bind-query.js';
import { BindError, validationError } from './sql-error.js';

/** The relation of a view referenced at `range`: its query bound afresh, columns renamed to the view's. */
export function bindViewRef(view: CatalogView, at: { readonly range: Range; readonly cx: QueryContext; readonly bindQuery: (q: Query, cx: QueryContext) => LogicalRel }): LogicalRel {
  const { range, cx, bindQuery } = at;
  const full = quotedPath([view.catalog.name, view.database.name, view.name]);
  const fail = (reason: string): BindError => new BindError(validationError(range, `View ${full} cannot be used: ${reason}`, { file: cx.file }));
  if ((cx.views ?? []).includes(full)) throw fail('it references itself');
  const parsed = parseStatement(view.query);
  if (parsed.value === undefined || parsed.value.kind !== 'QueryStatement') throw fail(`its stored query does not parse: ${parsed.diagnostics[0]?.summary ?? ''}`);
  let rel: LogicalRel;
  try {
    rel = bindQuery(parsed.value.query, { ...cx, options: { ...cx.options, session: view.session }, ctes: new Map(), views: [...(cx.views ?? []), full] });
  } catch (e) {
    if (e instanceof BindError) throw fail(causeOf(e.diagnostic.summary));
    throw e;
  }
  const visible = rel.fields.filter((f) => f.hidden !== true);
  if (visible.length !== view.schema.length) {
    throw fail(`its query now has ${visible.length} columns, but the view was created with ${view.schema.length}`);
  }
  const names = view.columns ?? view.schema.map((c) => c.name);
  let k = 0;
  const fields: BoundField[] = rel.fields.map((f) => (f.hidden === true ? f : { ...f, name: names[k++] ?? f.name }));
  return { ...rel, fields } as LogicalRel;
}

/** The reason of a validation error (`… Caused by: reason`), or the whole text. */
function causeOf(summary: string): string {
  const at = summary.lastIndexOf('Caused by: ');
  return at < 0 ? summary : summary.slice(at + 'Caused by: '.length);
}
