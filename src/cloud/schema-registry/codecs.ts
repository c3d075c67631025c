/**
 * Encode/decode records in the Confluent wire format for all three formats. Shared by the Flink SQL
 * runtime: parsed schemas and compiled encoders/decoders are cached by schema id, so decoding many
 * records written with one schema parses it once.
 */
import type { Type as AvroType } from 'avsc';
import type { Type as ProtoType } from 'protobufjs';
import type { ParsedSchema } from './types.js';
import { decodeHeader, encodeHeader, frame } from './wire-format.js';
import { formatErrors } from './json-schema-format.js';
import { messageByIndexes } from './protobuf-format.js';
import { assertNever } from '../../shared/index.js';

/** Resolves a schema id to its parsed schema (undefined when the id is unknown). */
export type SchemaLookup = (schemaId: number) => ParsedSchema | undefined;

/** A value that cannot be encoded, or bytes that cannot be decoded. */
export class SchemaCodecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SchemaCodecError';
  }
}

/** A decoded record. */
export interface DecodedRecord {
  readonly schemaId: number;
  readonly value: unknown;
  /** For Protobuf, the full name of the message the record was written with. */
  readonly messageName?: string;
}

/** Options of a codec. */
export interface SchemaCodecOptions {
  /** Accept Protobuf records framed without a message-index list (default true; see decodeHeader). */
  readonly lenientProtobufIndexes?: boolean;
}

/** Encoder options: for Protobuf, which message to write (default: the first one in the file). */
export interface EncoderOptions {
  readonly messageName?: string;
}

type Decoder = (buf: Uint8Array, offset: number, indexes: readonly number[]) => { value: unknown; messageName?: string };

const PROTO_TO_OBJECT = { longs: Number, enums: String, defaults: true, oneofs: false } as const;

/** The shared codec: `encoder(schemaId)` and `decode(buffer)` with per-id caches. */
export class SchemaCodec {
  readonly #lookup: SchemaLookup;
  readonly #lenient: boolean;
  readonly #schemas = new Map<number, ParsedSchema>();
  readonly #decoders = new Map<number, Decoder>();

  constructor(lookup: SchemaLookup, opts: SchemaCodecOptions = {}) {
    this.#lookup = lookup;
    this.#lenient = opts.lenientProtobufIndexes ?? true;
  }

  /** Returns a function that frames values with `schemaId`; throws SchemaCodecError for an unknown id. */
  encoder(schemaId: number, opts: EncoderOptions = {}): (value: unknown) => Buffer {
    const schema = this.#schema(schemaId);
    switch (schema.kind) {
      case 'AVRO': return avroEncoder(schemaId, schema.type);
      case 'JSON': {
        const header = encodeHeader(schemaId);
        const validate = schema.validate;
        return (value) => {
          if (!validate(value)) throw new SchemaCodecError(`value does not match JSON schema ${schemaId}: ${formatErrors(validate.errors ?? [])}`);
          return Buffer.concat([header, Buffer.from(JSON.stringify(value), 'utf8')]);
        };
      }
      case 'PROTOBUF': {
        const entry = opts.messageName === undefined ? schema.messages[0] : schema.messages.find((m) => m.fullName === opts.messageName || m.fullName.endsWith(`.${opts.messageName ?? ''}`));
        if (entry === undefined) throw new SchemaCodecError(`schema ${schemaId} has no message ${opts.messageName ?? '(none declared)'}`);
        return protoEncoder(schemaId, entry.type, entry.indexes);
      }
      default: return assertNever(schema, 'schema kind');
    }
  }

  /** Encodes one value (convenience over `encoder`). */
  encode(schemaId: number, value: unknown, opts: EncoderOptions = {}): Buffer {
    return this.encoder(schemaId, opts)(value);
  }

