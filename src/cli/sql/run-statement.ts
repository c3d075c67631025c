/**
 * Runs one statement for `sql` and `shell`: local SET/USE, or submit → wait → page through the
 * results, applying the changelog to a table (or printing the changes themselves).
 */
import type { Io } from '../terminal.js';
import { OP_TEXT, renderCsv, renderTextTable, ResultTable, typedValue } from './result-table.js';
import { newStatementName, type StatementView } from './statement-client.js';
import type { SqlTarget } from './sql-context.js';
import type { SqlSession } from './sql-session.js';

export type OutputFormat = 'table' | 'json' | 'csv';

export interface RunOptions {
  readonly format: OutputFormat;
  readonly changelog: boolean;
  readonly bounded: boolean;
  readonly signal: AbortSignal;
  /** Called with the table after every page (the shell's live view). */
  readonly onPage?: (table: ResultTable, s: StatementView) => void;
  /** Print the final table (false when the caller renders it live). */
  readonly printResult?: boolean;
  /** How long to wait for the statement to leave PENDING (default 60 s). */
  readonly waitMs?: number;
}

export interface RunResult {
  readonly ok: boolean;
  readonly statement?: StatementView;
  readonly table?: ResultTable;
  /** JSON form of the final table (for `--format json` over many statements). */
  readonly json?: unknown;
}

const RESULT_KINDS = /^(SELECT|SHOW|DESCRIBE|EXPLAIN|VALUES)/;

export async function runStatement(io: Io, target: SqlTarget, session: SqlSession, text: string, o: RunOptions): Promise<RunResult> {
  const local = session.handle(text);
  if (local.kind === 'error') { io.err(`Error: ${local.message}\n`); return { ok: false }; }
  if (local.kind === 'table') {
    if (o.format === 'json') return { ok: true, json: Object.fromEntries(local.rows.map(([k, v]) => [k, v])) };
    io.out(renderTextTable(local.columns, local.rows));
    return { ok: true };
  }
  const props = session.properties();
  if (o.bounded && props['sql.tables.scan.bounded.mode'] === undefined) props['sql.tables.scan.bounded.mode'] = 'latest-offset';
  const name = session.get('client.statement-name') ?? newStatementName();
  if (session.get('client.statement-name')) session.handle("RESET 'client.statement-name'");
  await target.statements.create(name, text, props, target.computePoolId);
  let s = await target.statements.settle(name, o.signal, o.waitMs ?? 60_000);
  if (s.phase === 'FAILED' || s.phase === 'FAILING') return failed(io, target, s);
  if (s.phase === 'PENDING') {
    io.err(`Error: statement ${name} is still PENDING${s.detail ? ` (${s.detail})` : ''}. It keeps waiting in the cloud; see it with: streamform statement describe ${name}\n`);
    return { ok: false, statement: s };
  }
  const wantsResults = s.columns.length > 0 && (s.sqlKind === undefined || RESULT_KINDS.test(s.sqlKind) || s.sqlKind === 'SELECT');
  if (!wantsResults) {
    io.out(s.phase === 'COMPLETED' ? `${s.detail || 'Statement completed.'}\n` : `Statement name: ${s.name}\nStatement phase: ${s.phase}\n${s.detail ? s.detail + '\n' : ''}`);
    return { ok: true, statement: s };
  }
  const table = new ResultTable(s.columns, s.upsertColumns);
  const names = s.columns.map((c) => c.name);
  let next: string | undefined;
  let first = true;
  let delay = 50;
  while (first || next !== undefined) {
    if (o.signal.aborted) { await target.statements.stop(name); break; }
    const page = await target.statements.results(name, next);
    first = false;
    next = page.next;
    if (o.changelog) {
      for (const c of page.rows) {
        if (o.format === 'json') io.out(JSON.stringify({ op: OP_TEXT[c.op], ...Object.fromEntries(c.row.map((v, i) => [names[i], typedValue(v, s.columns[i])])) }) + '\n');
        else io.out(`${OP_TEXT[c.op]} | ${c.row.map((v) => (v === null ? 'NULL' : typeof v === 'string' ? v : JSON.stringify(v))).join(' | ')}\n`);
      }
    }
    table.apply(page.rows);
    o.onPage?.(table, s);
    if (next !== undefined && page.rows.length === 0) {
      s = await target.statements.get(name);
      if (s.phase === 'FAILED' || s.phase === 'FAILING') return failed(io, target, s);
      if (s.phase === 'STOPPED') break;
      await new Promise<void>((r) => { const t = setTimeout(r, delay); o.signal.addEventListener('abort', () => { clearTimeout(t); r(); }, { once: true }); });
      delay = Math.min(delay * 2, 800);
    } else delay = 50;
  }
  const json = table.rows.map((r) => Object.fromEntries(r.map((v, i) => [names[i], typedValue(v, s.columns[i])])));
  if (!o.changelog && o.printResult !== false) {
    if (o.format === 'table') io.out(renderTextTable(names, table.rows));
    else if (o.format === 'csv') io.out(renderCsv(names, table.rows));
  }
  return { ok: true, statement: s, table, json };
}

async function failed(io: Io, target: SqlTarget, s: StatementView): Promise<RunResult> {
  let detail = s.detail;
  if (!detail) detail = (await target.statements.exceptions(s.name))[0]?.message ?? 'The statement failed.';
  io.err(`Error: ${detail}\n`);
  return { ok: false, statement: s };
}
