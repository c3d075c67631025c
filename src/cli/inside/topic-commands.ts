/** `streamform topic list|describe|create|delete` over Kafka REST v3 (plus produce and consume). */
import type { Command } from 'commander';
import { collect } from '../flags.js';
import { EXIT_OK } from '../exit-codes.js';
import { action, intFlag, many, withCluster, type CommandContext, type InsideDeps } from './command-runner.js';
import { consumeCommand, registerConsumeOptions } from './consume-command.js';
import { InsideError } from './inside-error.js';
import { asArray, asObject, bool, num, str } from './json-fields.js';
import { produceCommand, registerProduceOptions } from './produce-command.js';
import { RecordLogReader } from './record-log-reader.js';
import { renderJson, renderRecord, renderTable } from './table-view.js';
import { requireTopic, topicUrl, unknownTopic } from './topic-access.js';
import type { Column, Row } from './types.js';

const LIST_COLUMNS: readonly Column[] = [
  { key: 'name', title: 'Name' }, { key: 'partitions_count', title: 'Partitions' }, { key: 'replication_factor', title: 'Replication Factor' }, { key: 'is_internal', title: 'Internal' },
];
const TOPIC_COLUMNS: readonly Column[] = [
  { key: 'topic_name', title: 'Topic:' }, { key: 'cluster_id', title: 'Cluster:' }, { key: 'partitions_count', title: 'Partitions:' },
  { key: 'replication_factor', title: 'Replication Factor:' }, { key: 'is_internal', title: 'Internal:' },
];
const PARTITION_COLUMNS: readonly Column[] = [{ key: 'partition_id', title: 'Partition' }, { key: 'earliest_offset', title: 'Earliest Offset' }, { key: 'latest_offset', title: 'Latest Offset' }];
const CONFIG_COLUMNS: readonly Column[] = [{ key: 'name', title: 'Name' }, { key: 'value', title: 'Value' }, { key: 'source', title: 'Source' }, { key: 'read_only', title: 'Read-Only' }];

/** Registers the `topic` command group. */
export function registerTopicCommands(program: Command, deps: InsideDeps): void {
  const topic = program.command('topic').description('Kafka topics: list, describe, create, delete, produce, consume');
  withCluster(topic.command('list').description('List topics of a Kafka cluster')).action(action(deps, list));
  withCluster(topic.command('describe').description('Show partitions with earliest/latest offsets, and configs').argument('<topic>')).action(action(deps, describe));
  withCluster(topic.command('create').description('Create a topic').argument('<topic>'))
    .option('--partitions <n>', 'number of partitions', '6')
    .option('--config <name=value>', 'topic config (repeatable)', collect, [])
    .option('--if-not-exists', 'succeed when the topic already exists')
    .action(action(deps, create));
  withCluster(topic.command('delete').description('Delete a topic and its records').argument('<topic>')).action(action(deps, remove));
  registerProduceOptions(withCluster(topic.command('produce').description('Produce stdin lines as records').argument('<topic>'))).action(action(deps, produceCommand));
  registerConsumeOptions(withCluster(topic.command('consume').description('Print records of a topic').argument('<topic>'))).action(action(deps, consumeCommand));
}

async function list(ctx: CommandContext): Promise<number> {
  const cluster = await ctx.cluster();
  const body = await ctx.client.ok('GET', `${cluster.restUrl}/topics`);
  const rows = asArray(asObject(body)['data']).map((t): Row => ({
    name: str(t, 'topic_name'), partitions_count: num(t, 'partitions_count') ?? 0, replication_factor: num(t, 'replication_factor') ?? 0, is_internal: bool(t, 'is_internal'),
  })).sort((a, b) => String(a['name']).localeCompare(String(b['name'])));
  ctx.io.out(ctx.json ? renderJson(rows) : renderTable(LIST_COLUMNS, rows, `No topics in Kafka cluster ${cluster.id}.`));
  return EXIT_OK;
}