  /** Decodes a framed record; the schema is looked up (once) by the id in the frame. */
  decode(buf: Uint8Array): DecodedRecord {
    let header = decodeHeader(buf);
    const id = header.schemaId;
    const decoder = this.#decoder(id);
    if (this.#schema(id).kind === 'PROTOBUF') header = decodeHeader(buf, { protobuf: true, lenient: this.#lenient });
    const { value, messageName } = decoder(buf, header.payloadOffset, header.messageIndexes);
    return messageName === undefined ? { schemaId: id, value } : { schemaId: id, value, messageName };
  }

  /** The parsed schema of an id (cached). */
  #schema(schemaId: number): ParsedSchema {
    const cached = this.#schemas.get(schemaId);
    if (cached !== undefined) return cached;
    const schema = this.#lookup(schemaId);
    if (schema === undefined) throw new SchemaCodecError(`schema id ${schemaId} not found`);
    this.#schemas.set(schemaId, schema);
    return schema;
  }

  #decoder(schemaId: number): Decoder {
    const cached = this.#decoders.get(schemaId);
    if (cached !== undefined) return cached;
    const schema = this.#schema(schemaId);
    let d: Decoder;
    switch (schema.kind) {
      case 'AVRO': {
        const type = schema.type;
        d = (buf, offset) => {
          const payload = Buffer.from(buf.buffer, buf.byteOffset + offset, buf.byteLength - offset);
          try {
            return { value: type.fromBuffer(payload) as unknown };
          } catch (e) {
            throw new SchemaCodecError(`cannot decode Avro record with schema ${schemaId}: ${e instanceof Error ? e.message : String(e)}`);
          }
        };
        break;
      }
      case 'JSON':
        d = (buf, offset) => {
          try {
            return { value: JSON.parse(Buffer.from(buf.buffer, buf.byteOffset + offset, buf.byteLength - offset).toString('utf8')) as unknown };
          } catch (e) {
            throw new SchemaCodecError(`cannot decode JSON record with schema ${schemaId}: ${e instanceof Error ? e.message : String(e)}`);
          }
        };
        break;
      case 'PROTOBUF':
        d = (buf, offset, indexes) => {
          const entry = messageByIndexes(schema, indexes);
          if (entry === undefined) throw new SchemaCodecError(`schema ${schemaId} has no message at index path [${indexes.join(', ')}]`);
          try {
            const msg = entry.type.decode(buf.subarray(offset));
            return { value: entry.type.toObject(msg, PROTO_TO_OBJECT), messageName: entry.fullName };
          } catch (e) {
            throw new SchemaCodecError(`cannot decode Protobuf record with schema ${schemaId}: ${e instanceof Error ? e.message : String(e)}`);
          }
        };
        break;
      default: return assertNever(schema, 'schema kind');
    }
    this.#decoders.set(schemaId, d);
    return d;
  }
}

function avroEncoder(schemaId: number, type: AvroType): (value: unknown) => Buffer {
  const header = encodeHeader(schemaId);
  return (value) => {
    const paths: string[] = [];
    if (!type.isValid(value, { errorHook: (path) => paths.push(path.join('.') || '(root)') })) {
      throw new SchemaCodecError(`value does not match Avro schema ${schemaId} at ${paths.join(', ')}`);
    }
    return Buffer.concat([header, type.toBuffer(value)]);
  };
}

function protoEncoder(schemaId: number, type: ProtoType, indexes: readonly number[]): (value: unknown) => Buffer {
  return (value) => {
    if (value === null || typeof value !== 'object') throw new SchemaCodecError(`Protobuf value for schema ${schemaId} must be an object`);
    // fromObject accepts what decode returns (enum names, numbers for longs) and coerces like protobufjs does;
    // verify then checks the converted message (e.g. unknown enum names become invalid values).
    let message;
    try {
      message = type.fromObject(value as Record<string, unknown>);
    } catch (e) {
      throw new SchemaCodecError(`value does not match Protobuf message ${type.fullName.replace(/^\./, '')} of schema ${schemaId}: ${e instanceof Error ? e.message : String(e)}`);
    }
    const problem = type.verify(message);
    if (problem !== null) throw new SchemaCodecError(`value does not match Protobuf message ${type.fullName.replace(/^\./, '')} of schema ${schemaId}: ${problem}`);
    const payload = type.encode(message).finish();
    return frame(schemaId, payload, indexes);
  };
}
