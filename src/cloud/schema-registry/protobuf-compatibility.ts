/**
 * Protobuf compatibility after Confluent's rules: can a consumer compiled from `reader` parse bytes
 * produced from `writer`? Fields are matched by number. Incompatible: PACKAGE_CHANGED,
 * MESSAGE_REMOVED, FIELD_KIND_CHANGED (scalar ↔ message ↔ enum ↔ map, repeated ↔ singular),
 * FIELD_SCALAR_KIND_CHANGED outside the wire-compatible groups (int32/uint32/int64/uint64/bool,
 * sint32/sint64, fixed32/sfixed32, fixed64/sfixed64, string/bytes), FIELD_NAMED_TYPE_CHANGED,
 * REQUIRED_FIELD_ADDED / REQUIRED_FIELD_REMOVED (proto2), FIELD_MOVED_TO_EXISTING_ONEOF,
 * MULTIPLE_FIELDS_MOVED_TO_ONEOF. Compatible (not reported): field added/removed, field renamed,
 * message added, enum constants added/removed.
 */
import * as protobuf from 'protobufjs';
import type { CompatibilityIssue, ParsedProtobufSchema } from './types.js';
import type { CompatibilityLabels } from './avro-compatibility.js';

const SCALAR_GROUPS: readonly (readonly string[])[] = [
  ['int32', 'uint32', 'int64', 'uint64', 'bool'],
  ['sint32', 'sint64'],
  ['fixed32', 'sfixed32'],
  ['fixed64', 'sfixed64'],
  ['string', 'bytes'],
];
const SCALARS = new Set([...SCALAR_GROUPS.flat(), 'double', 'float']);

/** Lists why `reader` cannot parse data written with `writer` (empty when it can). */
export function protobufCompatibilityIssues(reader: ParsedProtobufSchema, writer: ParsedProtobufSchema, labels: CompatibilityLabels): CompatibilityIssue[] {
  const issues: CompatibilityIssue[] = [];
  if (reader.packageName !== writer.packageName) {
    issues.push({ errorType: 'PACKAGE_CHANGED', description: `The package at '#/' changed from '${writer.packageName}' in the ${labels.writer} schema to '${reader.packageName}' in the ${labels.reader} schema`, additionalInfo: '#/' });
  }
  const readerByName = new Map(reader.messages.map((m) => [relativeName(m.fullName, reader.packageName), m]));
  for (const wm of writer.messages) {
    const name = relativeName(wm.fullName, writer.packageName);
    const rm = readerByName.get(name);
    const path = `#/${name}`;
    if (rm === undefined) {
      issues.push({ errorType: 'MESSAGE_REMOVED', description: `The ${labels.reader} schema is missing the message at path '${path}' in the ${labels.writer} schema`, additionalInfo: path });
      continue;
    }
    compareMessage(rm.type, wm.type, path, { labels, issues, readerPkg: reader.packageName, writerPkg: writer.packageName });
  }
  return issues;
}

function relativeName(full: string, pkg: string): string {
  return pkg !== '' && full.startsWith(`${pkg}.`) ? full.slice(pkg.length + 1) : full;
}

type FieldKind = 'scalar' | 'message' | 'enum' | 'map';

function kindOf(f: protobuf.Field): FieldKind {
  if (f instanceof protobuf.MapField || f.map) return 'map';
  if (SCALARS.has(f.type)) return 'scalar';
  f.resolve();
  return f.resolvedType instanceof protobuf.Enum ? 'enum' : 'message';
}

function typeName(f: protobuf.Field): string {
  if (SCALARS.has(f.type)) return f.type;
  f.resolve();
  return f.resolvedType?.fullName.replace(/^\./, '') ?? f.type;
}

interface MessageCtx {
  readonly labels: CompatibilityLabels;
  readonly issues: CompatibilityIssue[];
  readonly readerPkg: string;
  readonly writerPkg: string;
}

