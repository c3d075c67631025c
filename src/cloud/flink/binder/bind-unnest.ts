/**
 * UNNEST in FROM → an `unnest` relation: `t CROSS JOIN UNNEST(t.arr) AS x(e)`, the comma form,
 * `t LEFT JOIN UNNEST(t.arr) AS x(e) ON TRUE`, and a lone `FROM UNNEST(ARRAY[…])`. The collection
 * is an expression over the left row (a correlated join); each element adds columns to that row:
 * an ARRAY's element (an ARRAY<ROW>'s fields spread), a MAP's key and value, a MULTISET's element
 * (repeated), plus the 1-based position WITH ORDINALITY. Row kinds and time attributes pass through.
 */
import type { Unnest } from '../sql/index.js';
import { printType, withNullable } from '../types/index.js';
import type { LogicalType } from '../types/index.js';
import type { BoundField, LogicalRel } from './types.js';
import { Scope } from './scope.js';
import type { ScopeField } from './scope.js';
import { bindExpr } from './bind-expression.js';
import type { ExprContext } from './bind-expression.js';
import { BindError, notSupportedYet, validationError } from './sql-error.js';

/** A FROM item with the fields its SELECT can see. */
interface From {
  readonly rel: LogicalRel;
  readonly scope: readonly ScopeField[];
}

/** Binds `UNNEST(collection)` against the row of `left`; `outer` keeps rows whose collection is empty. */
export function bindUnnest(u: Unnest, left: From, o: { readonly outer: boolean; readonly exprContext: (scope: Scope) => ExprContext; readonly file: string }): From {
  const fail = (reason: string): never => { throw new BindError(validationError(u.range, reason, { file: o.file })); };
  const [arg, extra] = u.args;
  if (arg === undefined) return fail('UNNEST needs one collection argument');
  if (extra !== undefined) throw new BindError(notSupportedYet(u.range, 'UNNEST of several collections', o.file));
  const collection = bindExpr(arg, o.exprContext(new Scope(left.scope, o.file)));
  const t = collection.type;
  let columns: { name: string; type: LogicalType }[];
  let rowFields: number | undefined;
  switch (t.kind) {
    case 'ARRAY': case 'MULTISET': {
      const e = t.element;
      if (t.kind === 'ARRAY' && e.kind === 'ROW') {
        columns = e.fields.map((f) => ({ name: f.name, type: withNullable(f.type, true) }));
        rowFields = e.fields.length;
      } else {
        columns = [{ name: 'EXPR$0', type: e }];
      }
      break;
    }
    case 'MAP': columns = [{ name: 'KEY', type: t.key }, { name: 'VALUE', type: t.value }]; break;
    default: return fail(`UNNEST argument must be a collection, got ${printType(t)}`);
  }
  if (u.withOrdinality) columns.push({ name: 'ORDINALITY', type: { kind: 'INTEGER', nullable: false } });
  const names = u.alias?.columns;
  if (names !== undefined && names.length !== columns.length) {
    fail(`List of column aliases must have same degree as table; table has ${columns.length} columns, whereas alias list has ${names.length} columns`);
  }
  const added: BoundField[] = columns.map((c, i) => ({ name: names?.[i] ?? c.name, type: o.outer ? withNullable(c.type, true) : c.type }));
  const width = left.rel.fields.length;
  const rel: LogicalRel = {
    kind: 'unnest', input: left.rel, collection, collectionType: t.kind, ...(rowFields === undefined ? {} : { rowFields }),
    withOrdinality: u.withOrdinality, outer: o.outer, fields: [...left.rel.fields, ...added],
  };
  const qualifier = u.alias?.name;
  const scope: ScopeField[] = [
    ...left.scope,
    ...added.map((f, i) => ({ ...(qualifier === undefined ? {} : { qualifier }), name: f.name, type: f.type, index: width + i, hidden: false })),
  ];
  return { rel, scope };
}
