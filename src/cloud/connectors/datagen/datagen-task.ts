/**
 * DatagenTask: one task of a DatagenSource connector. Per record, as the real task does: generate
 * a record, take the key field's string form as the key (a plain UTF-8 string, no key schema),
 * encode the value in the output format with the registered `<topic>-value` schema id, add the
 * headers task.generation / task.id / current.iteration, set no timestamp (the log stamps
 * CreateTime = now, which is `$rowtime`), then re-seed the random source with a seed drawn from
 * it. The source offset after a record is the next state: {iteration, seed, generation + 1}; a
 * task started from it produces exactly what the uninterrupted task would have produced next.
 */
import { setImmediate as nextTick, setTimeout as sleepFor } from 'node:timers/promises';
import type { TopicLogStore, RecordToAppend, RecordHeader } from '../../kafka/index.js';
import type { SchemaRegistryStore } from '../../schema-registry/index.js';
import { systemIds } from '../../../shared/index.js';
import type { IdSource } from '../../../shared/index.js';
import { AvroRandomGenerator } from './avro-random-generator.js';
import { buildSchemaModel } from './avro-schema-model.js';
import type { SchemaModel } from './avro-schema-model.js';
import { registeredValueSchema } from './avro-to-formats.js';
import { keyRenderer, valueConverter } from './format-values.js';
import { RandomSource, seedFromBytes, taskSeed } from './random-source.js';
import type { AvroDatum, DatagenConfig, DatagenOffset, DatagenRunEnd, DatagenStepResult } from './types.js';

/** The schema registry a task registers its value schema in (the environment's SR cluster). */
export interface DatagenSchemaRegistry {
  readonly store: SchemaRegistryStore;
  readonly srId: string;
}

/** Everything a task needs. */
export interface DatagenTaskOptions {
  readonly config: DatagenConfig;
  readonly taskId: number;
  /** The topic logs the records are appended to. */
  readonly store: Pick<TopicLogStore, 'append'>;
  readonly cluster: string;
  /** Required unless the output format is plain JSON. */
  readonly schemaRegistry?: DatagenSchemaRegistry;
  /** The persisted offset to resume from (generation defaults to 0); a fresh task starts at iteration 0. */
  readonly startingOffset?: { readonly iteration: number; readonly seed: number; readonly generation?: number };
  /** Seeds a task whose connector has no `random.seed` (default: crypto randomness). */
  readonly ids?: IdSource;
  /** Fraction in [0, 1) for the pause before each record (default Math.random, unseeded like the connector's). */
  readonly pacing?: () => number;
  /** Waits `ms` or rejects when `signal` aborts (default: timers). */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

/** A task failure (its message becomes the connector's FAILED trace). */
export class DatagenTaskError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatagenTaskError';
  }
}

/** Generates and appends records for one task. */
export class DatagenTask {
  readonly #opts: DatagenTaskOptions;
  readonly #model: SchemaModel;
  readonly #rng: RandomSource;
  readonly #key: (record: AvroDatum) => string;
  readonly #convert: (d: AvroDatum) => unknown;
  readonly #taskIdHeader: Buffer;
  #generator: AvroRandomGenerator;
  #encode: ((value: unknown) => Buffer) | undefined;
  #iteration: number;
  #seed: number;
  readonly #generation: number;

  constructor(opts: DatagenTaskOptions) {
    this.#opts = opts;
    const { config } = opts;
    const start = opts.startingOffset;
    this.#iteration = start?.iteration ?? 0;
    this.#generation = start?.generation ?? 0;
    this.#seed = start?.seed ?? (config.randomSeed !== undefined ? taskSeed(config.randomSeed, opts.taskId) : seedFromBytes((opts.ids ?? systemIds).bytes(8)));
    this.#rng = new RandomSource(this.#seed);
    this.#model = buildSchemaModel(config.schema);
    this.#generator = new AvroRandomGenerator(this.#model, { random: this.#rng, generation: this.#iteration });
    this.#key = keyRenderer(this.#model, config.keyField);
    this.#convert = valueConverter(this.#model, config.outputFormat);
    this.#taskIdHeader = Buffer.from(String(opts.taskId));
  }

