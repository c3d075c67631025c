/** The Kafka metadata keys a table column may read or write (`col TYPE METADATA FROM 'key'`, reference §2.7). */
import type { Diagnostic } from '../../../shared/index.js';
import { errorDiag, suggestion } from '../../../shared/index.js';

/** Each key and whether a sink may write it. */
export const METADATA_KEYS: Readonly<Record<string, { readonly writable: boolean }>> = {
  headers: { writable: true },
  'leader-epoch': { writable: false },
  offset: { writable: false },
  partition: { writable: false },
  'raw-key': { writable: false },
  'raw-value': { writable: false },
  timestamp: { writable: true },
  'timestamp-type': { writable: false },
  topic: { writable: false },
};

/** Checks a metadata column: a known key; read-only keys must be VIRTUAL. */
export function validateMetadataColumn(c: { readonly name: string; readonly key?: string; readonly virtual: boolean }): Diagnostic | undefined {
  const key = c.key ?? c.name;
  const def = METADATA_KEYS[key];
  if (def === undefined) {
    return errorDiag('flink-unknown-metadata-key', `Invalid metadata key '${key}' in column '${c.name}'.${suggestion(key, Object.keys(METADATA_KEYS))} Supported keys are: ${Object.keys(METADATA_KEYS).join(', ')}.`);
  }
  if (!def.writable && !c.virtual) {
    return errorDiag('flink-metadata-not-virtual', `The metadata key '${key}' of column '${c.name}' is read-only. Declare the column as VIRTUAL.`);
  }
  return undefined;
}
