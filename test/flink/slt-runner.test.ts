/**
 * Runs every `test/flink/slt/*.slt` file (format: test/flink/slt/README.md) against a real
 * in-process local cloud with the statement executor: statements go through the sql/v1 REST API,
 * input records are written with the table's own codec, results come back through `/results`,
 * sink tables are read back from their topics. Every job query is also re-run with a checkpoint and
 * a restore into a fresh job after every slice, which must give the same results (recovery proof).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { FlinkHarness } from '../../src/cloud/flink/executor/executor-harness.js';
import { writableColumns } from '../../src/cloud/flink/binder/index.js';
import { prepareStatement, tableDeserializer } from '../../src/cloud/flink/executor/index.js';
import { buildJob } from '../../src/cloud/flink/executor/job-builder.js';
import { TaskRunner } from '../../src/cloud/flink/runtime/index.js';
import { systemIds } from '../../src/shared/index.js';
import type { Clock } from '../../src/shared/index.js';
import { castValue, compileFormatter, parseTimestamp, stringType } from '../../src/cloud/flink/types/index.js';
import type { FormattedValue, LogicalType } from '../../src/cloud/flink/types/index.js';

const DIR = fileURLToPath(new URL('../../../test/flink/slt/', import.meta.url));
/** Every job reads what is in its topics when it starts, then completes. */
const BOUNDED = { 'sql.tables.scan.bounded.mode': 'latest-offset' };

type Block =
  | { kind: 'set'; line: number; key: string; value?: string }
  | { kind: 'statement'; line: number; sql: string; error?: string; running?: string }
  | { kind: 'stop' | 'resume'; line: number; name: string }
  | { kind: 'proctime'; line: number; time: string }
  | { kind: 'records'; line: number; table: string; rows: string[] }
  | { kind: 'query'; line: number; mode: 'changelog' | 'rows'; sql: string; expected: string[] }
  | { kind: 'explain'; line: number; sql: string; expected: string[] }
  | { kind: 'sink'; line: number; table: string; changelog: boolean; expected: string[] };

/** Splits a file into blocks separated by blank lines; `#` lines are comments. */
function parseSlt(text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const head = (lines[i] ?? '').trim();
    if (head === '' || head.startsWith('#')) { i++; continue; }
    const line = i + 1;
    const body: string[] = [];
    i++;
    while (i < lines.length && (lines[i] ?? '').trim() !== '') { if (!(lines[i] ?? '').trim().startsWith('#')) body.push(lines[i] ?? ''); i++; }
    const sep = body.indexOf('----');
    const before = sep < 0 ? body : body.slice(0, sep);
    const after = sep < 0 ? [] : body.slice(sep + 1).map((l) => l.trim());
    const [directive = '', ...args] = head.split(/\s+/);
    switch (directive) {
      case 'statement': {
        const error = args[0] === 'error' ? head.replace(/^statement\s+error\s*/, '') : undefined;
        const running = args[0] === 'running' ? args[1] ?? '' : undefined;
        blocks.push({ kind: 'statement', line, sql: before.join('\n'), ...(error === undefined ? {} : { error }), ...(running === undefined ? {} : { running }) });
        break;
      }
      case 'explain': blocks.push({ kind: 'explain', line, sql: before.join('\n'), expected: after }); break;
      case 'proctime': blocks.push({ kind: 'proctime', line, time: args.join(' ') }); break;
      case 'stop': case 'resume': blocks.push({ kind: directive, line, name: args[0] ?? '' }); break;
      case 'set': {
        const m = /^set\s+(\S+)\s*=\s*(.*)$/.exec(head);
        if (m === null) throw new Error(`line ${line}: expected 'set key = value'`);
        blocks.push({ kind: 'set', line, key: m[1] ?? '', value: (m[2] ?? '').trim() });
        break;
      }
      case 'reset': blocks.push({ kind: 'set', line, key: args[0] ?? '' }); break;
      case 'records': blocks.push({ kind: 'records', line, table: args[0] ?? '', rows: before.map((l) => l.trim()) }); break;
      case 'query': blocks.push({ kind: 'query', line, mode: args[0] === 'changelog' ? 'changelog' : 'rows', sql: before.join('\n'), expected: after }); break;
      case 'sink': {
        const changelog = args[0] === 'changelog';
        blocks.push({ kind: 'sink', line, table: (changelog ? args[1] : args[0]) ?? '', changelog, expected: after });
        break;
      }
      default: throw new Error(`line ${line}: unknown directive '${directive}'`);
    }
  }
  return blocks;
}

