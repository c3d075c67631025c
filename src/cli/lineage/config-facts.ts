/**
 * The lineage facts a configuration declares: confluent_kafka_topic (topic_name in a cluster of an
 * environment), confluent_flink_statement (statement and its sql.current-catalog/-database
 * properties) and confluent_connector (connector.class and kafka.topic / topics of
 * config_nonsensitive). Environment and cluster display names become the Flink catalog and
 * database, exactly as Confluent Cloud maps them.
 */
import type { LoadedConfig, ResourceConfig } from '../../provisioner/config/index.js';
import type { Expr } from '../../provisioner/lang/index.js';
import { valueReader, type ResourceInstance, type ValueReader } from './config-values.js';
import type { ConnectorFact, LineageFacts, StatementFact, TopicFact } from './types.js';

/** Catalog/database used when nothing says which. */
export const UNKNOWN_CATALOG = '<default>';

/** Reads topics, statements and connectors from the root module. */
export function configFacts(config: LoadedConfig): LineageFacts {
  const module = config.root;
  const reader = valueReader(module);
  const warnings: string[] = [];
  const of = (type: string): ResourceConfig[] => module.resources.filter((r) => r.mode === 'managed' && r.type === type);
  const envs = of('confluent_environment');
  const clusters = of('confluent_kafka_cluster');
  // With one environment and one cluster, statements and topics that do not say where they live can only live there.
  const defaultCatalog = envs.length === 1 && envs[0] !== undefined ? displayName(reader, envs[0]) : UNKNOWN_CATALOG;
  const defaultDatabase = clusters.length === 1 && clusters[0] !== undefined ? displayName(reader, clusters[0]) : UNKNOWN_CATALOG;

  // count/for_each: one fact per instance when the keys resolve from configuration, else one.
  const expand = (r: ResourceConfig): readonly ResourceInstance[] => {
    const list = reader.instances(r);
    if (list !== undefined) return list;
    warnings.push(`${address(r)} uses count/for_each that cannot be resolved from configuration; it is drawn once.`);
    return [{ address: address(r), reader }];
  };

  const place = (r: ResourceConfig, reader: ValueReader): { catalog: string; database: string } => {
    const clusterRef = blockAttr(r, 'kafka_cluster', 'id');
    const cluster = clusterRef === undefined ? undefined : reader.resourceOf(clusterRef);
    if (cluster === undefined) return { catalog: defaultCatalog, database: defaultDatabase };
    const envRef = blockAttr(cluster, 'environment', 'id');
    const env = envRef === undefined ? undefined : reader.resourceOf(envRef);
    return { catalog: env === undefined ? defaultCatalog : displayName(reader, env), database: displayName(reader, cluster) };
  };

  const topics: TopicFact[] = [];
  for (const r of of('confluent_kafka_topic')) {
    const name = attr(r, 'topic_name');
    if (name === undefined) continue;
    for (const i of expand(r)) topics.push({ ...place(r, i.reader), name: i.reader.text(name).text, address: i.address });
  }

  const statements: StatementFact[] = [];
  for (const r of of('confluent_flink_statement')) {
    const sqlExpr = attr(r, 'statement');
    if (sqlExpr === undefined) continue;
    const nameExpr = attr(r, 'statement_name');
    for (const i of expand(r)) {
      const sql = i.reader.text(sqlExpr, { quotePlaceholders: true });
      const props = attrEntries(i.reader, r, 'properties');
      statements.push({
        name: nameExpr === undefined ? r.name + i.address.slice(address(r).length) : i.reader.text(nameExpr).text,
        sql: sql.text,
        catalog: props.get('sql.current-catalog') ?? defaultCatalog,
        database: props.get('sql.current-database') ?? defaultDatabase,
        address: i.address,
      });
    }
  }

  const connectors: ConnectorFact[] = [];
  for (const r of of('confluent_connector')) {
    for (const i of expand(r)) {
      const cfg = attrEntries(i.reader, r, 'config_nonsensitive');
      const className = cfg.get('connector.class') ?? 'unknown';
      const sink = /sink/i.test(className);
      const topicsText = sink ? cfg.get('topics') ?? cfg.get('kafka.topic') : cfg.get('kafka.topic') ?? cfg.get('topics');
      connectors.push({
        name: cfg.get('name') ?? r.name + i.address.slice(address(r).length), className, direction: sink ? 'sink' : 'source',
        topics: splitTopics(topicsText), ...place(r, i.reader), address: i.address,
      });
    }
  }
  return { source: 'config', topics, statements, connectors, warnings };
}

/** `a, b` → `['a', 'b']`. */
export function splitTopics(text: string | undefined): string[] {
  return (text ?? '').split(',').map((t) => t.trim()).filter((t) => t !== '');
}

function address(r: ResourceConfig): string {
  return `${r.type}.${r.name}`;
}

function attr(r: ResourceConfig, name: string): Expr | undefined {
  return r.body.attributes.get(name)?.expr;
}

function blockAttr(r: ResourceConfig, block: string, name: string): Expr | undefined {
  return r.body.blocks.find((b) => b.type === block)?.body.attributes.get(name)?.expr;
}

function attrEntries(reader: ValueReader, r: ResourceConfig, name: string): Map<string, string> {
  const e = attr(r, name);
  const out = new Map<string, string>();
  if (e === undefined) return out;
  for (const [k, v] of reader.entries(e)) out.set(k, v.text);
  return out;
}

function displayName(reader: ValueReader, r: ResourceConfig): string {
  const e = attr(r, 'display_name');
  return e === undefined ? r.name : reader.text(e).text;
}