function compareMessage(r: protobuf.Type, w: protobuf.Type, path: string, ctx: MessageCtx): void {
  const { labels, issues } = ctx;
  const push = (errorType: string, p: string, description: string): void => { issues.push({ errorType, description, additionalInfo: p }); };
  const movedIntoNewOneof = new Map<string, number>();
  for (const rf of r.fieldsArray) {
    const p = `${path}.${rf.id}`;
    const wf = w.fieldsById[rf.id];
    if (wf === undefined) {
      if (rf.required) push('REQUIRED_FIELD_ADDED', p, `The ${labels.reader} schema has a required field '${rf.name}' (number ${rf.id}) at path '${p}' which is missing in the ${labels.writer} schema`);
      continue;
    }
    const rk = kindOf(rf);
    const wk = kindOf(wf);
    if (rk !== wk || rf.repeated !== wf.repeated) {
      push('FIELD_KIND_CHANGED', p, `The kind of field '${rf.name}' (number ${rf.id}) at path '${p}' changed from ${wf.repeated ? 'repeated ' : ''}${wk} in the ${labels.writer} schema to ${rf.repeated ? 'repeated ' : ''}${rk} in the ${labels.reader} schema`);
      continue;
    }
    if (rk === 'scalar' && rf.type !== wf.type && !SCALAR_GROUPS.some((g) => g.includes(rf.type) && g.includes(wf.type))) {
      push('FIELD_SCALAR_KIND_CHANGED', p, `The scalar type of field '${rf.name}' (number ${rf.id}) at path '${p}' changed from ${wf.type} in the ${labels.writer} schema to ${rf.type} in the ${labels.reader} schema`);
    } else if ((rk === 'message' || rk === 'enum') && relativeName(typeName(rf), ctx.readerPkg) !== relativeName(typeName(wf), ctx.writerPkg)) {
      push('FIELD_NAMED_TYPE_CHANGED', p, `The type of field '${rf.name}' (number ${rf.id}) at path '${p}' changed from ${typeName(wf)} in the ${labels.writer} schema to ${typeName(rf)} in the ${labels.reader} schema`);
    } else if (rk === 'map' && (rf.type !== wf.type || mapKey(rf) !== mapKey(wf))) {
      push('FIELD_KIND_CHANGED', p, `The map types of field '${rf.name}' (number ${rf.id}) at path '${p}' changed`);
    }
    const ro = realOneof(rf);
    const wo = realOneof(wf);
    if (ro !== undefined && wo === undefined) {
      const existed = w.oneofsArray.some((o) => o.name === ro);
      if (existed) push('FIELD_MOVED_TO_EXISTING_ONEOF', p, `The field '${rf.name}' (number ${rf.id}) at path '${p}' was moved into the existing oneof '${ro}'`);
      else movedIntoNewOneof.set(ro, (movedIntoNewOneof.get(ro) ?? 0) + 1);
    }
  }
  for (const [oneof, n] of movedIntoNewOneof) {
    if (n > 1) push('MULTIPLE_FIELDS_MOVED_TO_ONEOF', `${path}.${oneof}`, `${n} existing fields were moved into the new oneof '${oneof}' at path '${path}.${oneof}'`);
  }
  for (const wf of w.fieldsArray) {
    if (r.fieldsById[wf.id] === undefined && wf.required) {
      const p = `${path}.${wf.id}`;
      push('REQUIRED_FIELD_REMOVED', p, `The required field '${wf.name}' (number ${wf.id}) at path '${p}' of the ${labels.writer} schema is missing in the ${labels.reader} schema`);
    }
  }
}

/** proto3 `optional` creates a synthetic oneof named `_field`; it is not a real oneof. */
function realOneof(f: protobuf.Field): string | undefined {
  const o = f.partOf;
  if (o === null || o === undefined) return undefined;
  return o.name === `_${f.name}` && o.oneof.length === 1 ? undefined : o.name;
}

function mapKey(f: protobuf.Field): string | undefined {
  return f instanceof protobuf.MapField ? f.keyType : undefined;
}
