/**
 * Confluent's compatibility levels over the three formats. BACKWARD: the new schema reads data of
 * the old one (new = reader). FORWARD: the old schema reads data of the new one. FULL: both.
 * The *_TRANSITIVE levels check every previous version, the others only the latest one.
 */
import { avroCompatibilityIssues } from './avro-compatibility.js';
import type { CompatibilityLabels } from './avro-compatibility.js';
import { jsonSchemaCompatibilityIssues } from './json-schema-compatibility.js';
import { protobufCompatibilityIssues } from './protobuf-compatibility.js';
import type { CompatibilityIssue, CompatibilityLevel, CompatibilityResult, ParsedSchema } from './types.js';

/** A previous version to check against. */
export interface PreviousSchema {
  readonly version: number;
  readonly schema: ParsedSchema;
}

const BACKWARD_LABELS: CompatibilityLabels = { reader: 'new', writer: 'old' };
const FORWARD_LABELS: CompatibilityLabels = { reader: 'old', writer: 'new' };

/** Checks `candidate` against `previous` (oldest first) at `level`. */
export function checkCompatibility(level: CompatibilityLevel, candidate: ParsedSchema, previous: readonly PreviousSchema[]): CompatibilityResult {
  if (level === 'NONE' || previous.length === 0) return { isCompatible: true, messages: [], issues: [] };
  const transitive = level.endsWith('_TRANSITIVE');
  const base = level.replace('_TRANSITIVE', '');
  const last = previous[previous.length - 1];
  const targets = transitive ? [...previous].reverse() : last === undefined ? [] : [last];
  const allIssues: CompatibilityIssue[] = [];
  const messages: string[] = [];
  for (const old of targets) {
    const issues: CompatibilityIssue[] = [];
    if (old.schema.kind !== candidate.kind) {
      issues.push({ errorType: 'SCHEMA_TYPE_MISMATCH', description: `The schema type changed from ${old.schema.kind} to ${candidate.kind}` });
    } else {
      if (base === 'BACKWARD' || base === 'FULL') issues.push(...formatIssues(candidate, old.schema, BACKWARD_LABELS));
      if (base === 'FORWARD' || base === 'FULL') issues.push(...formatIssues(old.schema, candidate, FORWARD_LABELS));
    }
    if (issues.length === 0) continue;
    allIssues.push(...issues);
    messages.push(...issues.map(renderIssue));
    messages.push(`{oldSchemaVersion: ${old.version}}`, `{oldSchema: '${old.schema.canonical}'}`);
  }
  if (allIssues.length > 0) messages.push(`{compatibility: '${level}'}`);
  return { isCompatible: allIssues.length === 0, messages, issues: allIssues };
}

/** Issues for `reader` reading data written with `writer` (both of the same format). */
function formatIssues(reader: ParsedSchema, writer: ParsedSchema, labels: CompatibilityLabels): CompatibilityIssue[] {
  if (reader.kind === 'AVRO' && writer.kind === 'AVRO') return avroCompatibilityIssues(reader.type, writer.type, labels);
  if (reader.kind === 'JSON' && writer.kind === 'JSON') {
    return jsonSchemaCompatibilityIssues({ root: reader.json, referenced: reader.referenced }, { root: writer.json, referenced: writer.referenced }, labels);
  }
  if (reader.kind === 'PROTOBUF' && writer.kind === 'PROTOBUF') return protobufCompatibilityIssues(reader, writer, labels);
  return [];
}

/** Renders one issue the way Confluent's verbose compatibility output does. */
export function renderIssue(i: CompatibilityIssue): string {
  const info = i.additionalInfo === undefined ? '' : `, additionalInfo:'${i.additionalInfo}'`;
  return `{errorType:'${i.errorType}', description:'${i.description}'${info}}`;
}

/** True when `value` names a compatibility level. */
export function isCompatibilityLevel(value: unknown): value is CompatibilityLevel {
  return typeof value === 'string' && ['BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE', 'NONE'].includes(value);
}
