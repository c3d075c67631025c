/**
 * Avro schema resolution as a compatibility check: can a `reader` schema read data written with a
 * `writer` schema? Follows the Avro spec's resolution rules (promotions, defaults, enum symbols,
 * unions, names and aliases); message wording follows Confluent's verbose compatibility output.
 */
import type { Type as AvroType, types as avroTypes } from 'avsc';
import type { CompatibilityIssue } from './types.js';

/** Which of the two schemas is the new one, for the wording of messages. */
export interface CompatibilityLabels {
  readonly reader: 'new' | 'old';
  readonly writer: 'new' | 'old';
}

const PROMOTIONS: Readonly<Record<string, readonly string[]>> = {
  // reader type: writer types it can read
  long: ['int'],
  float: ['int', 'long'],
  double: ['int', 'long', 'float'],
  string: ['bytes'],
  bytes: ['string'],
};

/** Lists why `reader` cannot read data written with `writer` (empty when it can). */
export function avroCompatibilityIssues(reader: AvroType, writer: AvroType, labels: CompatibilityLabels): CompatibilityIssue[] {
  const issues: CompatibilityIssue[] = [];
  check(reader, writer, '', { labels, issues, inProgress: new Set() });
  return issues;
}

interface Ctx {
  readonly labels: CompatibilityLabels;
  readonly issues: CompatibilityIssue[];
  /** Named type pairs being checked, so recursive types terminate. */
  readonly inProgress: Set<string>;
}

function isUnion(t: AvroType): t is avroTypes.UnwrappedUnionType {
  return t.typeName.startsWith('union');
}

/** The Avro type name; our bigint-safe `long` reports itself as `abstract:long`. */
function typeName(t: AvroType): string {
  return t.typeName === 'abstract:long' ? 'long' : t.typeName;
}

function upper(t: AvroType): string {
  return (isUnion(t) ? 'union' : typeName(t)).toUpperCase();
}

function check(r: AvroType, w: AvroType, path: string, ctx: Ctx): void {
  const { labels } = ctx;
  if (isUnion(w)) {
    w.types.forEach((wb, i) => {
      if (isUnion(r)) {
        if (!r.types.some((rb) => compatible(rb, wb, ctx))) {
          ctx.issues.push({
            errorType: 'MISSING_UNION_BRANCH',
            description: `The ${labels.reader} schema is missing a type inside a union field at path '${path || '/'}/${i}' in the ${labels.writer} schema`,
            additionalInfo: `reader union lacking writer type: ${upper(wb)}`,
          });
        }
      } else {
        check(r, wb, `${path}/${i}`, ctx);
      }
    });
    return;
  }
  if (isUnion(r)) {
    if (!r.types.some((rb) => compatible(rb, w, ctx))) {
      ctx.issues.push({
        errorType: 'MISSING_UNION_BRANCH',
        description: `The ${labels.reader} schema is missing a type inside a union field at path '${path || '/'}' in the ${labels.writer} schema`,
        additionalInfo: `reader union lacking writer type: ${upper(w)}`,
      });
    }
    return;
  }
  if (typeName(r) !== typeName(w)) {
    if (PROMOTIONS[typeName(r)]?.includes(typeName(w))) return;
    ctx.issues.push({
      errorType: 'TYPE_MISMATCH',
      description: `The type (path '${path || '/'}') of a field in the ${labels.reader} schema does not match with the ${labels.writer} schema`,
      additionalInfo: `reader type: ${upper(r)} not compatible with writer type: ${upper(w)}`,
    });
    return;
  }
  switch (typeName(r)) {
    case 'record': case 'error': return checkRecord(r as avroTypes.RecordType, w as avroTypes.RecordType, path, ctx);
    case 'enum': return checkEnum(r as avroTypes.EnumType, w as avroTypes.EnumType, path, ctx);
    case 'fixed': {
      if (!checkName(r, w, path, ctx)) return;
      const rs = (r as avroTypes.FixedType).size;
      const ws = (w as avroTypes.FixedType).size;
      if (rs !== ws) {
        ctx.issues.push({
          errorType: 'FIXED_SIZE_MISMATCH',
          description: `The size of FIXED type field at path '${path}/size' in the ${labels.reader} schema does not match with the ${labels.writer} schema`,
          additionalInfo: `expected: ${ws}, found: ${rs}`,
        });
      }
      return;
    }
    case 'array': return check((r as avroTypes.ArrayType).itemsType, (w as avroTypes.ArrayType).itemsType, `${path}/items`, ctx);
    case 'map': return check((r as avroTypes.MapType).valuesType as AvroType, (w as avroTypes.MapType).valuesType as AvroType, `${path}/values`, ctx);
    default: return; // same primitive
  }
}

/** True when `r` reads `w` without any issue (used to pick union branches). */
function compatible(r: AvroType, w: AvroType, ctx: Ctx): boolean {
  const probe: Ctx = { labels: ctx.labels, issues: [], inProgress: ctx.inProgress };
  check(r, w, '', probe);
  return probe.issues.length === 0;
}

function simpleName(full: string | undefined): string {
  return full === undefined ? '' : full.slice(full.lastIndexOf('.') + 1);
}

/** Names match when the simple names are equal or the reader lists the writer's name as an alias. */
function checkName(r: AvroType, w: AvroType, path: string, ctx: Ctx): boolean {
  const wn = w.name ?? '';
  if (simpleName(r.name) === simpleName(wn) || (r.aliases ?? []).some((a) => a === wn || simpleName(a) === simpleName(wn))) return true;
  ctx.issues.push({
    errorType: 'NAME_MISMATCH',
    description: `The name of the schema has changed (path '${path}/name')`,
    additionalInfo: `expected: ${wn}`,
  });
  return false;
}

function checkRecord(r: avroTypes.RecordType, w: avroTypes.RecordType, path: string, ctx: Ctx): void {
  if (!checkName(r, w, path, ctx)) return;
  const key = `${r.name ?? ''}|${w.name ?? ''}`;
  if (ctx.inProgress.has(key)) return;
  ctx.inProgress.add(key);
  r.fields.forEach((rf, i) => {
    const wf = w.fields.find((f) => f.name === rf.name) ?? w.fields.find((f) => rf.aliases.includes(f.name));
    if (wf === undefined) {
      if (rf.defaultValue() === undefined) {
        ctx.issues.push({
          errorType: 'READER_FIELD_MISSING_DEFAULT_VALUE',
          description: `The field '${rf.name}' at path '${path}/fields/${i}' in the ${ctx.labels.reader} schema has no default value and is missing in the ${ctx.labels.writer} schema`,
          additionalInfo: rf.name,
        });
      }
      return;
    }
    check(rf.type, wf.type, `${path}/fields/${i}/type`, ctx);
  });
  ctx.inProgress.delete(key);
}

function checkEnum(r: avroTypes.EnumType, w: avroTypes.EnumType, path: string, ctx: Ctx): void {
  if (!checkName(r, w, path, ctx)) return;
  const readerDefault = (r as unknown as { readonly default?: unknown }).default;
  if (readerDefault !== undefined) return; // unknown writer symbols resolve to the reader's default
  const missing = w.symbols.filter((s) => !r.symbols.includes(s));
  if (missing.length === 0) return;
  ctx.issues.push({
    errorType: 'MISSING_ENUM_SYMBOLS',
    description: `The ${ctx.labels.reader} schema is missing enum symbols '[${missing.join(', ')}]' at path '${path}/symbols' in the ${ctx.labels.writer} schema`,
    additionalInfo: `[${missing.join(', ')}]`,
  });
}
