/**
 * The lineage facts of a running cloud: per environment, its Kafka clusters and their topics
 * (Kafka REST), its statements (`sql/v1`, with their phase) and each cluster's connectors
 * (`connect/v1 ?expand=info,status`). Environment and cluster display names are the catalog and
 * database statements resolve against.
 */
import type { CloudClient, EnvironmentRef } from '../inside/index.js';
import { splitTopics, UNKNOWN_CATALOG } from './config-facts.js';
import type { ConnectorFact, LineageFacts, StatementFact, TopicFact } from './types.js';

interface ClusterInfo { readonly id: string; readonly name: string; readonly restBase: string }

/** Reads every environment in `envs` (sorted by id). */
export async function cloudFacts(client: CloudClient, envs: readonly EnvironmentRef[]): Promise<LineageFacts> {
  const topics: TopicFact[] = [];
  const statements: StatementFact[] = [];
  const connectors: ConnectorFact[] = [];
  const warnings: string[] = [];
  const orgs = await client.list('/org/v2/organizations');
  const orgId = str(orgs[0], 'id');
  for (const env of envs) {
    const clusters: ClusterInfo[] = (await client.list('/cmk/v2/clusters', { environment: env.id })).map((c) => {
      const id = str(c, 'id');
      const endpoint = (str(obj(c)['spec'], 'http_endpoint') || client.url).replace(/\/+$/, '');
      return { id, name: str(obj(c)['spec'], 'display_name') || id, restBase: `${endpoint}/kafka/v3/clusters/${encodeURIComponent(id)}` };
    }).sort((a, b) => (a.id < b.id ? -1 : 1));
    const only = clusters.length === 1 ? clusters[0] : undefined;
    for (const cluster of clusters) {
      const listed = await client.ok('GET', `${cluster.restBase}/topics`);
      for (const t of arr(obj(listed)['data'])) {
        if (obj(t)['is_internal'] === true) continue;
        topics.push({ catalog: env.name, database: cluster.name, name: str(t, 'topic_name') });
      }
      const byName = await client.ok('GET', `/connect/v1/environments/${encodeURIComponent(env.id)}/clusters/${encodeURIComponent(cluster.id)}/connectors`, { query: { expand: 'info,status' } });
      for (const [name, entry] of Object.entries(obj(byName)).sort(([a], [b]) => (a < b ? -1 : 1))) {
        const info = obj(obj(entry)['info']);
        const config = obj(info['config']);
        const className = str(config, 'connector.class') || 'unknown';
        const sink = str(info, 'type') === 'sink' || /sink/i.test(className);
        const state = str(obj(obj(entry)['status'])['connector'], 'state');
        connectors.push({
          name, className, direction: sink ? 'sink' : 'source',
          topics: splitTopics(sink ? str(config, 'topics') || str(config, 'kafka.topic') : str(config, 'kafka.topic') || str(config, 'topics')),
          catalog: env.name, database: cluster.name, ...(state === '' ? {} : { state }),
        });
      }
    }
    if (orgId === '') { warnings.push('The cloud reports no organization; statements are not listed.'); continue; }
    const listed = await client.list(`/sql/v1/organizations/${encodeURIComponent(orgId)}/environments/${encodeURIComponent(env.id)}/statements`);
    for (const s of listed) {
      const spec = obj(obj(s)['spec']);
      const props = obj(spec['properties']);
      statements.push({
        name: str(s, 'name'), sql: str(spec, 'statement'),
        catalog: str(props, 'sql.current-catalog') || env.name,
        database: str(props, 'sql.current-database') || only?.name || UNKNOWN_CATALOG,
        phase: str(obj(obj(s)['status']), 'phase') || 'UNKNOWN',
      });
    }
  }
  return { source: 'cloud', topics, statements, connectors, warnings };
}

function obj(v: unknown): { readonly [k: string]: unknown } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as { readonly [k: string]: unknown }) : {};
}

function arr(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : [];
}

function str(v: unknown, key: string): string {
  const x = obj(v)[key];
  return typeof x === 'string' ? x : '';
}