function cell(v: FormattedValue | unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (Array.isArray(v)) return `[${v.map(cell).join(', ')}]`;
  return String(v);
}

/** A text cell → the column's runtime value (CAST from STRING; `NULL` is null). */
function valueOf(text: string, type: LogicalType): unknown {
  return text === 'NULL' ? null : castValue(text, stringType(), type, { timeZone: 'UTC' });
}

/** Folds a changelog into the final rows (+I/+U add a row, -U/-D remove one). */
function fold(changes: readonly { op: number; row: readonly unknown[] }[]): string[] {
  const rows: string[] = [];
  for (const c of changes) {
    const text = c.row.map(cell).join(' | ');
    if (c.op === 0 || c.op === 2) rows.push(text);
    else { const k = rows.indexOf(text); if (k >= 0) rows.splice(k, 1); }
  }
  return rows.sort();
}

const OPS = ['+I', '-U', '+U', '-D'];

/**
 * Runs a SELECT by hand (undefined for metadata statements): plan, build the job, and after every slice take a checkpoint, drop the job
 * and restore a freshly built one from that checkpoint. Returns the committed result changes.
 */
function recoveredRun(h: FlinkHarness, sql: string, props: Readonly<Record<string, string>>, statement: string, clock: Clock): { op: number; row: readonly unknown[] }[] | undefined {
  const properties = { 'sql.current-catalog': 'dev', 'sql.current-database': 'cluster_0', ...props };
  const prepared = prepareStatement(sql, properties, h.catalog, { firstLaunch: true, clock, ids: systemIds });
  assert.ok(prepared.value !== undefined, prepared.diagnostics.map((d) => d.summary).join('\n'));
  if (prepared.value.kind !== 'job') return undefined; // SHOW / DESCRIBE / EXPLAIN: nothing runs
  const { plan, timeZone } = prepared.value;
  const out: { op: number; row: readonly unknown[] }[] = [];
  const fresh = (): TaskRunner => {
    const job = buildJob(plan, { topics: h.cloud.topics, schemaRegistry: h.cloud.schemaRegistry, clock, timeZone, deliverResults: (cs) => { out.push(...cs); } });
    assert.ok(job.value !== undefined, job.diagnostics.map((d) => d.summary).join('\n'));
    const r = new TaskRunner(job.value, { statement, db: h.cloud.database, clock });
    r.restore();
    return r;
  };
  let runner = fresh();
  for (let slices = 0; runner.step() !== 'done'; slices++) {
    assert.ok(slices < 100_000, 'the recovered run does not end');
    runner.checkpoint();
    runner = fresh();
  }
  assert.equal(runner.phase, 'COMPLETED', String(runner.failure?.error));
  return out;
}

/** A sink as the `sink` directive compares it: every record in order (`changelog`), else the table's rows, sorted. */
function sinkView(h: FlinkHarness, table: string, changelog: boolean): string[] {
  const records = sinkRecords(h, table);
  if (changelog) return records.map((r) => `${r.op} | ${r.text}`.trimEnd());
  // An upsert table holds the last record per key (a tombstone removes the key); others hold every record.
  const upsert = h.table(table).changelogMode === 'upsert';
  const latest = new Map<string, string>();
  const all: string[] = [];
  for (const r of records) {
    if (!upsert) all.push(r.text);
    else if (r.op === '-D') latest.delete(r.key);
    else latest.set(r.key, r.text);
  }
  return (upsert ? [...latest.values()] : all).sort();
}

