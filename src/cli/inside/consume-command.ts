/**
 * `streamform topic consume TOPIC`: prints records from the end of the log (default), from the
 * beginning or from an offset, once or with --follow until Ctrl-C (or --max records). Values and
 * keys in the Confluent wire format are decoded through the environment's Schema Registry.
 * Records are read from the local cloud's SQLite file (see record-log-reader.ts).
 */
import type { Command } from 'commander';
import { EXIT_OK } from '../exit-codes.js';
import { intFlag, optional, type CommandContext } from './command-runner.js';
import { InsideError } from './inside-error.js';
import { num } from './json-fields.js';
import { RecordLogReader } from './record-log-reader.js';
import { RegistryCodec } from './registry-codec.js';
import { requireTopic } from './topic-access.js';
import type { ConsumedRecord } from './types.js';
import type { LogRecord, ReadResult } from '../../cloud/kafka/index.js';

/** Records read per partition per poll. */
const CHUNK = 500;
/** Pause between polls with --follow when nothing new arrived. */
const POLL_MS = 250;

/** Adds the consume flags. */
export function registerConsumeOptions(cmd: Command): Command {
  return cmd
    .option('--from-beginning', 'start at the earliest offset of each partition')
    .option('--offset <n>', 'start at this offset of each partition')
    .option('--partition <n>', 'read only this partition')
    .option('--max <n>', 'stop after this many records')
    .option('--follow', 'keep polling for new records until Ctrl-C (or --max)')
    .option('--print-key', 'print the key before the value')
    .option('--print-offset', 'print partition and offset before each record')
    .option('--print-headers', 'print the headers of each record')
    .option('--delimiter <text>', 'separator between key and value with --print-key', '\t');
}

/** Runs `topic consume`. */
export async function consumeCommand(ctx: CommandContext): Promise<number> {
  const cluster = await ctx.cluster();
  const topic = ctx.args[0] ?? '';
  const t = await requireTopic(ctx, cluster, topic);
  const count = num(t, 'partitions_count') ?? 0;
  const only = intFlag(ctx.flags['partition'], '--partition');
  if (only !== undefined && only >= count) throw new InsideError('unknown-partition', `Topic "${topic}" has partitions 0 to ${count - 1}; --partition ${only} does not exist.`);
  const max = intFlag(ctx.flags['max'], '--max') ?? Infinity;
  const startOffset = intFlag(ctx.flags['offset'], '--offset');
  const follow = ctx.flags['follow'] === true;
  const reader = RecordLogReader.require(ctx.conn);
  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  if (follow) process.once('SIGINT', onSignal);
  try {
    const positions = new Map<number, number>();
    for (const o of reader.offsets(cluster.id, topic)) {
      if (only !== undefined && o.partition !== only) continue;
      const from = ctx.flags['fromBeginning'] === true ? o.logStartOffset
        : startOffset !== undefined ? Math.min(Math.max(startOffset, o.logStartOffset), o.highWatermark) : o.highWatermark;
      positions.set(o.partition, from);
    }
    const decoder = new RecordDecoder(ctx);
    let printed = 0;
    while (printed < max && !stop.signal.aborted) {
      const batch = poll(reader, cluster.id, topic, positions, max - printed);
      for (const r of batch) ctx.io.out(render(ctx, await decoder.decode(r)));
      printed += batch.length;
      if (batch.length > 0) continue;
      if (!follow) break;
      await pause(POLL_MS, stop.signal);
    }
    if (printed === 0 && !follow && ctx.flags['fromBeginning'] !== true && startOffset === undefined) {
      ctx.io.err('No new records: consume starts at the end of the log. Use --from-beginning, --offset N or --follow.\n');
    }
  } finally {
    process.off('SIGINT', onSignal);
    reader.close();
  }
  return EXIT_OK;
}

/**
 * Reads up to `limit` records across partitions in timestamp order (ties by partition, offset)
 * and advances each partition's position past what it returns.
 */
