/**
 * Scans of tables that have no topic: `'connector' = 'nexmark'` tables (NexmarkSource, options
 * parsed by parseNexmarkOptions, whose diagnostics fail the statement) and the examples catalog's
 * `'connector' = 'faker'` tables (FakerSource). Generated rows are mapped onto the scan row by
 * column name: the scan's physical columns, then its metadata columns, of which only `timestamp`
 * (the row's event time, as `$rowtime`) exists for generated data.
 */
import type { Clock, Diagnostic, Outcome } from '../../../shared/index.js';
import { errorDiag } from '../../../shared/index.js';
import type { PhysicalNode } from '../planner/index.js';
import type { LogicalType } from '../types/index.js';
import { printType } from '../types/index.js';
import { BatchBuilder, boundedOutOfOrderness, sourceWatermark } from '../runtime/index.js';
import type { PollStatus, Row, Source } from '../runtime/index.js';
import { EXAMPLE_COLUMNS, FakerSource, NexmarkSource, exampleTableName, parseNexmarkOptions } from '../runtime/sources/index.js';

type ScanNode = Extract<PhysicalNode, { kind: 'scan' }>;

/** What building a generated source needs. */
export interface ConnectorSourceDeps {
  readonly clock: Clock;
}

/** The wide row the nexmark generator produces: top-level columns and their nested ROW fields. */
const NEXMARK_LAYOUT: readonly { readonly name: string; readonly kinds: readonly string[]; readonly fields?: readonly (readonly [string, string])[] }[] = [
  { name: 'event_type', kinds: ['INTEGER'] },
  {
    name: 'person', kinds: ['ROW'], fields: [
      ['id', 'BIGINT'], ['name', 'VARCHAR'], ['emailAddress', 'VARCHAR'], ['creditCard', 'VARCHAR'], ['city', 'VARCHAR'],
      ['state', 'VARCHAR'], ['dateTime', 'TIMESTAMP'], ['extra', 'VARCHAR'],
    ],
  },
  {
    name: 'auction', kinds: ['ROW'], fields: [
      ['id', 'BIGINT'], ['itemName', 'VARCHAR'], ['description', 'VARCHAR'], ['initialBid', 'BIGINT'], ['reserve', 'BIGINT'],
      ['dateTime', 'TIMESTAMP'], ['expires', 'TIMESTAMP'], ['seller', 'BIGINT'], ['category', 'BIGINT'], ['extra', 'VARCHAR'],
    ],
  },
  {
    name: 'bid', kinds: ['ROW'], fields: [
      ['auction', 'BIGINT'], ['bidder', 'BIGINT'], ['price', 'BIGINT'], ['channel', 'VARCHAR'], ['url', 'VARCHAR'],
      ['dateTime', 'TIMESTAMP'], ['extra', 'VARCHAR'],
    ],
  },
];

/** The nexmark connector's columns with their DDL types, for error messages. */
const NEXMARK_DDL = 'event_type INT, person ROW<id BIGINT, name STRING, emailAddress STRING, creditCard STRING, city STRING, state STRING, '
  + 'dateTime TIMESTAMP(3), extra STRING>, auction ROW<id BIGINT, itemName STRING, description STRING, initialBid BIGINT, reserve BIGINT, '
  + 'dateTime TIMESTAMP(3), expires TIMESTAMP(3), seller BIGINT, category BIGINT, extra STRING>, bid ROW<auction BIGINT, bidder BIGINT, '
  + 'price BIGINT, channel STRING, url STRING, dateTime TIMESTAMP(3), extra STRING>';

/** A scan of a generated table (nexmark / faker), or undefined when the table is topic-backed. */
export function connectorScan(n: ScanNode, deps: ConnectorSourceDeps): Outcome<Source> | undefined {
  const t = n.table;
  const connector = t.options['connector'];
  if (connector === 'nexmark') return nexmarkScan(n, deps);
  if (connector === 'faker' && t.readOnly) return fakerScan(n, deps);
  if (connector === 'blackhole') {
    return { diagnostics: [errorDiag('flink-invalid-connector-use', `Connector 'blackhole' can only be used as a sink. It cannot be used as a source (table '${t.name}').`)] };
  }
  return undefined;
}

