/**
 * `streamform shell`: an interactive Flink SQL shell like `confluent flink shell` and Flink's SQL
 * client. Multi-line input ends at `;`; history is kept in ~/.streamform/shell_history; Tab
 * completes keywords and table names; SET/USE are client-side; SELECT results are a live table
 * that applies the changelog (`SET 'client.results-mode' = 'changelog'` prints the changes
 * instead). Ctrl-C stops the running query; `quit` leaves. Without a terminal, output is plain.
 */
import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import type { Command } from 'commander';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import { InsideError, withConnection } from '../inside/index.js';
import type { Io } from '../terminal.js';
import { renderTextTable } from './result-table.js';
import { runStatement } from './run-statement.js';
import { resolveSqlTarget, type SqlTarget } from './sql-context.js';
import { SqlSession } from './sql-session.js';
import { splitStatements } from './statement-splitter.js';

const KEYWORDS = ['SELECT', 'FROM', 'WHERE', 'GROUP BY', 'HAVING', 'ORDER BY', 'LIMIT', 'INSERT INTO', 'CREATE TABLE', 'ALTER TABLE', 'DROP TABLE',
  'SHOW TABLES', 'SHOW CATALOGS', 'SHOW DATABASES', 'SHOW CREATE TABLE', 'SHOW FUNCTIONS', 'DESCRIBE', 'DESCRIBE EXTENDED', 'EXPLAIN', 'USE CATALOG', 'USE',
  'SET', 'RESET', 'EXECUTE STATEMENT SET', 'BEGIN', 'END', 'JOIN', 'LEFT JOIN', 'ON', 'AS', 'AND', 'OR', 'NOT', 'NULL', 'CASE', 'WHEN', 'THEN', 'ELSE',
  'CAST', 'TUMBLE', 'HOP', 'CUMULATE', 'SESSION', 'DESCRIPTOR', 'TABLE', 'PRIMARY KEY', 'NOT ENFORCED', 'DISTRIBUTED BY', 'INTO', 'BUCKETS', 'WITH',
  'COUNT', 'SUM', 'AVG', 'MIN', 'MAX', 'INTERVAL', 'UNION ALL', '`$rowtime`', 'quit', 'exit', 'help'];

const HELP = `Statements end with ;  and may span lines.
  SET 'key' = 'value';          session property (SET; lists them, RESET 'key'; removes)
  USE CATALOG <environment>;    USE <database>;    USE \`catalog\`.\`database\`;
  SET 'client.results-mode' = 'changelog';   show +I/-U/+U/-D changes instead of the table
  Ctrl-C stops a running query; quit or exit leaves the shell.
`;

function historyFile(): string { return join(homedir(), '.streamform', 'shell_history'); }

function loadHistory(): string[] {
  try { return readFileSync(historyFile(), 'utf8').split('\n').filter(Boolean).reverse().slice(0, 500); } catch { return []; }
}

function saveHistory(line: string): void {
  try { mkdirSync(join(homedir(), '.streamform'), { recursive: true }); appendFileSync(historyFile(), line.replace(/\n/g, ' ') + '\n'); } catch { /* history is best effort */ }
}

/** True when the buffer holds a complete statement (ends with ; outside quotes/comments/BEGIN…END). */
export function isComplete(buffer: string): boolean {
  const t = buffer.trim();
  if (/^(quit|exit|help)$/i.test(t)) return true;
  if (!t.endsWith(';')) return false;
  const parts = splitStatements(buffer + '\nSELECT 1');
  return parts.length > 1 && parts[parts.length - 1]!.text === 'SELECT 1';
}

export function registerShellCommand(program: Command, io: Io, dir: string, set: (code: number) => void): void {
  withConnection(program.command('shell').description('Interactive Flink SQL shell (like confluent flink shell)'))
    .option('--catalog <catalog>', 'current catalog (environment name or id)')
    .option('--database <database>', 'current database (Kafka cluster name or id)')
    .option('--environment <env>', 'environment id or name')
    .option('--compute-pool <pool>', 'compute pool id')
    .action(async (o: Record<string, unknown>) => set(await runShell(io, dir, o)));
}

async function tableNames(target: SqlTarget, session: SqlSession): Promise<string[]> {
  try {
    const silent: Io = { out: () => undefined, err: () => undefined, isTTY: false, stdinTTY: false, prompt: async () => '' };
    const r = await runStatement(silent, target, session, 'SHOW TABLES', { format: 'json', changelog: false, bounded: false, signal: AbortSignal.timeout(3000), printResult: false });
    return (r.table?.rows ?? []).map((row) => String(row[0]));
  } catch { return []; }
}

