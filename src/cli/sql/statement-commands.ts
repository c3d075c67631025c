/**
 * `streamform statement list|describe|exceptions|stop|resume|delete`: the statements of an
 * environment, like `confluent flink statement …`, all with --json.
 */
import type { Command } from 'commander';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import { InsideError, withConnection } from '../inside/index.js';
import type { Io } from '../terminal.js';
import { resolveSqlTarget, type SqlTarget } from './sql-context.js';

type Flags = Record<string, unknown>;

function table(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (vals: readonly string[]): string => '  ' + vals.map((v, i) => v.padEnd(widths[i]!)).join(' | ');
  return [fmt(columns), '  ' + widths.map((w) => '-'.repeat(w)).join('-+-'), ...rows.map(fmt)].join('\n') + '\n';
}

async function withTarget(io: Io, dir: string, o: Flags, fn: (t: SqlTarget) => Promise<number>): Promise<number> {
  try {
    const t = await resolveSqlTarget(io, dir, {
      ...(o.url ? { url: String(o.url) } : {}), ...(o.apiKey ? { apiKey: String(o.apiKey) } : {}), ...(o.dataDir ? { dataDir: String(o.dataDir) } : {}),
      ...(o.environment ? { environment: String(o.environment) } : {}),
    });
    return await fn(t);
  } catch (e) {
    if (e instanceof InsideError) {
      io.err(o.json ? JSON.stringify({ error: { summary: e.diagnostic.summary, detail: e.diagnostic.detail ?? '' } }) + '\n' : `Error: ${e.diagnostic.summary}${e.diagnostic.detail ? '\n\n' + e.diagnostic.detail : ''}\n`);
      return EXIT_ERROR;
    }
    throw e;
  }
}

interface RawStatement {
  name: string;
  metadata?: { created_at?: string; resource_version?: string };
  spec?: { statement?: string; compute_pool_id?: string; principal?: string; stopped?: boolean; properties?: Record<string, string> };
  status?: {
    phase?: string; detail?: string; latest_offsets?: Record<string, string>; latest_offsets_timestamp?: string; traits?: { sql_kind?: string };
    scaling_status?: { scaling_state?: string };
  };
}

function describe(s: RawStatement): Record<string, unknown> {
  return {
    name: s.name, phase: s.status?.phase ?? '', detail: s.status?.detail ?? '', statement: s.spec?.statement ?? '',
    compute_pool: s.spec?.compute_pool_id ?? '', principal: s.spec?.principal ?? '', sql_kind: s.status?.traits?.sql_kind ?? '',
    creation_time: s.metadata?.created_at ?? '', properties: s.spec?.properties ?? {}, scaling_state: s.status?.scaling_status?.scaling_state ?? '',
    latest_offsets: s.status?.latest_offsets ?? {}, latest_offsets_timestamp: s.status?.latest_offsets_timestamp ?? '',
  };
}

