/**
 * What kind of statement an AST is, in Confluent's words: the upper-snake `sql_kind` trait of the
 * statements API, and whether it runs as metadata work, a background job or a foreground query
 * (reference §5.1). SELECT, INSERT_INTO, CREATE_TABLE and EXPLAIN are observed values; the other
 * strings follow the same pattern and are a local design choice until confirmed.
 */
import { assertNever } from '../../../shared/index.js';
import type { Statement } from './ast.js';

/** How a statement executes. */
export type StatementCategory = 'metadata' | 'background' | 'foreground';

/** The `status.traits.sql_kind` string for a statement. */
export function sqlKind(s: Statement): string {
  switch (s.kind) {
    case 'QueryStatement': return 'SELECT';
    case 'Insert': return s.mode === 'INTO' ? 'INSERT_INTO' : 'INSERT_OVERWRITE';
    case 'StatementSet': return 'EXECUTE_STATEMENT_SET';
    case 'CreateTable': return s.asQuery ? 'CREATE_TABLE_AS' : 'CREATE_TABLE';
    case 'AlterTable': return 'ALTER_TABLE';
    case 'DropTable': return 'DROP_TABLE';
    case 'CreateView': return 'CREATE_VIEW';
    case 'DropView': return 'DROP_VIEW';
    case 'Set': return 'SET';
    case 'Reset': return 'RESET';
    case 'UseCatalog': return 'USE_CATALOG';
    case 'Use': return 'USE';
    case 'Show': return `SHOW_${s.what.replace(/ /g, '_')}`;
    case 'ShowCreate': return `SHOW_CREATE_${s.object}`;
    case 'Describe': return 'DESCRIBE';
    case 'Explain': return 'EXPLAIN';
    case 'Unsupported': return s.what.replace(/ /g, '_');
    default: return assertNever(s, 'statement');
  }
}

/** Metadata statements complete at once, background statements run as jobs, queries stream results. */
export function statementCategory(s: Statement): StatementCategory {
  if (s.kind === 'QueryStatement') return 'foreground';
  if (s.kind === 'Insert' || s.kind === 'StatementSet' || (s.kind === 'CreateTable' && s.asQuery)) return 'background';
  return 'metadata';
}
