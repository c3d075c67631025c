/**
 * `streamform sql -e "…"` / `-f file.sql`: runs statements one after another against the cloud,
 * printing each SELECT's final table (`--format table|json|csv`) or its changes (`--changelog`).
 * Exit code 1 when a statement fails.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import { parseDuration } from '../flags.js';
import { interruptController } from '../interrupt.js';
import { InsideError, withConnection } from '../inside/index.js';
import type { Io } from '../terminal.js';
import { runStatement, type OutputFormat } from './run-statement.js';
import { resolveSqlTarget } from './sql-context.js';
import { SqlSession } from './sql-session.js';
import { splitStatements } from './statement-splitter.js';

export function registerSqlCommand(program: Command, io: Io, dir: string, set: (code: number) => void): void {
  withConnection(program.command('sql').description('Run Flink SQL statements (one-shot) and print their results'))
    .option('-e, --execute <sql>', 'the statements to run')
    .option('-f, --file <file>', 'a file of statements separated by ;')
    .option('--catalog <catalog>', 'current catalog (environment name or id)')
    .option('--database <database>', 'current database (Kafka cluster name or id)')
    .option('--environment <env>', 'environment id or name (default: the catalog\'s, else the only one)')
    .option('--compute-pool <pool>', 'compute pool id (default: the environment\'s first)')
    .option('--bounded', 'read sources up to their current end offsets, then complete')
    .option('--format <format>', 'table, json or csv', 'table')
    .option('--changelog', 'print every change with its op (+I/-U/+U/-D) instead of the final table')
    .option('--wait <duration>', 'how long a statement may stay PENDING', '60s')
    .action(async (o: Record<string, unknown>) => set(await runSql(io, dir, o)));
}

export async function runSql(io: Io, dir: string, o: Record<string, unknown>): Promise<number> {
  const format = String(o.format ?? 'table') as OutputFormat;
  if (!['table', 'json', 'csv'].includes(format)) { io.err(`Error: --format must be table, json or csv, not "${format}".\n`); return EXIT_ERROR; }
  let script: string;
  if (typeof o.execute === 'string') script = o.execute;
  else if (typeof o.file === 'string') {
    try { script = readFileSync(resolve(dir, o.file), 'utf8'); } catch { io.err(`Error: cannot read ${o.file}\n`); return EXIT_ERROR; }
  } else { io.err('Error: give the SQL with -e "…" or -f FILE.\n'); return EXIT_ERROR; }
  const statements = splitStatements(script);
  if (!statements.length) { io.err('Error: no statements to run.\n'); return EXIT_ERROR; }
  const intr = interruptController(io);
  try {
    const target = await resolveSqlTarget(io, dir, {
      ...(o.url ? { url: String(o.url) } : {}), ...(o.apiKey ? { apiKey: String(o.apiKey) } : {}), ...(o.dataDir ? { dataDir: String(o.dataDir) } : {}),
      ...(o.environment ? { environment: String(o.environment) } : {}), ...(o.catalog ? { catalog: String(o.catalog) } : {}), ...(o.computePool ? { computePool: String(o.computePool) } : {}),
    });
    const session = new SqlSession({ catalog: typeof o.catalog === 'string' ? o.catalog : target.environment.name, database: typeof o.database === 'string' ? o.database : undefined });
    const jsonResults: unknown[] = [];
    for (const st of statements) {
      const r = await runStatement(io, target, session, st.text, { format, changelog: o.changelog === true, bounded: o.bounded === true, signal: intr.signal, waitMs: parseDuration(String(o.wait ?? '60s')) ?? 60_000 });
      if (r.json !== undefined && format === 'json' && o.changelog !== true) jsonResults.push(r.json);
      if (!r.ok) {
        if (statements.length > 1) io.err(`(statement at line ${st.line} of the script)\n`);
        return EXIT_ERROR;
      }
      if (intr.signal.aborted) break;
    }
    if (format === 'json' && o.changelog !== true) io.out(JSON.stringify(jsonResults.length === 1 ? jsonResults[0] : jsonResults, null, 2) + '\n');
    return EXIT_OK;
  } catch (e) {
    if (e instanceof InsideError) { io.err(`Error: ${e.diagnostic.summary}${e.diagnostic.detail ? '\n\n' + e.diagnostic.detail : ''}\n`); return EXIT_ERROR; }
    throw e;
  } finally {
    intr.dispose();
  }
}