async function describe(ctx: CommandContext): Promise<number> {
  const cluster = await ctx.cluster();
  const name = ctx.args[0] ?? '';
  const t = await requireTopic(ctx, cluster, name);
  const count = num(t, 'partitions_count') ?? 0;
  const reader = RecordLogReader.open(ctx.conn);
  let partitions: Row[];
  try {
    const offsets = reader?.offsets(cluster.id, name);
    partitions = Array.from({ length: count }, (_, p): Row => {
      const o = offsets?.find((x) => x.partition === p);
      return { partition_id: p, earliest_offset: o?.logStartOffset ?? null, latest_offset: o?.highWatermark ?? null };
    });
  } finally {
    reader?.close();
  }
  const configs = asArray(asObject(await ctx.client.ok('GET', `${topicUrl(cluster, name)}/configs`))['data']).map((c): Row => ({
    name: str(c, 'name'), value: asObject(c)['value'] === null ? null : str(c, 'value'),
    source: str(c, 'source') === 'DYNAMIC_TOPIC_CONFIG' ? 'dynamic' : 'default', read_only: bool(c, 'is_read_only'),
  })).sort((a, b) => String(a['name']).localeCompare(String(b['name'])));
  const head: Row = {
    topic_name: name, cluster_id: cluster.id, partitions_count: count, replication_factor: num(t, 'replication_factor') ?? 0, is_internal: bool(t, 'is_internal'),
  };
  if (ctx.json) {
    ctx.io.out(renderJson({ ...head, partitions, configs }));
    return EXIT_OK;
  }
  const note = reader === undefined ? '(offsets are shown for the local cloud only: pass --data-dir to read them)\n' : '';
  ctx.io.out(`${renderRecord(TOPIC_COLUMNS, head)}\n${renderTable(PARTITION_COLUMNS, partitions)}${note}\nConfiguration\n\n${renderTable(CONFIG_COLUMNS, configs)}`);
  return EXIT_OK;
}

async function create(ctx: CommandContext): Promise<number> {
  const cluster = await ctx.cluster();
  const name = ctx.args[0] ?? '';
  const partitions = intFlag(ctx.flags['partitions'], '--partitions') ?? 6;
  const configs = many(ctx.flags['config']).map((kv) => {
    const i = kv.indexOf('=');
    if (i <= 0) throw new InsideError('invalid-flag', `--config must be NAME=VALUE, got "${kv}".`);
    return { name: kv.slice(0, i), value: kv.slice(i + 1) };
  });
  const r = await ctx.client.send('POST', `${cluster.restUrl}/topics`, { body: { topic_name: name, partitions_count: partitions, configs } });
  const exists = r.status === 400 && /already exists/i.test(str(r.body, 'message'));
  if (exists && ctx.flags['ifNotExists'] === true) {
    ctx.io.out(ctx.json ? renderJson({ topic_name: name, cluster_id: cluster.id, created: false }) : `Topic "${name}" already exists.\n`);
    return EXIT_OK;
  }
  if (r.status >= 300) throw new InsideError(exists ? 'topic-already-exists' : 'topic-create-failed', `Cannot create topic "${name}": ${str(r.body, 'message') || `HTTP ${r.status}`}`);
  ctx.io.out(ctx.json ? renderJson({ topic_name: name, cluster_id: cluster.id, partitions_count: num(r.body, 'partitions_count') ?? partitions, created: true })
    : `Created topic "${name}" in Kafka cluster ${cluster.id} (${partitions} partitions).\n`);
  return EXIT_OK;
}

async function remove(ctx: CommandContext): Promise<number> {
  const cluster = await ctx.cluster();
  const name = ctx.args[0] ?? '';
  const r = await ctx.client.send('DELETE', topicUrl(cluster, name));
  if (r.status === 404) throw await unknownTopic(ctx, cluster, name);
  if (r.status >= 300) throw new InsideError('topic-delete-failed', `Cannot delete topic "${name}": ${str(r.body, 'message') || `HTTP ${r.status}`}`);
  ctx.io.out(ctx.json ? renderJson({ topic_name: name, cluster_id: cluster.id, deleted: true }) : `Deleted topic "${name}".\n`);
  return EXIT_OK;
}