function nexmarkScan(n: ScanNode, deps: ConnectorSourceDeps): Outcome<Source> {
  const t = n.table;
  const cfg = parseNexmarkOptions(t.options);
  if (cfg.value === undefined) return { diagnostics: cfg.diagnostics };
  const diags: Diagnostic[] = [];
  for (const c of n.columns) {
    if (c.kind !== 'physical') continue;
    const want = NEXMARK_LAYOUT.find((l) => l.name === c.name);
    if (want === undefined) {
      diags.push(errorDiag('nexmark-unknown-column', `Column '${c.name}' of table '${t.name}' is not produced by connector 'nexmark'. Its columns are: ${NEXMARK_DDL}.`));
      continue;
    }
    const problem = layoutProblem(c.type, want.kinds, want.fields);
    if (problem !== undefined) diags.push(errorDiag('nexmark-column-type', `Column '${c.name}' of table '${t.name}' has type ${printType(c.type)}, but connector 'nexmark' produces ${problem}. Its columns are: ${NEXMARK_DDL}.`));
  }
  const mapping = mappingOf(n, NEXMARK_LAYOUT.map((l) => l.name), 'nexmark', diags);
  if (mapping === undefined || diags.length > 0) return { diagnostics: diags };
  const wm = n.watermark;
  const source = new NexmarkSource({
    config: cfg.value, clock: deps.clock, ...(cfg.value.baseTime === undefined ? {} : { baseTime: cfg.value.baseTime }),
    watermarks: wm === undefined || wm.strategy.kind === 'source' ? sourceWatermark() : boundedOutOfOrderness(wm.strategy.delayMs),
  });
  return { value: mapped(source, mapping), diagnostics: [] };
}

function fakerScan(n: ScanNode, deps: ConnectorSourceDeps): Outcome<Source> {
  const name = exampleTableName(n.table.name);
  if (name === undefined) return { diagnostics: [errorDiag('flink-table-not-found', `The examples catalog has no table '${n.table.name}'.`)] };
  const rate = Number(n.table.options['rows-per-second'] ?? '50');
  const diags: Diagnostic[] = [];
  const mapping = mappingOf(n, EXAMPLE_COLUMNS[name], 'faker', diags);
  if (mapping === undefined || diags.length > 0) return { diagnostics: diags };
  const source = new FakerSource({ table: name, clock: deps.clock, ...(Number.isInteger(rate) && rate > 0 ? { rowsPerSecond: rate } : {}) });
  return { value: mapped(source, mapping), diagnostics: [] };
}

/** Why `type` does not match the generated value's kind (and nested fields), or undefined. */
function layoutProblem(type: LogicalType, kinds: readonly string[], fields: readonly (readonly [string, string])[] | undefined): string | undefined {
  const expected = fields === undefined ? kinds.join(' or ') : `ROW<${fields.map(([f, k]) => `${f} ${k}`).join(', ')}>`;
  if (!kinds.includes(type.kind)) return expected;
  if (fields === undefined) return undefined;
  if (type.kind !== 'ROW' || type.fields.length !== fields.length) return expected;
  for (let i = 0; i < fields.length; i++) {
    const [fname, fkind] = fields[i] as readonly [string, string];
    const got = type.fields[i];
    if (got === undefined || got.name !== fname || !sameFamily(got.type.kind, fkind)) return expected;
  }
  return undefined;
}

function sameFamily(kind: string, expected: string): boolean {
  if (expected === 'VARCHAR') return kind === 'VARCHAR' || kind === 'CHAR';
  return kind === expected;
}

/** Scan position → generated position (−1: the row's event time). */
function mappingOf(n: ScanNode, produced: readonly string[], connector: string, diags: Diagnostic[]): number[] | undefined {
  const out: number[] = [];
  for (const c of n.columns) {
    if (c.kind === 'metadata') {
      if (c.key === 'timestamp') { out.push(-1); continue; }
      diags.push(errorDiag('flink-invalid-metadata-column', `Metadata key '${c.key}' of column '${c.name}' is not available for connector '${connector}'; only 'timestamp' is.`));
      continue;
    }
    const i = produced.indexOf(c.name);
    if (i < 0) {
      diags.push(errorDiag('flink-unknown-column', `Column '${c.name}' of table '${n.table.name}' is not produced by connector '${connector}' (it produces ${produced.join(', ')}).`));
      continue;
    }
    out.push(i);
  }
  return diags.length > 0 ? undefined : out;
}

/** The generated rows reshaped into scan rows; see the file header. */
function mapped(inner: Source, mapping: readonly number[]): Source {
  // Fast path: the generated columns in order, then the event time (rows are fresh arrays, never
  // reused by the generators, so appending in place is safe).
  const appendOnly = mapping.every((m, i) => (i === mapping.length - 1 ? m === -1 : m === i));
  const identity = mapping.every((m, i) => m === i);
  const scratch = new BatchBuilder();
  return {
    poll(out: BatchBuilder, max: number): PollStatus {
      scratch.reset();
      const status = inner.poll(scratch, max);
      const rows = scratch.rows;
      const kinds = scratch.kinds;
      const times = scratch.rowtimes;
      for (let i = 0; i < scratch.size; i++) {
        const row = rows[i] as Row;
        const ts = times[i] as number;
        if (identity) out.push(row, kinds[i] as number, ts);
        else if (appendOnly) { row.push(ts); out.push(row, kinds[i] as number, ts); }
        else out.push(mapping.map((m) => (m < 0 ? ts : row[m])), kinds[i] as number, ts);
      }
      return status;
    },
    get watermark() { return inner.watermark; },
    get idle() { return inner.idle; },
    snapshot: () => inner.snapshot(),
    restore: (p) => inner.restore(p),
    close: () => inner.close(),
  };
}
