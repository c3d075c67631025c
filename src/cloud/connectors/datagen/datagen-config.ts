/**
 * Validates a DatagenSource connector config into a DatagenConfig. Every problem is a Diagnostic
 * whose `address` is the config key at fault and whose summary names the key and what is wrong,
 * so the connector API can turn them into 400 bodies or a FAILED trace. The schema is parsed and
 * its annotations compiled here, so a bad `schema.string` fails at creation, not at runtime.
 */
import { isAbsolute } from 'node:path';
import { readFileSync } from 'node:fs';
import { errorDiag, suggestion } from '../../../shared/index.js';
import type { Diagnostic, Outcome } from '../../../shared/index.js';
import { parseLenientJson } from './lenient-json.js';
import { QUICKSTARTS, findQuickstart, quickstartByFile, readQuickstartSchema } from './quickstarts.js';
import { AvroRandomGenerator } from './avro-random-generator.js';
import { DatagenSchemaError } from './datagen-schema-error.js';
import { RandomSource } from './random-source.js';
import { isJsonObject } from './avro-schema-model.js';
import { OUTPUT_DATA_FORMATS } from './types.js';
import type { DatagenConfig, JsonObject, SchemaSource } from './types.js';

/** The connector class this config is for. */
export const DATAGEN_CONNECTOR_CLASS = 'DatagenSource';

const TOPIC_NAME = /^[a-zA-Z0-9._-]{1,249}$/;
const MIN_LONG = -(2n ** 63n);
const MAX_LONG = 2n ** 63n - 1n;

/** Validates a raw connector config (string values, as the Connect API stores them). */
export function validateDatagenConfig(raw: { readonly [key: string]: string }): Outcome<DatagenConfig> {
  const diags: Diagnostic[] = [];
  const problem = (key: string, code: string, summary: string, detail?: string): void => {
    diags.push(errorDiag(code, summary, { address: key, detail }));
  };
  const get = (key: string): string | undefined => {
    const v = raw[key];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };

  const cls = get('connector.class');
  if (cls === undefined) problem('connector.class', 'datagen-missing-config', 'Missing required configuration "connector.class" which has no default value.');
  else if (cls !== DATAGEN_CONNECTOR_CLASS) problem('connector.class', 'datagen-invalid-config', `Invalid value ${cls} for configuration connector.class: must be ${DATAGEN_CONNECTOR_CLASS}.`);

  const topic = get('kafka.topic');
  if (topic === undefined) problem('kafka.topic', 'datagen-missing-config', 'Missing required configuration "kafka.topic" which has no default value.');
  else if (!TOPIC_NAME.test(topic) || topic === '.' || topic === '..') problem('kafka.topic', 'datagen-invalid-config', `Invalid value ${topic} for configuration kafka.topic: topic names use only ASCII letters, digits, '.', '_' and '-' (at most 249 characters).`);

  const outputFormat = enumValue(get('output.data.format') ?? 'AVRO', 'output.data.format', OUTPUT_DATA_FORMATS, problem);
  const keyFormat = get('output.key.format') ?? 'STRING';
  if (keyFormat.toUpperCase() !== 'STRING') problem('output.key.format', 'datagen-invalid-config', `Invalid value ${keyFormat} for configuration output.key.format: the Datagen source writes the key field as a plain string; must be STRING.`);

  const maxInterval = integer(get('max.interval') ?? '500', 'max.interval', 0n, MAX_LONG, problem);
  const iterations = integer(get('iterations') ?? '-1', 'iterations', -(2n ** 31n), 2n ** 31n - 1n, problem);
  const tasksMax = integer(get('tasks.max') ?? '1', 'tasks.max', 1n, 2n ** 31n - 1n, problem);
  const seedText = get('random.seed');
  const seed = seedText === undefined ? undefined : integer(seedText, 'random.seed', MIN_LONG, MAX_LONG, problem);

  const schema = schemaSource(get, problem);
  let keyField = get('schema.keyfield') ?? (schema?.source.kind === 'quickstart' ? schema.source.quickstart.keyField : '');
  if (schema !== undefined) {
    const fields = schema.json['fields'];
    const names = Array.isArray(fields) ? fields.flatMap((f) => (isJsonObject(f) && typeof f['name'] === 'string' ? [f['name']] : [])) : [];
    if (keyField !== '' && !names.includes(keyField)) {
      const key = raw['schema.keyfield'] !== undefined ? 'schema.keyfield' : 'quickstart';
      problem(key, 'datagen-invalid-config', `Invalid value ${keyField} for configuration ${key}: the schema has no top-level field "${keyField}".${suggestion(keyField, names)}`, `Fields: ${names.join(', ')}`);
      keyField = '';
    }
  }

  if (diags.length > 0 || topic === undefined || schema === undefined || outputFormat === undefined || maxInterval === undefined || iterations === undefined || tasksMax === undefined) {
    return { diagnostics: diags };
  }
  const config: DatagenConfig = {
    topic, source: schema.source, schema: schema.json, keyField, outputFormat, keyFormat: 'STRING',
    maxIntervalMs: Number(maxInterval), iterations: Number(iterations), tasksMax: Number(tasksMax),
    ...(seed === undefined ? {} : { randomSeed: seed.toString() }),
  };
  return { value: config, diagnostics: [] };
}

