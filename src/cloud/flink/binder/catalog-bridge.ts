/**
 * Catalog helpers the binder reuses but the catalog's index.ts does not export yet: the parser's
 * DataType → LogicalType conversion and CREATE/ALTER TABLE AST → catalog inputs.
 * TODO(lead): export `logicalTypeOf`, `tableSpecFromAst` and `alterActionsFromAst` from
 * catalog/index.ts and import them from there; this file then goes away.
 */
export { logicalTypeOf } from '../catalog/logical-type-of.js';
export { tableSpecFromAst, alterActionsFromAst } from '../catalog/table-spec-from-ast.js';