export function registerStatementCommands(program: Command, io: Io, dir: string, set: (code: number) => void): void {
  const st = program.command('statement').description('Flink SQL statements of an environment (like confluent flink statement)');
  const env = (c: Command): Command => withConnection(c).option('--environment <env>', 'environment id or name (default: the only one)');
  env(st.command('list').description('List statements')).option('--status <phase>', 'only statements in this phase').option('--compute-pool <pool>')
    .action(async (o: Flags) => set(await withTarget(io, dir, o, async (t) => {
      const all = (await t.client.list(`${statementsPath(t)}`, o.computePool ? { 'spec.compute_pool_id': String(o.computePool) } : {})) as RawStatement[];
      const list = all.filter((s) => !o.status || (s.status?.phase ?? '').toLowerCase() === String(o.status).toLowerCase()).map(describe);
      if (o.json) io.out(JSON.stringify(list, null, 2) + '\n');
      else io.out(table(['Name', 'Phase', 'Statement', 'Compute Pool', 'Creation Time', 'Detail'], list.map((s) => [String(s.name), String(s.phase), String(s.statement).replace(/\s+/g, ' ').slice(0, 60), String(s.compute_pool), String(s.creation_time), String(s.detail)])));
      return EXIT_OK;
    })));
  env(st.command('describe').argument('<name>').description('Show a statement with its phase, detail and latest offsets'))
    .action(async (name: string, o: Flags) => set(await withTarget(io, dir, o, async (t) => {
      const s = { ...describe(await t.client.ok('GET', `${statementsPath(t)}/${name}`) as RawStatement), ...await autopilotOf(t, name) };
      if (o.json) io.out(JSON.stringify(s, null, 2) + '\n');
      else io.out(Object.entries(s).map(([k, v]) => `${k.padEnd(25)} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join('\n') + '\n');
      return EXIT_OK;
    })));
  env(st.command('exceptions').argument('<name>').description('List a statement\'s exceptions, newest first'))
    .action(async (name: string, o: Flags) => set(await withTarget(io, dir, o, async (t) => {
      const ex = await t.statements.exceptions(name);
      if (o.json) io.out(JSON.stringify(ex, null, 2) + '\n');
      else io.out(table(['Timestamp', 'Name', 'Message'], ex.map((e) => [e.timestamp, e.name, e.message])));
      return EXIT_OK;
    })));
  for (const [verb, stopped] of [['stop', true], ['resume', false]] as const) {
    env(st.command(verb).argument('<name>').description(stopped ? 'Stop a statement (it keeps its position)' : 'Resume a stopped statement where it stopped'))
      .option('--principal <sa>', 'resume as another principal').option('--compute-pool <pool>', 'resume on another pool')
      .action(async (name: string, o: Flags) => set(await withTarget(io, dir, o, async (t) => {
        // The status moves on its own (phases, Autopilot's scaling state) and the PUT carries the
        // resource version read: on a conflict (409) read again and retry a few times.
        for (let attempt = 1; ; attempt++) {
          const cur = await t.client.ok('GET', `${statementsPath(t)}/${name}`) as { spec: Record<string, unknown>; metadata: Record<string, unknown> };
          const spec = { ...cur.spec, stopped, ...(o.principal && !stopped ? { principal: String(o.principal) } : {}), ...(o.computePool && !stopped ? { compute_pool_id: String(o.computePool) } : {}) };
          try {
            await t.client.ok('PUT', `${statementsPath(t)}/${name}`, { body: { name, spec, metadata: cur.metadata } });
            break;
          } catch (e) {
            if (!(e instanceof InsideError) || e.status !== 409 || attempt >= 5) throw e;
          }
        }
        io.out(o.json ? JSON.stringify({ name, requested: verb }) + '\n' : `Requested to ${verb} Flink SQL statement "${name}".\n`);
        return EXIT_OK;
      })));
  }
  env(st.command('delete').argument('<names...>').description('Delete statements')).option('--force', 'no confirmation')
    .action(async (names: string[], o: Flags) => set(await withTarget(io, dir, o, async (t) => {
      if (!o.force && io.stdinTTY) {
        const a = await io.prompt(`Are you sure you want to delete Flink SQL statement${names.length > 1 ? 's' : ''} ${names.map((n) => `"${n}"`).join(', ')}? (y/n): `);
        if (!/^y(es)?$/i.test(a.trim())) return EXIT_ERROR;
      }
      for (const n of names) await t.client.ok('DELETE', `${statementsPath(t)}/${n}`);
      io.out(o.json ? JSON.stringify({ deleted: names }) + '\n' : `Deleted Flink SQL statement${names.length > 1 ? 's' : ''} ${names.map((n) => `"${n}"`).join(', ')}.\n`);
      return EXIT_OK;
    })));
}

/**
 * The running job's parallelism from the local cloud's metrics (Autopilot); nothing when the
 * endpoint has no such route (a real Confluent Cloud) or the statement runs no job.
 */
async function autopilotOf(t: SqlTarget, name: string): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await t.client.ok('GET', '/metrics/v1/flink', { query: { environment: t.environment.id } });
  } catch {
    return {};
  }
  const rows = (body as { statements?: Record<string, unknown>[] }).statements ?? [];
  const m = rows.find((r) => r['name'] === name);
  if (m === undefined || typeof m['parallelism'] !== 'number' || m['parallelism'] === 0) return {};
  return {
    parallelism: m['parallelism'], max_parallelism: m['max_parallelism'],
    ...(typeof m['parallelism_limit_reason'] === 'string' ? { parallelism_limit_reason: m['parallelism_limit_reason'] } : {}),
  };
}

function statementsPath(t: SqlTarget): string {
  return t.statements.basePath;
}