type Problem = (key: string, code: string, summary: string, detail?: string) => void;

function enumValue<T extends string>(v: string, key: string, allowed: readonly T[], problem: Problem): T | undefined {
  const hit = allowed.find((a) => a === v.toUpperCase());
  if (hit === undefined) problem(key, 'datagen-invalid-config', `Invalid value ${v} for configuration ${key}: must be one of ${allowed.join(', ')}.`);
  return hit;
}

function integer(v: string, key: string, min: bigint, max: bigint, problem: Problem): bigint | undefined {
  if (!/^[+-]?\d+$/.test(v)) {
    problem(key, 'datagen-invalid-config', `Invalid value ${v} for configuration ${key}: not a whole number.`);
    return undefined;
  }
  const n = BigInt(v);
  if (n < min || n > max) {
    problem(key, 'datagen-invalid-config', `Invalid value ${v} for configuration ${key}: must be between ${min} and ${max}.`);
    return undefined;
  }
  return n;
}

/** Exactly one of quickstart / schema.string / schema.filename, parsed and compiled. */
function schemaSource(get: (key: string) => string | undefined, problem: Problem): { source: SchemaSource; json: JsonObject } | undefined {
  const given = (['quickstart', 'schema.string', 'schema.filename'] as const).filter((k) => get(k) !== undefined);
  if (given.length === 0) {
    problem('quickstart', 'datagen-missing-config', 'Missing schema: set one of "quickstart", "schema.string" or "schema.filename".');
    return undefined;
  }
  if (given.length > 1) {
    problem(given[1] ?? 'quickstart', 'datagen-conflicting-config', `Conflicting configuration: set only one of ${given.map((k) => `"${k}"`).join(', ')}.`);
    return undefined;
  }
  const key = given[0] ?? 'quickstart';
  const value = get(key) ?? '';
  let source: SchemaSource;
  let text: string;
  if (key === 'quickstart') {
    const q = findQuickstart(value);
    if (q === undefined) {
      problem(key, 'datagen-unknown-quickstart', `Invalid value ${value} for configuration quickstart: unknown quickstart.${suggestion(value.toUpperCase(), QUICKSTARTS.map((x) => x.name))}`, `Known quickstarts: ${QUICKSTARTS.map((x) => x.name).join(', ')}`);
      return undefined;
    }
    source = { kind: 'quickstart', quickstart: q };
    text = readQuickstartSchema(q.schemaFile);
  } else if (key === 'schema.string') {
    source = { kind: 'schema-string' };
    text = value;
  } else {
    const shipped = quickstartByFile(value);
    if (shipped === undefined && !isAbsolute(value)) {
      problem(key, 'datagen-invalid-config', `Invalid value ${value} for configuration schema.filename: use an absolute path or the name of a shipped quickstart schema file.${suggestion(value, QUICKSTARTS.map((x) => x.schemaFile))}`);
      return undefined;
    }
    source = { kind: 'schema-file', path: value };
    try {
      text = shipped === undefined ? readFileSync(value, 'utf8') : readQuickstartSchema(shipped.schemaFile);
    } catch (e) {
      problem(key, 'datagen-invalid-config', `Invalid value ${value} for configuration schema.filename: unable to read the schema file (${e instanceof Error ? e.message : String(e)}).`);
      return undefined;
    }
  }
  const parsed = parseLenientJson(text);
  if ('error' in parsed) {
    problem(key, 'datagen-invalid-schema', `Invalid schema in configuration ${key}: not valid JSON (${parsed.error}).`);
    return undefined;
  }
  if (!isJsonObject(parsed.value) || parsed.value['type'] !== 'record') {
    problem(key, 'datagen-invalid-schema', `Invalid schema in configuration ${key}: the schema must be an Avro record.`);
    return undefined;
  }
  try {
    new AvroRandomGenerator(parsed.value, { random: new RandomSource(0) }).generate();
  } catch (e) {
    if (!(e instanceof DatagenSchemaError)) throw e;
    problem(key, 'datagen-invalid-schema', `Invalid schema in configuration ${key}: ${e.message}.`);
    return undefined;
  }
  return { source, json: parsed.value };
}

