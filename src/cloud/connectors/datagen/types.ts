/** Plain data crossing the Datagen boundary: validated config, source offsets, generated records. */

/** The value formats of the managed Datagen connector (`output.data.format`). */
export type OutputDataFormat = 'AVRO' | 'JSON_SR' | 'PROTOBUF' | 'JSON';

/** All output formats, in the order the connector documents them. */
export const OUTPUT_DATA_FORMATS: readonly OutputDataFormat[] = ['AVRO', 'JSON_SR', 'PROTOBUF', 'JSON'];

/** A JSON value as parsed from a schema file. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A JSON object (an Avro schema node with `type`, a field, an `arg.properties` map). */
export type JsonObject = { readonly [key: string]: JsonValue };

/** One entry of the connector's `Quickstart` enum. */
export interface Quickstart {
  readonly name: string;
  /** The schema file shipped in `src/cloud/connectors/quickstarts/`. */
  readonly schemaFile: string;
  /** The field whose value becomes the Kafka key. */
  readonly keyField: string;
}

/** Where the connector's schema came from. */
export type SchemaSource =
  | { readonly kind: 'quickstart'; readonly quickstart: Quickstart }
  | { readonly kind: 'schema-string' }
  | { readonly kind: 'schema-file'; readonly path: string };

/** A validated Datagen connector config. */
export interface DatagenConfig {
  readonly topic: string;
  readonly source: SchemaSource;
  /** The Avro schema with its `arg.properties` annotations, as parsed. */
  readonly schema: JsonObject;
  /** The key field; '' means every key is the empty string (as the connector does). */
  readonly keyField: string;
  readonly outputFormat: OutputDataFormat;
  /** Keys are always plain UTF-8 strings (no key subject is registered). */
  readonly keyFormat: 'STRING';
  /** Upper bound (exclusive) of the uniform random sleep before each record, in ms. */
  readonly maxIntervalMs: number;
  /** Records per task before it stops; <= 0 means unlimited. */
  readonly iterations: number;
  /** `random.seed`, as a decimal string of a 64-bit integer, when set. */
  readonly randomSeed?: string;
  readonly tasksMax: number;
}

/**
 * A task's source offset: the state the NEXT record starts from. `iteration` is the count of
 * records already produced (iteration counters continue from it), `seed` re-seeds the random
 * source exactly, and `generation` counts task lifetimes (the `task.generation` header).
 */
export interface DatagenOffset {
  readonly iteration: number;
  /** A non-negative safe integer (53 bits), so it survives JSON. */
  readonly seed: number;
  readonly generation: number;
}

/** A generated Avro datum: records are plain objects, bytes and fixed are Buffers, longs are numbers. */
export type AvroDatum = null | boolean | number | string | Buffer | readonly AvroDatum[] | { readonly [key: string]: AvroDatum };

/** What one call to `DatagenTask.step` did. */
export interface DatagenStepResult {
  /** Records appended by this call. */
  readonly produced: number;
  /** The offset to persist (the state the next record starts from). */
  readonly offset: DatagenOffset;
  /** True once `iterations` records were produced: the real task then fails with `exhaustedMessage`. */
  readonly exhausted: boolean;
}

/** How `DatagenTask.run` ended. */
export type DatagenRunEnd =
  | { readonly kind: 'aborted'; readonly offset: DatagenOffset }
  | { readonly kind: 'exhausted'; readonly offset: DatagenOffset; readonly message: string };
