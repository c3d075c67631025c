/** Boundary types of the local Schema Registry: schemas, references, config, modes, compatibility. */
import type { Type as AvroType } from 'avsc';
import type { ValidateFunction } from 'ajv';
import type { Root, Type as ProtoType } from 'protobufjs';

/** The three schema formats, spelled as the SR REST API spells them. */
export type SchemaType = 'AVRO' | 'JSON' | 'PROTOBUF';

/** All schema types, in the order GET /schemas/types returns them. */
export const SCHEMA_TYPES: readonly SchemaType[] = ['JSON', 'PROTOBUF', 'AVRO'];

/** A reference from one schema to a version of another subject (`name` is the import name / $ref / Avro full name). */
export interface SchemaReference {
  readonly name: string;
  readonly subject: string;
  readonly version: number;
}

/** A referenced schema with its text, resolved by the store (dependencies come before dependents). */
export interface ResolvedReference {
  readonly name: string;
  readonly schemaType: SchemaType;
  readonly schema: string;
}

/** Confluent's seven compatibility levels. */
export type CompatibilityLevel =
  | 'BACKWARD' | 'BACKWARD_TRANSITIVE'
  | 'FORWARD' | 'FORWARD_TRANSITIVE'
  | 'FULL' | 'FULL_TRANSITIVE'
  | 'NONE';

/** All compatibility levels. */
export const COMPATIBILITY_LEVELS: readonly CompatibilityLevel[] = [
  'BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE', 'NONE',
];

/** Registry modes. */
export type RegistryMode = 'READWRITE' | 'READONLY' | 'READONLY_OVERRIDE' | 'IMPORT';

/** All registry modes. */
export const REGISTRY_MODES: readonly RegistryMode[] = ['READWRITE', 'READONLY', 'READONLY_OVERRIDE', 'IMPORT'];

/** A parsed, validated schema of one of the three formats. */
export type ParsedSchema = ParsedAvroSchema | ParsedJsonSchema | ParsedProtobufSchema;

interface ParsedBase {
  /** Whitespace-independent text, what the registry stores and compares when `normalize` is off. */
  readonly canonical: string;
  /** A more aggressive normal form (sorted keys, resolved defaults), compared when `normalize` is on. */
  readonly normalized: string;
}

/** An Avro schema parsed with avsc (named types of references are in its registry). */
export interface ParsedAvroSchema extends ParsedBase {
  readonly kind: 'AVRO';
  readonly type: AvroType;
  /** The schema's JSON as given. */
  readonly json: unknown;
}

/** A JSON Schema compiled with ajv. */
export interface ParsedJsonSchema extends ParsedBase {
  readonly kind: 'JSON';
  readonly json: JsonSchemaNode;
  readonly validate: ValidateFunction;
  /** Referenced schemas by reference name, for compatibility checks that follow `$ref`. */
  readonly referenced: ReadonlyMap<string, JsonSchemaNode>;
}

/** A .proto file parsed with protobufjs (imports from references are loaded in the same root). */
export interface ParsedProtobufSchema extends ParsedBase {
  readonly kind: 'PROTOBUF';
  readonly root: Root;
  readonly packageName: string;
  /** Message types declared in this file (not imports), in declaration order, top level first with nested ones inside. */
  readonly messages: readonly ProtoMessageEntry[];
}

/** One message type of a .proto file with its Confluent message-index path (e.g. [1, 0] = first nested of the second). */
export interface ProtoMessageEntry {
  readonly fullName: string;
  readonly indexes: readonly number[];
  readonly type: ProtoType;
}

/** A JSON Schema document or sub-schema (`true`/`false` are valid schemas too). */
export type JsonSchemaNode = boolean | { readonly [key: string]: unknown };

/** One compatibility violation in Confluent's verbose form. */
export interface CompatibilityIssue {
  readonly errorType: string;
  readonly description: string;
  readonly additionalInfo?: string;
}

/** Result of checking one new schema against the relevant previous versions. */
export interface CompatibilityResult {
  readonly isCompatible: boolean;
  /** Confluent-style message strings (`{errorType:'…', description:'…', additionalInfo:'…'}`), plus context lines. */
  readonly messages: readonly string[];
  readonly issues: readonly CompatibilityIssue[];
}

/** A schema as submitted for registration, lookup or a compatibility test. */
export interface SchemaInput {
  readonly schema: string;
  readonly schemaType: SchemaType;
  readonly references: readonly SchemaReference[];
  /** Opaque `metadata` and `ruleSet` objects, stored and returned as given. */
  readonly metadata?: unknown;
  readonly ruleSet?: unknown;
}

/** A schema by id, as GET /schemas/ids/{id} returns it. */
export interface StoredSchema {
  readonly id: number;
  readonly schemaType: SchemaType;
  readonly schema: string;
  readonly references: readonly SchemaReference[];
  readonly metadata?: unknown;
  readonly ruleSet?: unknown;
}

/** One version of a subject. */
export interface SubjectVersion extends StoredSchema {
  readonly subject: string;
  readonly version: number;
  readonly deleted: boolean;
}

/** Compatibility configuration (subject level or global). */
export interface RegistryConfig {
  readonly compatibilityLevel: CompatibilityLevel;
  readonly normalize?: boolean;
}
