/** `streamform env list`, `cluster list`, `pool list` and `sa list`: what the control plane holds. */
import type { Command } from 'commander';
import { EXIT_OK } from '../exit-codes.js';
import { action, optional, withConnection, withEnvironment, type CommandContext, type InsideDeps } from './command-runner.js';
import { listClusters, listEnvironments, resolveEnvironment } from './context-resolver.js';
import { num, str } from './json-fields.js';
import { renderJson, renderTable } from './table-view.js';
import type { Column, EnvironmentRef, Row } from './types.js';

const ENV_COLUMNS: readonly Column[] = [{ key: 'id', title: 'ID' }, { key: 'name', title: 'Name' }, { key: 'stream_governance_package', title: 'Stream Governance Package' }];
const CLUSTER_COLUMNS: readonly Column[] = [
  { key: 'id', title: 'ID' }, { key: 'name', title: 'Name' }, { key: 'environment', title: 'Environment' }, { key: 'type', title: 'Type' },
  { key: 'cloud', title: 'Cloud' }, { key: 'region', title: 'Region' }, { key: 'availability', title: 'Availability' }, { key: 'status', title: 'Status' },
];
const POOL_COLUMNS: readonly Column[] = [
  { key: 'id', title: 'ID' }, { key: 'name', title: 'Name' }, { key: 'environment', title: 'Environment' }, { key: 'current_cfu', title: 'Current CFU' },
  { key: 'max_cfu', title: 'Max CFU' }, { key: 'cloud', title: 'Cloud' }, { key: 'region', title: 'Region' }, { key: 'status', title: 'Status' },
];
const SA_COLUMNS: readonly Column[] = [{ key: 'id', title: 'ID' }, { key: 'name', title: 'Name' }, { key: 'description', title: 'Description' }];

/** Registers env, cluster, pool and sa (list). */
export function registerAccountCommands(program: Command, deps: InsideDeps): void {
  const env = program.command('env').description('Environments of the cloud');
  withConnection(env.command('list').description('List environments')).action(action(deps, envList));
  const cluster = program.command('cluster').description('Kafka clusters of the cloud');
  withEnvironment(cluster.command('list').description('List Kafka clusters (of every environment unless --environment)')).action(action(deps, clusterList));
  const pool = program.command('pool').description('Flink compute pools of the cloud');
  withEnvironment(pool.command('list').description('List compute pools (of every environment unless --environment)')).action(action(deps, poolList));
  const sa = program.command('sa').description('Service accounts of the organization');
  withConnection(sa.command('list').description('List service accounts')).action(action(deps, saList));
}

function print(ctx: CommandContext, columns: readonly Column[], rows: readonly Row[], empty: string): number {
  ctx.io.out(ctx.json ? renderJson(rows) : renderTable(columns, rows, empty));
  return EXIT_OK;
}

async function envList(ctx: CommandContext): Promise<number> {
  const rows = (await listEnvironments(ctx.client)).map((e): Row => ({ id: e.id, name: e.name, stream_governance_package: e.streamGovernance }));
  return print(ctx, ENV_COLUMNS, rows, 'No environments.');
}

/** The environment of --environment, or all of them. */
async function scope(ctx: CommandContext): Promise<EnvironmentRef[]> {
  const ref = optional(ctx.flags['environment']);
  return ref === undefined ? listEnvironments(ctx.client) : [await resolveEnvironment(ctx.client, ref)];
}

async function clusterList(ctx: CommandContext): Promise<number> {
  const rows: Row[] = [];
  for (const e of await scope(ctx)) {
    for (const c of await listClusters(ctx.client, e)) {
      rows.push({ id: c.id, name: c.name, environment: c.environmentId, type: c.type, cloud: c.cloud, region: c.region, availability: c.availability, status: c.status });
    }
  }
  return print(ctx, CLUSTER_COLUMNS, rows, 'No Kafka clusters.');
}

async function poolList(ctx: CommandContext): Promise<number> {
  const rows: Row[] = [];
  for (const e of await scope(ctx)) {
    const pools = await ctx.client.list('/fcpm/v2/compute-pools', { environment: e.id });
    for (const p of pools) {
      rows.push({
        id: str(p, 'id'), name: str(p, 'spec.display_name'), environment: e.id, current_cfu: num(p, 'status.current_cfu') ?? 0,
        max_cfu: num(p, 'spec.max_cfu') ?? null, cloud: str(p, 'spec.cloud'), region: str(p, 'spec.region'), status: str(p, 'status.phase'),
      });
    }
  }
  rows.sort((a, b) => String(a['id']).localeCompare(String(b['id'])));
  return print(ctx, POOL_COLUMNS, rows, 'No compute pools.');
}

async function saList(ctx: CommandContext): Promise<number> {
  const rows = (await ctx.client.list('/iam/v2/service-accounts'))
    .map((s): Row => ({ id: str(s, 'id'), name: str(s, 'display_name'), description: str(s, 'description') }))
    .sort((a, b) => String(a['id']).localeCompare(String(b['id'])));
  return print(ctx, SA_COLUMNS, rows, 'No service accounts.');
}