export async function runShell(io: Io, dir: string, o: Record<string, unknown>): Promise<number> {
  let target: SqlTarget;
  try {
    target = await resolveSqlTarget(io, dir, {
      ...(o.url ? { url: String(o.url) } : {}), ...(o.apiKey ? { apiKey: String(o.apiKey) } : {}), ...(o.dataDir ? { dataDir: String(o.dataDir) } : {}),
      ...(o.environment ? { environment: String(o.environment) } : {}), ...(o.catalog ? { catalog: String(o.catalog) } : {}), ...(o.computePool ? { computePool: String(o.computePool) } : {}),
    });
  } catch (e) {
    if (e instanceof InsideError) { io.err(`Error: ${e.diagnostic.summary}${e.diagnostic.detail ? '\n\n' + e.diagnostic.detail : ''}\n`); return EXIT_ERROR; }
    throw e;
  }
  const session = new SqlSession({ catalog: typeof o.catalog === 'string' ? o.catalog : target.environment.name, database: typeof o.database === 'string' ? o.database : undefined });
  const tty = io.isTTY && io.stdinTTY;
  let tables: string[] = tty ? await tableNames(target, session) : [];
  const rl: Interface = createInterface({
    input: process.stdin, output: process.stdout, terminal: tty,
    ...(tty ? { history: loadHistory(), historySize: 500, completer: (line: string): [string[], string] => {
      const word = /[\w`$.]*$/.exec(line)?.[0] ?? '';
      const pool = [...KEYWORDS, ...tables];
      const hits = pool.filter((k) => k.toLowerCase().startsWith(word.toLowerCase()));
      return [hits.length ? hits : pool, word];
    } } : {}),
  });
  const prompt = (): string => `${session.catalog ?? '(no catalog)'}${session.database ? '.' + session.database : ''}> `;
  if (tty) io.out(`Welcome to the streamform Flink SQL shell (${target.client.url}, environment ${target.environment.name}).\nType help; for help, quit; to leave.\n\n`);
  let buffer = '';
  let running: AbortController | undefined;
  let failures = 0;
  rl.on('SIGINT', () => {
    if (running) { running.abort(); return; }
    if (buffer) { buffer = ''; io.out('\n'); rl.setPrompt(prompt()); rl.prompt(); return; }
    rl.close();
  });
  rl.setPrompt(prompt());
  if (tty) rl.prompt();
  for await (const line of rl) {
    buffer += (buffer ? '\n' : '') + line;
    if (!isComplete(buffer)) { if (tty) { rl.setPrompt('> '); rl.prompt(); } continue; }
    const text = buffer.trim();
    buffer = '';
    if (tty) saveHistory(text);
    if (/^(quit|exit);?$/i.test(text)) break;
    if (/^help;?$/i.test(text)) { io.out(HELP); if (tty) { rl.setPrompt(prompt()); rl.prompt(); } continue; }
    for (const st of splitStatements(text)) {
      running = new AbortController();
      const changelog = session.get('client.results-mode') === 'changelog';
      let drawn = 0;
      const r = await runStatement(io, target, session, st.text, {
        format: 'table', changelog, bounded: false, signal: running.signal, printResult: !tty,
        ...(tty && !changelog ? { onPage: (table) => {
          // Redraw in place: save the cursor before the first draw, restore and clear after.
          const rows = table.rows.slice(-(Math.max(5, (process.stdout.rows ?? 40) - 8)));
          const text = renderTextTable(table.columns.map((c) => c.name), rows);
          io.out(drawn ? '\x1b8\x1b[J' : '\x1b7');
          io.out(text);
          drawn = 1;
        } } : {}),
      }).catch((e: unknown) => { io.err(`Error: ${e instanceof InsideError ? e.diagnostic.summary : (e as Error).message}\n`); return { ok: false }; });
      running = undefined;
      if (!r.ok) failures++;
      if (/^\s*(create|drop|alter)\b/i.test(st.text) && tty) tables = await tableNames(target, session);
    }
    if (tty) { rl.setPrompt(prompt()); rl.prompt(); }
  }
  rl.close();
  return failures && !tty ? EXIT_ERROR : EXIT_OK;
}
