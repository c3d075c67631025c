/**
 * Whether an INSERT into an upsert table needs Flink's SinkUpsertMaterializer, as
 * `table.exec.sink.upsert-materialize` decides: NONE never; FORCE for every updating query into an
 * upsert sink with a primary key; AUTO (the default) when, in addition, the query's upsert key is not
 * within the sink's primary key (or it has none) — then one sink row can be backed by several query rows, and a
 * retraction of one of them must not delete the row the others still back. Its state follows
 * `sql.state-ttl`.
 */
import { errorDiag } from '../../../shared/index.js';
import type { Diagnostic } from '../../../shared/index.js';
import type { ScanColumn } from '../binder/index.js';
import { parseDurationMs } from '../binder/index.js';
import type { CatalogTable } from '../catalog/index.js';
import { compileRowKey } from '../types/index.js';
import { isInsertOnly } from './changelog-mode.js';
import type { PhysicalNode, SinkMaterialize } from './types.js';

const PROPERTY = 'table.exec.sink.upsert-materialize';

/** The materializer of a topic sink, or undefined when none is needed (or the property is invalid: `diags`). */
export function sinkMaterialize(
  input: PhysicalNode, table: CatalogTable, columns: readonly ScanColumn[], properties: Readonly<Record<string, string>>, diags: Diagnostic[],
): SinkMaterialize | undefined {
  const raw = properties[PROPERTY];
  const mode = raw === undefined ? 'AUTO' : raw.trim().toUpperCase();
  if (mode !== 'NONE' && mode !== 'AUTO' && mode !== 'FORCE') {
    diags.push(errorDiag('flink-invalid-option', `Invalid value for property '${PROPERTY}': '${raw ?? ''}'. Use NONE, AUTO or FORCE.`));
    return undefined;
  }
  const pkNames = table.primaryKey?.columns ?? [];
  if (mode === 'NONE' || table.changelogMode !== 'upsert' || pkNames.length === 0 || table.options['connector'] === 'blackhole') return undefined;
  const pk = pkNames.map((c) => columns.findIndex((col) => col.name === c));
  if (pk.some((i) => i < 0)) return undefined;
  const updating = !isInsertOnly(input.changelog);
  const inputKey = updating && input.upsertKey !== undefined && input.upsertKey.length > 0 ? input.upsertKey : undefined;
  // Insert-only input is never materialized (not under FORCE either: Flink's CommonExecSink guard).
  if (!updating || (mode === 'AUTO' && inputKey !== undefined && inputKey.every((k) => pk.includes(k)))) return undefined;
  const types = input.fields.map((f) => f.type);
  // `sql.state-ttl` (an invalid value is reported by the stateful operators' planning).
  const ttlText = properties['sql.state-ttl'];
  const ttl = ttlText === undefined ? undefined : parseDurationMs(ttlText);
  return {
    sinkKey: compileRowKey(types, pk) as (row: unknown[]) => unknown,
    ...(inputKey === undefined ? {} : { inputKey: compileRowKey(types, inputKey) as (row: unknown[]) => unknown }),
    keyText: pkNames,
    ...(ttl === undefined || ttl === 0 ? {} : { stateTtlMs: ttl }),
  };
}
