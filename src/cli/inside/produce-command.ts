/**
 * `streamform topic produce TOPIC`: each stdin line is a record value (or `key<delimiter>value`
 * with --parse-key). Values are sent as BINARY through Kafka REST; schema formats are encoded
 * client-side in the Confluent wire format after registering --schema under `<topic>-value`
 * (or using --schema-id), because the cloud's produce route accepts schemaless types only.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { SchemaType } from '../../cloud/schema-registry/index.js';
import { collect } from '../flags.js';
import { EXIT_OK } from '../exit-codes.js';
import { intFlag, many, optional, type CommandContext } from './command-runner.js';
import { InsideError } from './inside-error.js';
import { num, str } from './json-fields.js';
import { readLines } from './line-reader.js';
import { RegistryCodec } from './registry-codec.js';
import { requireTopic, topicUrl } from './topic-access.js';
import type { ClusterRef } from './types.js';

const FORMATS: { readonly [format: string]: SchemaType | 'string' | 'json' } = {
  string: 'string', json: 'json', avro: 'AVRO', jsonschema: 'JSON', protobuf: 'PROTOBUF',
};

/** Adds the produce flags. */
export function registerProduceOptions(cmd: Command): Command {
  return cmd
    .option('--value-format <format>', 'string, json, avro, jsonschema or protobuf', 'string')
    .option('--schema <file>', 'schema file to register under <topic>-value (avro, jsonschema, protobuf)')
    .option('--schema-id <id>', 'id of a registered schema to write with')
    .option('--subject <subject>', 'subject to register --schema under (default <topic>-value)')
    .option('--parse-key', 'split each line into key and value at --delimiter')
    .option('--delimiter <text>', 'key/value separator with --parse-key', ':')
    .option('--partition <n>', 'partition to write to (default: by key, or sticky)')
    .option('--header <key=value>', 'record header (repeatable)', collect, []);
}

/** How each line's value becomes bytes. */
type ValueEncoder = (text: string) => Promise<Buffer>;

async function valueEncoder(ctx: CommandContext, topic: string): Promise<{ encode: ValueEncoder; schemaId?: number }> {
  const formatName = (optional(ctx.flags['valueFormat']) ?? 'string').toLowerCase();
  const format = FORMATS[formatName];
  if (format === undefined) throw new InsideError('invalid-flag', `--value-format must be one of ${Object.keys(FORMATS).join(', ')}; got "${formatName}".`);
  if (format === 'string') return { encode: async (text) => Buffer.from(text, 'utf8') };
  if (format === 'json') {
    return { encode: async (text) => { parseJson(text); return Buffer.from(text, 'utf8'); } };
  }
  const file = optional(ctx.flags['schema']);
  let schemaId = intFlag(ctx.flags['schemaId'], '--schema-id');
  if (file === undefined && schemaId === undefined) throw new InsideError('missing-schema', `--value-format ${formatName} needs --schema FILE or --schema-id N.`);
  const registry = await ctx.registry();
  const codec = new RegistryCodec(ctx.client, registry.url);
  if (file !== undefined) {
    let text: string;
    try { text = readFileSync(file, 'utf8'); } catch (e) { throw new InsideError('schema-file-unreadable', `Cannot read schema file ${file}: ${e instanceof Error ? e.message : String(e)}`); }
    schemaId = await codec.register(optional(ctx.flags['subject']) ?? `${topic}-value`, format, text);
  }
  const id = schemaId ?? 0;
  const actual = await codec.load(id);
  if (actual !== format) throw new InsideError('schema-format-mismatch', `Schema id ${id} is ${actual}, but --value-format is ${formatName}.`);
  return { encode: (text) => codec.encode(id, parseJson(text)), schemaId: id };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    throw new InsideError('invalid-json-value', `The value is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function headers(ctx: CommandContext): { name: string; value: string }[] {
  return many(ctx.flags['header']).map((kv) => {
    const i = kv.indexOf('=');
    if (i <= 0) throw new InsideError('invalid-flag', `--header must be KEY=VALUE, got "${kv}".`);
    return { name: kv.slice(0, i), value: Buffer.from(kv.slice(i + 1), 'utf8').toString('base64') };
  });
}

/** Runs `topic produce`. */
export async function produceCommand(ctx: CommandContext): Promise<number> {
  const cluster = await ctx.cluster();
  const topic = ctx.args[0] ?? '';
  const t = await requireTopic(ctx, cluster, topic);
  const partition = intFlag(ctx.flags['partition'], '--partition');
  const count = num(t, 'partitions_count') ?? 0;
  if (partition !== undefined && partition >= count) throw new InsideError('unknown-partition', `Topic "${topic}" has partitions 0 to ${count - 1}; --partition ${partition} does not exist.`);
  const { encode } = await valueEncoder(ctx, topic);
  const hdrs = headers(ctx);
  const parseKey = ctx.flags['parseKey'] === true;
  const delimiter = optional(ctx.flags['delimiter']) ?? ':';
  let lineNo = 0;
  let produced = 0;
  for await (const line of readLines(ctx.stdin)) {
    lineNo++;
    if (line.trim() === '') continue;
    try {
      let key: string | undefined;
      let valueText = line;
      if (parseKey) {
        const i = line.indexOf(delimiter);
        if (i < 0) throw new InsideError('missing-key', `No key delimiter "${delimiter}" in the line.`);
        key = line.slice(0, i);
        valueText = line.slice(i + delimiter.length);
      }
      const placed = await send(ctx, cluster, topic, { key, value: await encode(valueText), headers: hdrs, partition });
      produced++;
      ctx.io.out(ctx.json ? JSON.stringify(placed) + '\n' : `partition ${placed.partition}, offset ${placed.offset}\n`);
    } catch (e) {
      if (!(e instanceof InsideError)) throw e;
      throw new InsideError(e.diagnostic.code, `Line ${lineNo}: ${e.message}`, {
        detail: `${produced} record(s) were produced before it; nothing after it was.`,
      });
    }
  }
  return EXIT_OK;
}

async function send(
  ctx: CommandContext, cluster: ClusterRef, topic: string,
  r: { key: string | undefined; value: Buffer; headers: readonly { name: string; value: string }[]; partition: number | undefined },
): Promise<{ partition: number; offset: number; timestamp: string }> {
  const body: Record<string, unknown> = { value: { type: 'BINARY', data: r.value.toString('base64') } };
  if (r.key !== undefined) body['key'] = { type: 'BINARY', data: Buffer.from(r.key, 'utf8').toString('base64') };
  if (r.headers.length > 0) body['headers'] = r.headers;
  if (r.partition !== undefined) body['partition_id'] = r.partition;
  const reply = await ctx.client.ok('POST', `${topicUrl(cluster, topic)}/records`, { body });
  return { partition: num(reply, 'partition_id') ?? 0, offset: num(reply, 'offset') ?? 0, timestamp: str(reply, 'timestamp') };
}