function poll(reader: RecordLogReader, cluster: string, topic: string, positions: Map<number, number>, limit: number): LogRecord[] {
  const per = Math.min(CHUNK, limit);
  const reads = new Map<number, { records: readonly LogRecord[]; next: number }>();
  for (const [p, from] of positions) {
    let r: ReadResult;
    try {
      r = reader.read(cluster, topic, p, from, per);
    } catch (e) {
      // Retention deleted records past our position while following: continue at the new start.
      if (!(e instanceof InsideError && e.diagnostic.code === 'topic-offset-out-of-range')) throw e;
      r = reader.read(cluster, topic, p, reader.offsets(cluster, topic).find((o) => o.partition === p)?.logStartOffset ?? 0, per);
    }
    reads.set(p, { records: r.records, next: r.nextOffset });
  }
  const all = [...reads.values()].flatMap((r) => r.records)
    .sort((a, b) => a.timestamp - b.timestamp || a.partition - b.partition || a.offset - b.offset);
  const taken = all.slice(0, limit);
  for (const [p, r] of reads) {
    const mine = taken.filter((x) => x.partition === p);
    const last = mine[mine.length - 1];
    positions.set(p, mine.length === r.records.length ? r.next : last === undefined ? positions.get(p) ?? 0 : last.offset + 1);
  }
  return taken;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => { clearTimeout(timer); signal.removeEventListener('abort', done); resolve(); };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

/** Turns stored bytes into printable keys and values (schema-decoded when framed). */
class RecordDecoder {
  readonly #ctx: CommandContext;
  #codec: Promise<RegistryCodec | undefined> | undefined;

  constructor(ctx: CommandContext) {
    this.#ctx = ctx;
  }

  async decode(r: LogRecord): Promise<ConsumedRecord> {
    const value = await this.#bytes(r.value);
    const base = {
      partition: r.partition, offset: r.offset, timestamp: r.timestamp, key: (await this.#bytes(r.key)).value, value: value.value,
      headers: r.headers.map((h) => ({ key: h.key, value: h.value === null ? null : h.value.toString('utf8') })),
    };
    return value.schemaId === undefined ? base : { ...base, valueSchemaId: value.schemaId };
  }

  async #bytes(b: Buffer | null): Promise<{ value: unknown; schemaId?: number }> {
    if (b === null) return { value: null };
    if (b.length >= 5 && b[0] === 0) {
      const codec = await this.#registry();
      const d = codec === undefined ? undefined : await codec.decode(b);
      if (d !== undefined) return { value: plain(d.value), schemaId: d.schemaId };
    }
    return { value: text(b) };
  }

  /** The environment's registry, or undefined when it has none (values then print raw). */
  #registry(): Promise<RegistryCodec | undefined> {
    return (this.#codec ??= this.#ctx.registry().then(
      (sr) => new RegistryCodec(this.#ctx.client, sr.url),
      (e: unknown) => { if (e instanceof InsideError) return undefined; throw e; },
    ));
  }
}

/** UTF-8 text, or `base64:<…>` for bytes that are not valid UTF-8. */
function text(b: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return `base64:${b.toString('base64')}`;
  }
}

/** A decoded value made JSON-safe: bytes become base64, bigints strings. */
function plain(v: unknown): unknown {
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return v.map(plain);
  if (typeof v === 'object' && v !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = plain(x);
    return out;
  }
  return v;
}

function render(ctx: CommandContext, r: ConsumedRecord): string {
  if (ctx.json) {
    const o: Record<string, unknown> = {
      partition: r.partition, offset: r.offset, timestamp: new Date(r.timestamp).toISOString(), key: r.key, value: r.value, headers: r.headers,
    };
    if (r.valueSchemaId !== undefined) o['value_schema_id'] = r.valueSchemaId;
    return JSON.stringify(o) + '\n';
  }
  const show = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));
  let line = '';
  if (ctx.flags['printOffset'] === true) line += `Partition:${r.partition} Offset:${r.offset}\t`;
  if (ctx.flags['printHeaders'] === true) line += `Headers:${r.headers.map((h) => `${h.key}=${h.value ?? ''}`).join(',')}\t`;
  if (ctx.flags['printKey'] === true) line += show(r.key) + (optional(ctx.flags['delimiter']) ?? '\t');
  return `${line}${show(r.value)}\n`;
}