/**
 * A table's topic as changes, partition by partition in offset order: append records are +I;
 * upsert records +U, or -D for a tombstone; retract records carry their kind in the `op` header.
 */
function sinkRecords(h: FlinkHarness, name: string): { op: string; key: string; text: string }[] {
  const t = h.table(name);
  const cols = writableColumns(t).filter((c) => c.kind === 'physical');
  const fmt = cols.map((c) => compileFormatter(c.type, { timeZone: 'UTC' }));
  const de = tableDeserializer(t, cols, h.cloud.schemaRegistry.codec(t.schemaRegistryId ?? ''));
  if (de.value === undefined) throw new Error(de.diagnostics.map((d) => d.summary).join('\n'));
  const out: { op: string; key: string; text: string }[] = [];
  for (const p of h.cloud.topics.partitionOffsets(h.clusterId, name)) {
    for (const r of h.cloud.topics.read(h.clusterId, name, p.partition, p.logStartOffset, 1_000_000).records) {
      const row = de.value(r);
      if (row instanceof Error) throw row;
      const opByte = r.headers?.find((x) => x.key === 'op')?.value?.[0];
      const op = t.changelogMode === 'upsert' ? (r.value === null ? '-D' : '+U') : t.changelogMode === 'retract' ? OPS[opByte ?? 0] ?? '?' : '+I';
      const text = row.map((v, i) => (v === null ? 'NULL' : cell((fmt[i] ?? String)(v)))).join(' | ');
      out.push({ op, key: r.key === null ? '' : r.key.toString('hex'), text });
    }
  }
  return out;
}

