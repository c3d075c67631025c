/**
 * CREATE VIEW's validation: the query is bound like any query (same errors), and its output
 * schema is derived for the catalog to store with the canonically printed query text.
 */
import { printQuery } from '../sql/index.js';
import type { CreateView } from '../sql/index.js';
import type { SessionPath, ViewSpec } from '../catalog/index.js';
import type { Clock, IdSource, Outcome } from '../../../shared/index.js';
import type { BindOptions, TableResolver } from './types.js';
import { bindQuery } from './bind-query.js';
import type { QueryContext } from './bind-query.js';
import { BindError, validationError } from './sql-error.js';
import { evalContextOf } from './bind-statement.js';

/** CREATE VIEW: binds the query (errors as for any query) and returns what the catalog stores. */
export function bindCreateView(stmt: CreateView, resolver: TableResolver, opts: BindOptions, deps: { readonly clock?: Clock; readonly ids?: IdSource } = {}): Outcome<ViewSpec> {
  const file = opts.file ?? 'statement';
  const cx: QueryContext = { resolver, options: opts, evalCtx: evalContextOf(opts, deps), ctes: new Map(), file };
  try {
    const rel = bindQuery(stmt.query, cx);
    const visible = rel.fields.filter((f) => f.hidden !== true);
    if (stmt.columns !== undefined && stmt.columns.length !== visible.length) {
      throw new BindError(validationError(stmt.range, `List of column aliases must have same degree as table; table has ${visible.length} columns, whereas alias list has ${stmt.columns.length} columns`, { file }));
    }
    const session: SessionPath = { ...(opts.session.catalog === undefined ? {} : { catalog: opts.session.catalog }), ...(opts.session.database === undefined ? {} : { database: opts.session.database }) };
    return {
      value: {
        path: stmt.name, query: printQuery(stmt.query, { quoteAll: true }), session,
        schema: visible.map((f) => ({ name: f.name, type: f.type })),
        ...(stmt.columns === undefined ? {} : { columns: stmt.columns }), ...(stmt.comment === undefined ? {} : { comment: stmt.comment }),
      },
      diagnostics: [],
    };
  } catch (e) {
    if (e instanceof BindError) return { diagnostics: [e.diagnostic] };
    throw e;
  }
}

