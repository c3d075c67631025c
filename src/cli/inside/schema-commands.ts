/**
 * `streamform schema list|show|versions|check` against the environment's Schema Registry.
 * `check` asks the registry's compatibility endpoint and exits 1 when the schema is incompatible.
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Command } from 'commander';
import { EXIT_ERROR, EXIT_OK } from '../exit-codes.js';
import { action, optional, withEnvironment, type CommandContext, type InsideDeps } from './command-runner.js';
import { failure } from './cloud-client.js';
import { InsideError } from './inside-error.js';
import { asArray, asObject, bool, num, str } from './json-fields.js';
import { renderJson, renderRecord, renderTable } from './table-view.js';
import type { Column, Row } from './types.js';

const SR_JSON = 'application/vnd.schemaregistry.v1+json';
const LIST_COLUMNS: readonly Column[] = [{ key: 'subject', title: 'Subject' }, { key: 'schema_id', title: 'Schema ID' }, { key: 'version', title: 'Version' }, { key: 'schema_type', title: 'Type' }];
const VERSION_COLUMNS: readonly Column[] = [{ key: 'version', title: 'Version' }, { key: 'schema_id', title: 'Schema ID' }];
const SHOW_COLUMNS: readonly Column[] = [{ key: 'subject', title: 'Subject:' }, { key: 'version', title: 'Version:' }, { key: 'schema_id', title: 'Schema ID:' }, { key: 'schema_type', title: 'Type:' }];

/** Registers the `schema` command group. */
export function registerSchemaCommands(program: Command, deps: InsideDeps): void {
  const schema = program.command('schema').description('Schema Registry subjects and schemas');
  withEnvironment(schema.command('list').description('List subjects with their latest version'))
    .option('--subject-prefix <prefix>', 'only subjects starting with this').action(action(deps, list));
  // Versions are positional: a --version flag would be taken by the program's own --version.
  withEnvironment(schema.command('show').description('Show one version of a subject').argument('<subject>').argument('[version]', 'latest or a version number', 'latest'))
    .action(action(deps, show));
  withEnvironment(schema.command('versions').description('List the versions of a subject').argument('<subject>')).action(action(deps, versions));
  withEnvironment(schema.command('check').description('Check a schema file for compatibility with a subject')
    .argument('<subject>').argument('[version]', 'latest, a version number, or all (every version the compatibility level covers)', 'latest'))
    .requiredOption('--schema <file>', 'the schema file')
    .option('--type <type>', 'AVRO, JSON or PROTOBUF (default from the file extension: .proto, .json, else AVRO)')
    .action(action(deps, check));
}

function subjectUrl(base: string, subject: string): string {
  return `${base}/subjects/${encodeURIComponent(subject)}`;
}

async function version(ctx: CommandContext, base: string, subject: string, v: string): Promise<unknown> {
  const r = await ctx.client.send('GET', `${subjectUrl(base, subject)}/versions/${encodeURIComponent(v)}`);
  if (r.status === 200) return r.body;
  if (num(r.body, 'error_code') === 40401) throw new InsideError('unknown-subject', `Subject "${subject}" not found.`);
  if (num(r.body, 'error_code') === 40402) throw new InsideError('unknown-version', `Subject "${subject}" has no version ${v}.`);
  throw failure(r, `GET subject ${subject} version ${v}`);
}

function versionRow(body: unknown): Row {
  return { subject: str(body, 'subject'), version: num(body, 'version') ?? 0, schema_id: num(body, 'id') ?? 0, schema_type: str(body, 'schemaType') || 'AVRO' };
}

async function list(ctx: CommandContext): Promise<number> {
  const sr = await ctx.registry();
  const prefix = optional(ctx.flags['subjectPrefix']);
  const subjects = asArray(await ctx.client.ok('GET', `${sr.url}/subjects`, { query: { subjectPrefix: prefix } }))
    .filter((s): s is string => typeof s === 'string').sort();
  const rows: Row[] = [];
  for (const s of subjects) rows.push(versionRow(await version(ctx, sr.url, s, 'latest')));
  ctx.io.out(ctx.json ? renderJson(rows) : renderTable(LIST_COLUMNS, rows, 'No subjects.'));
  return EXIT_OK;
}

