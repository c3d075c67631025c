/**
 * cli/sql: `streamform sql` (one-shot statements) and `streamform shell` (interactive), both
 * clients of the sql/v1 statements API. Depends on cli/inside (connection, context) and views.
 */
export { registerSqlCommand, runSql } from './sql-command.js';
export { registerShellCommand, runShell } from './shell-command.js';
export { splitStatements } from './statement-splitter.js';
export { SqlSession } from './sql-session.js';
export { registerStatementCommands } from './statement-commands.js';
