/**
 * cloud/connectors/datagen: the local cloud's DatagenSource connector — config validation, the
 * 38 quickstarts (schemas read from src/cloud/connectors/quickstarts/), the Avro Random
 * Generator's `arg.properties` semantics with a seedable PRNG, the registered value schema per
 * output format, and the task that appends records to topic logs with resumable source offsets.
 *
 * Depends on shared/, cloud/kafka (types only) and cloud/schema-registry (register + codecs).
 * Must not depend on the connector REST routes/store (cloud/connectors/*), flink/, provisioner/ or cli/.
 */
import { AvroRandomGenerator } from './avro-random-generator.js';
import { DatagenTask } from './datagen-task.js';
import type { DatagenTaskOptions } from './datagen-task.js';
import { RandomSource } from './random-source.js';
import type { AvroDatum, JsonValue } from './types.js';

export { DatagenTask, DatagenTaskError } from './datagen-task.js';
export type { DatagenTaskOptions, DatagenSchemaRegistry } from './datagen-task.js';
export { validateDatagenConfig, DATAGEN_CONNECTOR_CLASS } from './datagen-config.js';
export { QUICKSTARTS, findQuickstart, quickstartsDir, readQuickstartSchema } from './quickstarts.js';
export { AvroRandomGenerator } from './avro-random-generator.js';
export { RandomSource, taskSeed } from './random-source.js';
export { DatagenSchemaError } from './datagen-schema-error.js';
export { RegexStringGenerator } from './regex-string-generator.js';
export { buildSchemaModel } from './avro-schema-model.js';
export type { SchemaModel } from './avro-schema-model.js';
export { registeredValueSchema, connectAvroSchema, jsonSchema, protobufSchema } from './avro-to-formats.js';
export type { RegisteredSchema } from './avro-to-formats.js';
export { valueConverter, keyRenderer } from './format-values.js';
export { toConnectOffset, fromConnectOffsets } from './datagen-offsets.js';
export type { ConnectOffsetPair } from './datagen-offsets.js';
export { parseLenientJson } from './lenient-json.js';
export { OUTPUT_DATA_FORMATS } from './types.js';
export type {
  AvroDatum, DatagenConfig, DatagenOffset, DatagenRunEnd, DatagenStepResult, JsonObject, JsonValue, OutputDataFormat, Quickstart, SchemaSource,
} from './types.js';

/** Creates a task (no I/O until the first `step`/`run`). */
export function createDatagenTask(opts: DatagenTaskOptions): DatagenTask {
  return new DatagenTask(opts);
}

/**
 * `n` records of a schema from a task seed (a non-negative safe integer), re-seeding between
 * records exactly as a task does: the generator alone, for tests and previews.
 */
export function generateRecords(schema: JsonValue, n: number, seed: number): AvroDatum[] {
  const random = new RandomSource(seed);
  const gen = new AvroRandomGenerator(schema, { random });
  const out: AvroDatum[] = [];
  for (let i = 0; i < n; i++) {
    out.push(gen.generate());
    random.setSeed(random.nextSeed());
  }
  return out;
}
