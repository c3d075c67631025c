/**
 * `streamform api-key create|list`. A key belongs to a service account (`--service-account`, id or
 * name) and is scoped to a resource: a Kafka cluster (lkc-), a Schema Registry (lsrc-), a Flink
 * region (aws.us-east-2, with the environment) or `cloud` (none).
 */
import type { Command } from 'commander';
import { EXIT_OK } from '../exit-codes.js';
import { action, optional, withEnvironment, type CommandContext, type InsideDeps } from './command-runner.js';
import { InsideError } from './inside-error.js';
import { str } from './json-fields.js';
import { renderJson, renderRecord, renderTable } from './table-view.js';
import type { Column, Row } from './types.js';

const LIST_COLUMNS: readonly Column[] = [
  { key: 'key', title: 'Key' }, { key: 'description', title: 'Description' }, { key: 'owner', title: 'Owner' },
  { key: 'owner_kind', title: 'Owner Kind' }, { key: 'resource_type', title: 'Resource Type' }, { key: 'resource_id', title: 'Resource ID' },
  { key: 'created', title: 'Created' },
];
const CREATED_COLUMNS: readonly Column[] = [{ key: 'api_key', title: 'API Key' }, { key: 'api_secret', title: 'API Secret' }];

/** Registers `api-key create` and `api-key list`. */
export function registerApiKeyCommands(program: Command, deps: InsideDeps): void {
  const key = program.command('api-key').description('API keys of the organization');
  withEnvironment(key.command('create').description('Create an API key (the secret is shown once)'))
    .requiredOption('--service-account <sa>', 'owner: service account id or name')
    .option('--resource <id>', 'Kafka cluster id, Schema Registry id, Flink region id, or "cloud"', 'cloud')
    .option('--description <text>', 'description', '')
    .option('--display-name <name>', 'display name', '')
    .action(action(deps, create));
  withEnvironment(key.command('list').description('List API keys'))
    .option('--service-account <sa>', 'only keys of this service account (id or name)')
    .option('--resource <id>', 'only keys scoped to this resource id')
    .action(action(deps, list));
}

async function serviceAccountId(ctx: CommandContext, ref: string): Promise<string> {
  if (/^(sa|u)-/.test(ref)) return ref;
  const all = await ctx.client.list('/iam/v2/service-accounts');
  const hit = all.find((s) => str(s, 'display_name') === ref);
  if (hit === undefined) {
    throw new InsideError('unknown-service-account', `Service account "${ref}" not found.`, {
      detail: all.length === 0 ? 'No service accounts exist.' : `Known service accounts:\n${all.map((s) => `  ${str(s, 'id')}  ${str(s, 'display_name')}`).join('\n')}`,
    });
  }
  return str(hit, 'id');
}

async function create(ctx: CommandContext): Promise<number> {
  const owner = await serviceAccountId(ctx, optional(ctx.flags['serviceAccount']) ?? '');
  const resource = optional(ctx.flags['resource']) ?? 'cloud';
  const spec: Record<string, unknown> = {
    display_name: optional(ctx.flags['displayName']) ?? '', description: optional(ctx.flags['description']) ?? '', owner: { id: owner },
  };
  if (resource !== 'cloud') {
    const scoped: Record<string, unknown> = { id: resource };
    // Flink keys are per region and environment; clusters carry their environment themselves.
    if (!/^(lkc|lsrc)-/.test(resource)) scoped['environment'] = { id: (await ctx.environment()).id };
    spec['resource'] = scoped;
  }
  const body = await ctx.client.ok('POST', '/iam/v2/api-keys', { body: { spec } });
  const row: Row = { api_key: str(body, 'id'), api_secret: str(body, 'spec.secret') };
  if (ctx.json) ctx.io.out(renderJson(row));
  else ctx.io.out('Save the API key and secret. The secret is not retrievable later.\n' + renderRecord(CREATED_COLUMNS, row));
  return EXIT_OK;
}

async function list(ctx: CommandContext): Promise<number> {
  const saRef = optional(ctx.flags['serviceAccount']);
  const query = {
    'spec.owner': saRef === undefined ? undefined : await serviceAccountId(ctx, saRef),
    'spec.resource': optional(ctx.flags['resource']),
  };
  const rows = (await ctx.client.list('/iam/v2/api-keys', query)).map((k): Row => ({
    key: str(k, 'id'), description: str(k, 'spec.description'), owner: str(k, 'spec.owner.id'), owner_kind: str(k, 'spec.owner.kind'),
    resource_type: resourceType(str(k, 'spec.resource.api_version')), resource_id: str(k, 'spec.resource.id') || null, created: str(k, 'metadata.created_at'),
  })).sort((a, b) => String(a['key']).localeCompare(String(b['key'])));
  ctx.io.out(ctx.json ? renderJson(rows) : renderTable(LIST_COLUMNS, rows, 'No API keys.'));
  return EXIT_OK;
}

function resourceType(apiVersion: string): string {
  if (apiVersion === 'cmk/v2') return 'kafka';
  if (apiVersion.startsWith('srcm/')) return 'schema-registry';
  if (apiVersion === 'fcpm/v2') return 'flink';
  return 'cloud';
}
