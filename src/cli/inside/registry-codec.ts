/**
 * Client-side Confluent wire format over a Schema Registry reached by HTTP: registers schemas,
 * fetches schemas by id (resolving references), and encodes/decodes with the cloud's SchemaCodec.
 */
import { SchemaCodec, SchemaCodecError, parseSchema, toSchemaType } from '../../cloud/schema-registry/index.js';
import type { ParsedSchema, ResolvedReference, SchemaType } from '../../cloud/schema-registry/index.js';
import type { CloudClient } from './cloud-client.js';
import { InsideError } from './inside-error.js';
import { asArray, asObject, num, str } from './json-fields.js';

/** The Schema Registry content type. */
const SR_JSON = 'application/vnd.schemaregistry.v1+json';

/** A decoded value with the id of the schema it was written with. */
export interface DecodedValue {
  readonly schemaId: number;
  readonly value: unknown;
}

/** Wire-format encoding and decoding through one registry. */
export class RegistryCodec {
  readonly #client: CloudClient;
  readonly #url: string;
  readonly #parsed = new Map<number, ParsedSchema>();
  readonly #codec: SchemaCodec;

  constructor(client: CloudClient, registryUrl: string) {
    this.#client = client;
    this.#url = registryUrl;
    this.#codec = new SchemaCodec((id) => this.#parsed.get(id));
  }

  /** Registers `schema` under `subject` (idempotent) and returns its global id. */
  async register(subject: string, schemaType: SchemaType, schema: string): Promise<number> {
    const body = await this.#client.ok('POST', `${this.#url}/subjects/${encodeURIComponent(subject)}/versions`, {
      body: schemaType === 'AVRO' ? { schema } : { schemaType, schema }, contentType: SR_JSON,
    });
    const id = num(body, 'id');
    if (id === undefined) throw new InsideError('schema-register-failed', `The registry did not return an id for subject ${subject}.`);
    return id;
  }

  /** Fetches and parses schema `id` (once); returns its type. */
  async load(id: number): Promise<SchemaType> {
    const known = this.#parsed.get(id);
    if (known !== undefined) return known.kind;
    const r = await this.#client.send('GET', `${this.#url}/schemas/ids/${id}`);
    if (r.status === 404) throw new InsideError('unknown-schema-id', `Schema id ${id} not found in the Schema Registry at ${this.#url}.`);
    if (r.status >= 300) throw new InsideError('schema-fetch-failed', `Cannot fetch schema id ${id}: ${str(r.body, 'message') || `HTTP ${r.status}`}`);
    const type = toSchemaType(str(r.body, 'schemaType') || undefined) ?? 'AVRO';
    const refs = await this.#references(r.body, new Set());
    try {
      this.#parsed.set(id, parseSchema(type, str(r.body, 'schema'), refs));
    } catch (e) {
      throw new InsideError('schema-unparsable', `Schema id ${id} cannot be parsed: ${e instanceof Error ? e.message : String(e)}`);
    }
    return type;
  }

  /** Encodes `value` framed with schema `id` (loaded first). */
  async encode(id: number, value: unknown): Promise<Buffer> {
    await this.load(id);
    try {
      return this.#codec.encode(id, value);
    } catch (e) {
      if (e instanceof SchemaCodecError) throw new InsideError('value-does-not-match-schema', e.message);
      throw e;
    }
  }

  /** Decodes a framed record, or undefined when the bytes do not start with the magic byte. */
  async decode(bytes: Buffer): Promise<DecodedValue | undefined> {
    if (bytes.length < 5 || bytes[0] !== 0) return undefined;
    const id = bytes.readInt32BE(1);
    try {
      await this.load(id);
      const d = this.#codec.decode(bytes);
      return { schemaId: d.schemaId, value: d.value };
    } catch (e) {
      // Bytes that merely start with 0 (or a schema that is gone) are shown raw, not fatal.
      if (e instanceof InsideError || e instanceof SchemaCodecError) return undefined;
      throw e;
    }
  }

  /** Resolves a schema's references depth-first (dependencies before dependents). */
  async #references(body: unknown, seen: Set<string>): Promise<ResolvedReference[]> {
    const out: ResolvedReference[] = [];
    for (const ref of asArray(asObject(body)['references'])) {
      const subject = str(ref, 'subject');
      const version = num(ref, 'version') ?? 1;
      const key = `${subject}/${version}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const v = await this.#client.ok('GET', `${this.#url}/subjects/${encodeURIComponent(subject)}/versions/${version}`);
      out.push(...await this.#references(v, seen));
      out.push({ name: str(ref, 'name'), schemaType: toSchemaType(str(v, 'schemaType') || undefined) ?? 'AVRO', schema: str(v, 'schema') });
    }
    return out;
  }
}
