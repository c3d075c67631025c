/**
 * Where statements go: the cloud (as for the inside commands), the organization, the environment
 * (`--environment`, else the one whose display name is the catalog, else the only one) and the
 * compute pool (`--compute-pool`, else the environment's first pool).
 */
import type { Io } from '../terminal.js';
import { CloudClient, InsideError, listEnvironments, resolveConnection, resolveEnvironment, type EnvironmentRef } from '../inside/index.js';
import { StatementClient } from './statement-client.js';

export interface SqlTarget {
  readonly client: CloudClient;
  readonly statements: StatementClient;
  readonly environment: EnvironmentRef;
  readonly computePoolId?: string;
}

export interface SqlTargetFlags {
  readonly url?: string;
  readonly apiKey?: string;
  readonly dataDir?: string;
  readonly environment?: string;
  readonly catalog?: string;
  readonly computePool?: string;
}

export async function resolveSqlTarget(io: Io, dir: string, f: SqlTargetFlags): Promise<SqlTarget> {
  const conn = await resolveConnection(io, dir, { ...(f.url ? { url: f.url } : {}), ...(f.apiKey ? { apiKey: f.apiKey } : {}), ...(f.dataDir ? { dataDir: f.dataDir } : {}) });
  const client = new CloudClient(conn);
  let env: EnvironmentRef;
  if (f.environment) env = await resolveEnvironment(client, f.environment);
  else if (f.catalog) {
    const all = await listEnvironments(client);
    const hit = all.find((e) => e.name === f.catalog || e.id === f.catalog);
    env = hit ?? await resolveEnvironment(client, undefined);
  } else env = await resolveEnvironment(client, undefined);
  const orgs = await client.list('/org/v2/organizations');
  const orgId = (orgs[0] as { id?: string } | undefined)?.id;
  if (!orgId) throw new InsideError('sql-no-organization', 'The cloud reports no organization.');
  let pool = f.computePool;
  if (!pool) {
    const pools = await client.list('/fcpm/v2/compute-pools', { environment: env.id });
    pool = (pools[0] as { id?: string } | undefined)?.id;
  }
  return { client, statements: new StatementClient(client, orgId, env.id), environment: env, ...(pool ? { computePoolId: pool } : {}) };
}
