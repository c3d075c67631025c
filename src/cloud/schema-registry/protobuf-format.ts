/** Protobuf schemas: parse .proto text with protobufjs, imports from references, message indexes for the wire format. */
import * as protobuf from 'protobufjs';
import { SchemaParseError } from './registry-errors.js';
import type { ParsedProtobufSchema, ProtoMessageEntry, ResolvedReference } from './types.js';

const PARSE_OPTIONS = { keepCase: true, alternateCommentMode: true } as const;

/** Confluent's own imports, known without a reference (as in Confluent's registry). */
const BUILTIN_PROTOS: ReadonlyMap<string, string> = new Map([
  ['confluent/meta.proto', 'syntax = "proto3";\npackage confluent;\nimport "google/protobuf/descriptor.proto";\nmessage Meta { string doc = 1; map<string, string> params = 2; repeated string tags = 3; }\n'],
  ['confluent/type/decimal.proto', 'syntax = "proto3";\npackage confluent.type;\nmessage Decimal { bytes value = 1; uint32 precision = 2; int32 scale = 3; }\n'],
  ['google/type/date.proto', 'syntax = "proto3";\npackage google.type;\nmessage Date { int32 year = 1; int32 month = 2; int32 day = 3; }\n'],
  ['google/type/timeofday.proto', 'syntax = "proto3";\npackage google.type;\nmessage TimeOfDay { int32 hours = 1; int32 minutes = 2; int32 seconds = 3; int32 nanos = 4; }\n'],
]);

/** Parses a .proto text; `import`s are satisfied by references (by name), google/protobuf well-known types and Confluent's own. */
export function parseProtobufSchema(text: string, references: readonly ResolvedReference[] = []): ParsedProtobufSchema {
  const own = parseOne(text, new protobuf.Root(), 'the schema');
  const root = new protobuf.Root();
  const loaded = new Set<string>();
  const byName = new Map(references.filter((r) => r.schemaType === 'PROTOBUF').map((r) => [r.name, r.schema]));
  const load = (name: string, from: string): void => {
    if (loaded.has(name)) return;
    loaded.add(name);
    const refText = byName.get(name) ?? BUILTIN_PROTOS.get(name);
    if (refText !== undefined) {
      const res = parseOne(refText, root, `import '${name}'`);
      for (const imp of [...(res.imports ?? []), ...(res.weakImports ?? [])]) load(imp, name);
      return;
    }
    const common = protobuf.common.get(name);
    if (common !== null && common !== undefined) {
      root.addJSON((common as { nested: Record<string, protobuf.AnyNestedObject> }).nested);
      return;
    }
    if (name === 'google/protobuf/descriptor.proto') return;
    throw new SchemaParseError(`Invalid Protobuf schema: import '${name}' in ${from} is not satisfied by any schema reference`);
  };
  for (const imp of [...(own.imports ?? []), ...(own.weakImports ?? [])]) load(imp, 'the schema');
  parseOne(text, root, 'the schema');
  try {
    root.resolveAll();
  } catch (e) {
    throw new SchemaParseError(`Invalid Protobuf schema: ${e instanceof Error ? e.message : String(e)}`);
  }
  const messages: ProtoMessageEntry[] = [];
  collectMessages(own.root, [], (fullName, indexes) => {
    messages.push({ fullName, indexes, type: root.lookupType(fullName) });
  });
  const canonical = text.trim();
  // Declaration order is kept (not key-sorted): message order decides the wire format's message indexes.
  const normalized = JSON.stringify({ package: own.package ?? '', imports: [...(own.imports ?? [])].sort(), root: own.root.toJSON() });
  return { kind: 'PROTOBUF', root, packageName: own.package ?? '', messages, canonical, normalized };
}

function parseOne(text: string, root: protobuf.Root, what: string): protobuf.IParserResult {
  try {
    return protobuf.parse(text, root, PARSE_OPTIONS);
  } catch (e) {
    throw new SchemaParseError(`Invalid Protobuf schema (${what}): ${withColumn(e instanceof Error ? e.message : String(e), text)}`);
  }
}

/** protobufjs reports `(line N)` only; find the offending token on that line to give `line:col`. */
function withColumn(msg: string, text: string): string {
  const m = /^(.*) \(line (\d+)\)$/.exec(msg);
  if (m?.[1] === undefined || m[2] === undefined) return msg;
  const lineNo = Number(m[2]);
  const line = text.split('\n')[lineNo - 1] ?? '';
  const token = /'([^']*)'/.exec(m[1])?.[1];
  const idx = token !== undefined && token !== '' ? line.indexOf(token) : -1;
  const col = idx >= 0 ? idx + 1 : Math.max(1, line.search(/\S/) + 1);
  return `${m[1]} at ${lineNo}:${col}`;
}

/** Walks declared message types in declaration order, assigning Confluent message-index paths. */
function collectMessages(ns: protobuf.NamespaceBase, prefix: readonly number[], visit: (fullName: string, indexes: readonly number[]) => void): void {
  let i = 0;
  for (const nested of ns.nestedArray) {
    if (nested instanceof protobuf.Type) {
      const indexes = [...prefix, i++];
      visit(nested.fullName.replace(/^\./, ''), indexes);
      collectMessages(nested, indexes, visit);
    } else if (nested instanceof protobuf.Namespace && !(nested instanceof protobuf.Service)) {
      // a package segment: its messages are top-level messages of the file
      collectMessages(nested, prefix, (n, idx) => visit(n, idx));
    }
  }
}

/** Finds the message entry for a Confluent message-index path. */
export function messageByIndexes(schema: ParsedProtobufSchema, indexes: readonly number[]): ProtoMessageEntry | undefined {
  return schema.messages.find((m) => m.indexes.length === indexes.length && m.indexes.every((v, i) => v === indexes[i]));
}
