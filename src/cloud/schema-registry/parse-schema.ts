/** One entry point over the three formats: schema type + text + resolved references → ParsedSchema. */
import { parseAvroSchema } from './avro-format.js';
import { parseJsonSchema } from './json-schema-format.js';
import { parseProtobufSchema } from './protobuf-format.js';
import type { ParsedSchema, ResolvedReference, SchemaType } from './types.js';
import { assertNever } from '../../shared/index.js';

/** Parses a schema of any format; throws SchemaParseError with a message pointing at the problem. */
export function parseSchema(schemaType: SchemaType, text: string, references: readonly ResolvedReference[] = []): ParsedSchema {
  switch (schemaType) {
    case 'AVRO': return parseAvroSchema(text, references);
    case 'JSON': return parseJsonSchema(text, references);
    case 'PROTOBUF': return parseProtobufSchema(text, references);
    default: return assertNever(schemaType, 'schema type');
  }
}

/** Reads a `schemaType` request field (absent means AVRO); undefined when it is not a known type. */
export function toSchemaType(value: unknown): SchemaType | undefined {
  if (value === undefined || value === null || value === '') return 'AVRO';
  if (typeof value !== 'string') return undefined;
  const up = value.toUpperCase();
  return up === 'AVRO' || up === 'JSON' || up === 'PROTOBUF' ? up : undefined;
}