  /** The state the next record starts from (persist it as the task's source offset). */
  get offset(): DatagenOffset {
    return { iteration: this.#iteration, seed: this.#seed, generation: this.#generation + 1 };
  }

  /** True once `iterations` records were produced. */
  get exhausted(): boolean {
    return this.#opts.config.iterations > 0 && this.#iteration >= this.#opts.config.iterations;
  }

  /** The message the real task fails with once exhausted. */
  get exhaustedMessage(): string {
    return `Stopping connector: generated the configured ${this.#iteration} number of messages`;
  }

  /**
   * Generates up to `n` records and appends them in one call (synchronously). On an append or
   * registry failure nothing is appended and the task's state is left where it was.
   */
  step(n: number): DatagenStepResult {
    const encode = this.#encoder();
    const { config } = this.#opts;
    const before = { iteration: this.#iteration, seed: this.#seed };
    const records: RecordToAppend[] = [];
    const generationHeader = Buffer.from(String(this.#generation));
    try {
      for (let i = 0; i < n && !this.exhausted; i++) {
        const datum = this.#generator.generate();
        const headers: RecordHeader[] = [
          { key: 'task.generation', value: generationHeader },
          { key: 'task.id', value: this.#taskIdHeader },
          { key: 'current.iteration', value: Buffer.from(String(this.#iteration)) },
        ];
        records.push({ key: Buffer.from(this.#key(datum), 'utf8'), value: encode(this.#convert(datum)), headers });
        this.#seed = this.#rng.nextSeed();
        this.#rng.setSeed(this.#seed);
        this.#iteration++;
      }
      if (records.length > 0) this.#opts.store.append(this.#opts.cluster, config.topic, records);
    } catch (e) {
      this.#rewind(before.iteration, before.seed);
      throw new DatagenTaskError(e instanceof Error ? e.message : String(e));
    }
    return { produced: records.length, offset: this.offset, exhausted: this.exhausted };
  }

  /**
   * Produces records until `signal` aborts or the task is exhausted, pausing a uniform random
   * time below `max.interval` before each record (with max.interval 0, batches of 100 per tick).
   * `onStep` sees every result so the caller can persist the offset. Rejects with
   * DatagenTaskError when a record cannot be written.
   */
  async run(signal: AbortSignal, onStep?: (result: DatagenStepResult) => void): Promise<DatagenRunEnd> {
    const { maxIntervalMs } = this.#opts.config;
    const pacing = this.#opts.pacing ?? Math.random;
    const sleep = this.#opts.sleep ?? defaultSleep;
    while (!signal.aborted) {
      if (this.exhausted) return { kind: 'exhausted', offset: this.offset, message: this.exhaustedMessage };
      try {
        if (maxIntervalMs > 0) await sleep(Math.floor(maxIntervalMs * pacing()), signal);
        else await nextTick(undefined, { signal });
      } catch (e) {
        if (signal.aborted) break;
        throw e;
      }
      if (signal.aborted) break;
      const result = this.step(maxIntervalMs > 0 ? 1 : 100);
      onStep?.(result);
    }
    return { kind: 'aborted', offset: this.offset };
  }

  #encoder(): (value: unknown) => Buffer {
    if (this.#encode !== undefined) return this.#encode;
    const { config } = this.#opts;
    const schema = registeredValueSchema(this.#model, config.outputFormat);
    if (schema === undefined) {
      this.#encode = (v) => Buffer.from(JSON.stringify(v), 'utf8');
      return this.#encode;
    }
    const sr = this.#opts.schemaRegistry;
    if (sr === undefined) throw new DatagenTaskError(`output.data.format ${config.outputFormat} needs a Schema Registry in the environment`);
    try {
      const { id } = sr.store.register(sr.srId, `${config.topic}-value`, { schema: schema.schema, schemaType: schema.schemaType, references: [] });
      this.#encode = sr.store.codec(sr.srId).encoder(id);
    } catch (e) {
      throw new DatagenTaskError(`Failed to register the value schema of subject ${config.topic}-value: ${e instanceof Error ? e.message : String(e)}`);
    }
    return this.#encode;
  }

  #rewind(iteration: number, seed: number): void {
    this.#iteration = iteration;
    this.#seed = seed;
    this.#rng.setSeed(seed);
    this.#generator = new AvroRandomGenerator(this.#model, { random: this.#rng, generation: iteration });
  }
}

async function defaultSleep(ms: number, signal: AbortSignal): Promise<void> {
  await sleepFor(ms, undefined, { signal });
}
