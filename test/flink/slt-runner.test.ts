/**
 * Runs every `test/flink/slt/*.slt` file (format: test/flink/slt/README.md) against a real
 * in-process local cloud with the statement executor: statements go through the sql/v1 REST API,
 * input records are written with the table's own codec, results come back through `/results`,
 * sink tables are read back from their topics.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { FlinkHarness } from '../../src/cloud/flink/executor/executor-harness.js';
import { writableColumns } from '../../src/cloud/flink/binder/index.js';
import { castValue, compileFormatter, parseTimestamp, stringType } from '../../src/cloud/flink/types/index.js';
import type { FormattedValue, LogicalType } from '../../src/cloud/flink/types/index.js';

const DIR = fileURLToPath(new URL('../../../test/flink/slt/', import.meta.url));
/** Every job reads what is in its topics when it starts, then completes. */
const BOUNDED = { 'sql.tables.scan.bounded.mode': 'latest-offset' };

type Block =
  | { kind: 'statement'; line: number; sql: string; error?: string }
  | { kind: 'records'; line: number; table: string; rows: string[] }
  | { kind: 'query'; line: number; mode: 'changelog' | 'rows'; sql: string; expected: string[] }
  | { kind: 'sink'; line: number; table: string; expected: string[] };

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
        blocks.push({ kind: 'statement', line, sql: before.join('\n'), ...(error === undefined ? {} : { error }) });
        break;
      }
      case 'records': blocks.push({ kind: 'records', line, table: args[0] ?? '', rows: before.map((l) => l.trim()) }); break;
      case 'query': blocks.push({ kind: 'query', line, mode: args[0] === 'changelog' ? 'changelog' : 'rows', sql: before.join('\n'), expected: after }); break;
      case 'sink': blocks.push({ kind: 'sink', line, table: args[0] ?? '', expected: after }); break;
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
function fold(changes: readonly { op: number; row: unknown[] }[]): string[] {
  const rows: string[] = [];
  for (const c of changes) {
    const text = c.row.map(cell).join(' | ');
    if (c.op === 0 || c.op === 2) rows.push(text);
    else { const k = rows.indexOf(text); if (k >= 0) rows.splice(k, 1); }
  }
  return rows.sort();
}

const OPS = ['+I', '-U', '+U', '-D'];

async function runFile(file: string): Promise<void> {
  const blocks = parseSlt(readFileSync(join(DIR, file), 'utf8'));
  const h = await FlinkHarness.start();
  try {
    let n = 0;
    for (const b of blocks) {
      const where = `${file}:${b.line}`;
      const name = `slt-${++n}`;
      switch (b.kind) {
        case 'statement': {
          const s = await h.run(name, b.sql, { properties: BOUNDED, until: ['COMPLETED', 'FAILED', 'STOPPED'] });
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
          const s = await h.run(name, b.sql, { properties: BOUNDED, until: ['COMPLETED', 'FAILED', 'STOPPED'] });
          assert.equal(s.status.phase, 'COMPLETED', `${where}: ${s.status.detail}`);
          const changes = await h.results(name);
          const actual = b.mode === 'changelog'
            ? changes.map((c) => [OPS[c.op] ?? '?', ...c.row.map(cell)].join(' | ').trimEnd())
            : fold(changes);
          assert.deepEqual(actual, b.mode === 'changelog' ? b.expected : [...b.expected].sort(), where);
          break;
        }
        case 'sink': {
          const t = h.table(b.table);
          const types = writableColumns(t).filter((c) => c.kind === 'physical').map((c) => compileFormatter(c.type, { timeZone: 'UTC' }));
          const actual = h.read(b.table).map((r) => r.map((v, i) => (v === null ? 'NULL' : cell((types[i] ?? String)(v)))).join(' | ')).sort();
          assert.deepEqual(actual, [...b.expected].sort(), where);
          break;
        }
      }
    }
  } finally {
    await h.close();
  }
}

for (const file of readdirSync(DIR).filter((f) => f.endsWith('.slt')).sort()) {
  test(`slt ${file}`, () => runFile(file));
}
