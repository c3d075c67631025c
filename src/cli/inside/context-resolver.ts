/**
 * Context resolution like the confluent CLI: `--environment` and `--cluster` take an id or a
 * display name; without them the only environment (or the only cluster of the environment) is
 * used, and when there are several the error lists the candidates.
 */
import type { CloudClient } from './cloud-client.js';
import { InsideError } from './inside-error.js';
import { str } from './json-fields.js';
import type { ClusterRef, EnvironmentRef, RegistryRef } from './types.js';

/** Every environment, sorted by id. */
export async function listEnvironments(client: CloudClient): Promise<EnvironmentRef[]> {
  const items = await client.list('/org/v2/environments');
  return items.map((e) => ({ id: str(e, 'id'), name: str(e, 'display_name'), streamGovernance: str(e, 'stream_governance_config.package') || null }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The environment named by `ref` (id or display name), or the only one. */
export async function resolveEnvironment(client: CloudClient, ref: string | undefined): Promise<EnvironmentRef> {
  return pick('environment', await listEnvironments(client), ref, {
    flag: '--environment',
    none: 'No environment exists yet; create one with `streamform apply` (resource confluent_environment).',
  });
}

/** Every Kafka cluster of an environment, sorted by id. */
export async function listClusters(client: CloudClient, env: EnvironmentRef): Promise<ClusterRef[]> {
  const items = await client.list('/cmk/v2/clusters', { environment: env.id });
  return items.map((c) => {
    const id = str(c, 'id');
    const endpoint = str(c, 'spec.http_endpoint') || client.url;
    return {
      id, name: str(c, 'spec.display_name'), environmentId: env.id, type: str(c, 'spec.config.kind'),
      cloud: str(c, 'spec.cloud'), region: str(c, 'spec.region'), availability: str(c, 'spec.availability'),
      status: str(c, 'status.phase'), restUrl: `${endpoint.replace(/\/+$/, '')}/kafka/v3/clusters/${encodeURIComponent(id)}`,
    };
  }).sort((a, b) => a.id.localeCompare(b.id));
}

/** The cluster named by `ref` (id or display name) in `env`, or its only cluster. */
export async function resolveCluster(client: CloudClient, env: EnvironmentRef, ref: string | undefined): Promise<ClusterRef> {
  return pick('Kafka cluster', await listClusters(client, env), ref, {
    flag: '--cluster',
    scope: ` in environment ${env.id} (${env.name})`,
    none: `Environment ${env.id} (${env.name}) has no Kafka cluster; create one with \`streamform apply\` (resource confluent_kafka_cluster).`,
  });
}

/** The Schema Registry cluster of an environment. */
export async function resolveRegistry(client: CloudClient, env: EnvironmentRef): Promise<RegistryRef> {
  const items = await client.list('/srcm/v3/clusters', { environment: env.id });
  const first = items[0];
  if (first === undefined) {
    throw new InsideError('no-schema-registry', `Environment ${env.id} (${env.name}) has no Schema Registry.`, {
      detail: 'Schema Registry comes with the environment\'s stream_governance package.',
    });
  }
  const id = str(first, 'id');
  return { id, environmentId: env.id, url: (str(first, 'spec.http_endpoint') || `${client.url}/sr/${id}`).replace(/\/+$/, '') };
}

function pick<T extends { readonly id: string; readonly name: string }>(
  what: string, items: readonly T[], ref: string | undefined, opts: { flag: string; none: string; scope?: string },
): T {
  const scope = opts.scope ?? '';
  const listing = (xs: readonly T[]): string => xs.map((x) => `  ${x.id}  ${x.name}`).join('\n');
  if (ref === undefined) {
    const only = items[0];
    if (items.length === 1 && only !== undefined) return only;
    if (items.length === 0) throw new InsideError(`no-${kebab(what)}`, opts.none);
    throw new InsideError(`ambiguous-${kebab(what)}`, `Several ${what}s exist${scope}; choose one with ${opts.flag} (id or name).`, { detail: `Candidates:\n${listing(items)}` });
  }
  const byId = items.find((x) => x.id === ref);
  if (byId !== undefined) return byId;
  const byName = items.filter((x) => x.name === ref);
  const named = byName[0];
  if (byName.length === 1 && named !== undefined) return named;
  if (byName.length > 1) {
    throw new InsideError(`ambiguous-${kebab(what)}`, `Several ${what}s are named "${ref}"${scope}; choose one by id with ${opts.flag}.`, { detail: `Candidates:\n${listing(byName)}` });
  }
  throw new InsideError(`unknown-${kebab(what)}`, `${capitalize(what)} "${ref}" not found${scope}.`, {
    detail: items.length === 0 ? opts.none : `Known ${what}s:\n${listing(items)}`,
  });
}

function kebab(s: string): string {
  return s.toLowerCase().replace(/\s+/g, '-');
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