async function runFile(file: string): Promise<void> {
  const blocks = parseSlt(readFileSync(join(DIR, file), 'utf8'));
  // Wall time until a `proctime` directive fixes the clock (processing time: PROCTIME(), proctime windows).
  let fixedTime: number | undefined;
  const clock: Clock = { now: () => fixedTime ?? Date.now() };
  const h = await FlinkHarness.start({ clock });
  try {
    let n = 0;
    const props: Record<string, string> = { ...BOUNDED };
    /** Unbounded statements started with `statement running`: sinks they write are awaited. */
    const running = new Set<string>();
    for (const b of blocks) {
      const where = `${file}:${b.line}`;
      const name = `slt-${++n}`;
      switch (b.kind) {
        case 'stop': {
          assert.equal((await h.setStopped(b.name, true)).status, 200, where);
          assert.equal((await h.awaitPhase(b.name, ['STOPPED', 'FAILED'])).status.phase, 'STOPPED', where);
          running.delete(b.name);
          break;
        }
        case 'resume': {
          assert.equal((await h.setStopped(b.name, false)).status, 200, where);
          const s = await h.awaitPhase(b.name, ['RUNNING', 'FAILED']);
          assert.equal(s.status.phase, 'RUNNING', `${where}: ${s.status.detail}`);
          running.add(b.name);
          break;
        }
        case 'proctime': {
          // Running jobs first read everything written so far (at the old time), then the clock moves.
          await h.until(() => [...running].every((r) => h.caughtUp(r)), `${where}: running jobs catch up`, 10_000);
          const t = /^\d+$/.test(b.time) ? Number(b.time) : parseTimestamp(b.time);
          assert.ok(t !== undefined && Number.isFinite(t), `${where}: bad time '${b.time}'`);
          fixedTime = t;
          break;
        }
        case 'set': {
          if (b.value === undefined) delete props[b.key];
          else props[b.key] = b.value;
          break;
        }
        case 'statement': {
          if (b.running !== undefined) {
            // An unbounded job: it keeps running until a `stop` directive.
            const { 'sql.tables.scan.bounded.mode': _bounded, ...unbounded } = props;
            const s = await h.run(b.running, b.sql, { properties: unbounded, until: ['RUNNING', 'FAILED', 'COMPLETED'] });
            assert.equal(s.status.phase, 'RUNNING', `${where}: ${s.status.detail}`);
            running.add(b.running);
            break;
          }
          const s = await h.run(name, b.sql, { properties: props, until: ['COMPLETED', 'FAILED', 'STOPPED'] });
          if (b.error === undefined) assert.equal(s.status.phase, 'COMPLETED', `${where}: ${s.status.detail}`);
          else {
            assert.equal(s.status.phase, 'FAILED', `${where}: expected an error`);
            assert.ok(s.status.detail.includes(b.error), `${where}: '${s.status.detail}' does not contain '${b.error}'`);
          }
          break;
        }
        case 'records': {
          const t = h.table(b.table);
          const cols = writableColumns(t);
          const rows: unknown[][] = [];
          const times: (number | undefined)[] = [];
          for (const r of b.rows) {
            const [data = '', at] = r.split(' @ ');
            const cells = data.split('|').map((c) => c.trim());
            assert.equal(cells.length, cols.length, `${where}: ${cols.length} columns expected in '${r}'`);
            rows.push(cells.map((c, i) => valueOf(c, (cols[i] as { type: LogicalType }).type)));
            times.push(at === undefined ? undefined : /^\d+$/.test(at.trim()) ? Number(at.trim()) : parseTimestamp(at.trim()));
          }
          h.produce(b.table, rows, times);
          break;
        }
        case 'query': {
          const s = await h.run(name, b.sql, { properties: props, until: ['COMPLETED', 'FAILED', 'STOPPED'] });
          assert.equal(s.status.phase, 'COMPLETED', `${where}: ${s.status.detail}`);
          const changes = await h.results(name);
          const render = (cs: readonly { op: number; row: readonly unknown[] }[]): string[] => (b.mode === 'changelog'
            ? cs.map((c) => [OPS[c.op] ?? '?', ...c.row.map(cell)].join(' | ').trimEnd())
            : fold(cs));
          assert.deepEqual(render(changes), b.mode === 'changelog' ? b.expected : [...b.expected].sort(), where);
          // Recovery proof: the same query with a checkpoint and a restore into a fresh job after every slice.
          const recovered = recoveredRun(h, b.sql, props, `${file}-${name}`, clock);
          if (recovered !== undefined) assert.deepEqual(render(recovered), render(changes), `${where} (checkpoint + restore after every slice)`);
          break;
        }
        case 'explain': {
          const s = await h.run(name, `EXPLAIN ${b.sql}`, { properties: props, until: ['COMPLETED', 'FAILED', 'STOPPED'] });
          assert.equal(s.status.phase, 'COMPLETED', `${where}: ${s.status.detail}`);
          const text = (await h.results(name)).map((c) => cell(c.row[0])).join('\n');
          const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
          assert.deepEqual(lines, b.expected.filter((l) => l !== ''), where);
          break;
        }
        case 'sink': {
          const expected = b.changelog ? b.expected : [...b.expected].sort();
          const actual = (): string[] => sinkView(h, b.table, b.changelog);
          // While a job runs, wait (bounded) for it to catch up; the comparison below decides.
          if (running.size > 0) await h.until(() => JSON.stringify(actual()) === JSON.stringify(expected), `${where}: sink ${b.table}`, 10_000).catch(() => undefined);
          assert.deepEqual(actual(), expected, where);
          break;
        }
      }
    }
  } finally {
    await h.close();
  }
}

// `SLT=subqueries node scripts/run-tests.mjs slt-runner` runs only the files whose names contain it.
const only = process.env['SLT'];
for (const file of readdirSync(DIR).filter((f) => f.endsWith('.slt') && (only === undefined || f.includes(only))).sort()) {
  test(`slt ${file}`, () => runFile(file));
}
