/**
 * schema-registry: the local cloud's Confluent Schema Registry. Stores subjects, versions, global
 * schema ids, config and mode per SR cluster (`lsrc-…`) in the server's SQLite metadata DB (tables
 * prefixed `sr_`), checks compatibility for Avro, JSON Schema and Protobuf with Confluent's rules,
 * serves the SR REST API under `/sr/:sr_id`, and provides the Confluent wire-format codecs that the
 * Flink SQL runtime shares (`store.codec(srId)` or `new SchemaCodec(lookup)`).
 *
 * Depends on shared/ and cloud/http (the route contract) only. Must not depend on provisioner/,
 * on other cloud/ folders, or on the server that mounts it.
 */
export { SchemaRegistryStore } from './schema-registry-store.js';
export type { VersionSpec } from './schema-registry-store.js';
export { RegistrySettings, DEFAULT_COMPATIBILITY } from './registry-settings.js';
export { schemaRegistryRoutes } from './schema-registry-routes.js';
export { SR_CONTENT_TYPE } from './route-support.js';
export type { SchemaRegistryRouteOptions } from './route-support.js';
export { SchemaRegistryError, SchemaParseError } from './registry-errors.js';
export { SchemaCodec, SchemaCodecError } from './codecs.js';
export type { SchemaLookup, DecodedRecord, SchemaCodecOptions, EncoderOptions } from './codecs.js';
export { MAGIC_BYTE, WireFormatError, encodeHeader, decodeHeader, encodeMessageIndexes, frame } from './wire-format.js';
export type { FrameHeader } from './wire-format.js';
export { parseSchema, toSchemaType } from './parse-schema.js';
export { messageByIndexes } from './protobuf-format.js';
export { checkCompatibility, renderIssue, isCompatibilityLevel } from './compatibility.js';
export type { PreviousSchema } from './compatibility.js';
export { SCHEMA_TYPES, COMPATIBILITY_LEVELS, REGISTRY_MODES } from './types.js';
export type {
  SchemaType, SchemaReference, ResolvedReference, CompatibilityLevel, RegistryMode, ParsedSchema, ParsedAvroSchema,
  ParsedJsonSchema, ParsedProtobufSchema, ProtoMessageEntry, JsonSchemaNode, CompatibilityIssue, CompatibilityResult,
  SchemaInput, StoredSchema, SubjectVersion, RegistryConfig,
} from './types.js';