async function show(ctx: CommandContext): Promise<number> {
  const sr = await ctx.registry();
  const body = await version(ctx, sr.url, ctx.args[0] ?? '', ctx.args[1] ?? 'latest');
  const row = versionRow(body);
  const schema = str(body, 'schema');
  const refs = asArray(asObject(body)['references']);
  if (ctx.json) {
    ctx.io.out(renderJson({ ...row, schema, references: refs }));
    return EXIT_OK;
  }
  let pretty = schema;
  if (row['schema_type'] !== 'PROTOBUF') {
    try { pretty = JSON.stringify(JSON.parse(schema), null, 2); } catch { pretty = schema; }
  }
  const refText = refs.length === 0 ? '' : `References:\n${refs.map((r) => `  ${str(r, 'name')} -> ${str(r, 'subject')} version ${num(r, 'version') ?? ''}`).join('\n')}\n`;
  ctx.io.out(`${renderRecord(SHOW_COLUMNS, row)}${refText}\n${pretty}\n`);
  return EXIT_OK;
}

async function versions(ctx: CommandContext): Promise<number> {
  const sr = await ctx.registry();
  const subject = ctx.args[0] ?? '';
  const r = await ctx.client.send('GET', `${subjectUrl(sr.url, subject)}/versions`);
  if (num(r.body, 'error_code') === 40401) throw new InsideError('unknown-subject', `Subject "${subject}" not found.`);
  if (r.status !== 200) throw failure(r, `GET versions of ${subject}`);
  const nums = asArray(r.body).filter((v): v is number => typeof v === 'number');
  const rows: Row[] = [];
  for (const v of nums) {
    const b = await version(ctx, sr.url, subject, String(v));
    rows.push({ subject, version: v, schema_id: num(b, 'id') ?? 0 });
  }
  ctx.io.out(ctx.json ? renderJson(rows) : renderTable(VERSION_COLUMNS, rows, `Subject "${subject}" has no versions.`));
  return EXIT_OK;
}

function schemaType(flag: string | undefined, file: string): string {
  if (flag !== undefined) {
    const t = flag.toUpperCase() === 'JSONSCHEMA' ? 'JSON' : flag.toUpperCase();
    if (t !== 'AVRO' && t !== 'JSON' && t !== 'PROTOBUF') throw new InsideError('invalid-flag', `--type must be AVRO, JSON or PROTOBUF; got "${flag}".`);
    return t;
  }
  const ext = extname(file).toLowerCase();
  return ext === '.proto' ? 'PROTOBUF' : ext === '.json' ? 'JSON' : 'AVRO';
}

async function check(ctx: CommandContext): Promise<number> {
  const sr = await ctx.registry();
  const subject = ctx.args[0] ?? '';
  const file = optional(ctx.flags['schema']) ?? '';
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch (e) { throw new InsideError('schema-file-unreadable', `Cannot read schema file ${file}: ${e instanceof Error ? e.message : String(e)}`); }
  const type = schemaType(optional(ctx.flags['type']), file);
  const v = ctx.args[1] ?? 'latest';
  const path = v === 'all' ? `${sr.url}/compatibility/subjects/${encodeURIComponent(subject)}/versions` : `${sr.url}/compatibility/subjects/${encodeURIComponent(subject)}/versions/${encodeURIComponent(v)}`;
  const r = await ctx.client.send('POST', path, { query: { verbose: 'true' }, body: type === 'AVRO' ? { schema: text } : { schemaType: type, schema: text }, contentType: SR_JSON });
  let compatible: boolean;
  let messages: string[];
  if (r.status === 404 && num(r.body, 'error_code') === 40401) {
    // A subject without versions accepts any schema, as the registry's own register does.
    compatible = true;
    messages = [];
  } else {
    if (r.status !== 200) throw failure(r, 'compatibility check');
    const body = r.body;
    compatible = bool(body, 'is_compatible');
    messages = asArray(asObject(body)['messages']).map(String);
  }
  if (ctx.json) ctx.io.out(renderJson({ subject, is_compatible: compatible, messages }));
  else if (compatible) ctx.io.out(`Schema is compatible with subject "${subject}" (version ${v}).\n`);
  else ctx.io.out(`Schema is NOT compatible with subject "${subject}" (version ${v}):\n${messages.map((m) => `  - ${m}`).join('\n')}\n`);
  return compatible ? EXIT_OK : EXIT_ERROR;
}
