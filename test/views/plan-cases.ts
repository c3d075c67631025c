/**
 * Plans for the view goldens, built by hand in the shapes the engine produces: one case per
 * action kind and per rendering feature (forced replacement, unknowns, sensitivity, multi-line
 * SQL, drift, outputs, refresh-only, no changes, moves and imports).
 */
import type { OutputChange, Plan, ResourceChange } from '../../src/provisioner/plan/index.js';
import { UNKNOWN, type ObjectValue } from '../../src/provisioner/lang/index.js';

const RANDOM = 'provider["registry.terraform.io/hashicorp/random"]';
const CONFLUENT = 'provider["registry.terraform.io/confluentinc/confluent"]';

type Extra = { -readonly [K in keyof ResourceChange]?: ResourceChange[K] };

/** A resource change; type, name, index, module and mode come from the address. */
export function change(address: string, action: ResourceChange['action'], before: ObjectValue | null, after: ObjectValue | null, extra: Extra = {}): ResourceChange {
  const m = /^((?:module\.[^.]+\.)*)(data\.)?([a-z0-9_]+)\.([a-z0-9_-]+)(?:\[("[^"]*"|\d+)\])?$/.exec(address);
  if (m === null) throw new Error(`bad test address ${address}`);
  const type = m[3] ?? '';
  const base: ResourceChange = {
    address, mode: m[2] === undefined ? 'managed' : 'data', type, name: m[4] ?? '', module: (m[1] ?? '').replace(/\.$/, ''),
    provider: type.startsWith('confluent_') ? CONFLUENT : RANDOM, action, before, after,
    beforeSensitive: [], afterSensitive: [], replacePaths: [],
  };
  const key = m[5];
  const withIndex = key === undefined ? base : { ...base, index: key.startsWith('"') ? key.slice(1, -1) : Number(key) };
  return { ...withIndex, ...extra };
}

/** A plan around the given changes; the summary is counted from them unless given. */
export function plan(changes: readonly ResourceChange[], extra: { -readonly [K in keyof Plan]?: Plan[K] } = {}): Plan {
  const count = (pred: (c: ResourceChange) => boolean): number => changes.filter(pred).length;
  return {
    mode: 'normal', lineage: 'lineage-1', serial: 3, changes, drift: [], outputs: [],
    summary: {
      add: count((c) => c.action === 'create' || c.action === 'replace'),
      change: count((c) => c.action === 'update'),
      destroy: count((c) => c.action === 'delete' || c.action === 'replace'),
      import: count((c) => c.importing !== undefined),
      move: count((c) => c.previousAddress !== undefined),
      forget: count((c) => c.action === 'forget'),
    },
    diagnostics: [], applyable: true, variables: {}, targets: [], timestamp: '2026-11-24T01:00:00Z',
    ...extra,
  };
}

/** An output change. */
export function output(name: string, action: OutputChange['action'], before: OutputChange['before'], after: OutputChange['after'], sensitive = false): OutputChange {
  return { name, action, before, after, sensitive };
}

export const SECRET = 'hunter2-very-secret';

const STATEMENT_V1 = [
  'INSERT INTO `orders_enriched`',
  'SELECT',
  '  o.order_id,',
  '  o.amount,',
  '  c.name AS customer_name,',
  '  c.tier',
  'FROM `orders` AS o',
  'JOIN `customers` AS c',
  '  ON o.customer_id = c.id',
  'WHERE o.amount > 10;',
  '',
].join('\n');
const STATEMENT_V2 = STATEMENT_V1.replace('  c.tier\n', '  c.tier,\n  c.region\n').replace('o.amount > 10', 'o.amount > 100');

/** Every golden case by name. */
export const CASES: { readonly [name: string]: Plan } = {
  'create': plan([
    change('random_id.r', 'create', null, {
      b64_std: UNKNOWN, byte_length: 4, id: UNKNOWN, keepers: { region: 'eu-west-1', 'tier.name': 'gold' }, prefix: null,
    }),
    change('confluent_kafka_topic.orders', 'create', null, {
      id: UNKNOWN, topic_name: 'orders', partitions_count: 6,
      config: { 'cleanup.policy': 'compact', 'retention.ms': '604800000' },
      kafka_cluster: [{ id: 'lkc-abc123' }],
      tags: ['a', 'b'], empty: [],
    }),
  ]),
  'update': plan([
    change('confluent_kafka_topic.orders', 'update',
      { id: 'lkc-abc123/orders', topic_name: 'orders', partitions_count: 6, config: { 'cleanup.policy': 'delete', 'retention.ms': '1', 'segment.ms': '2' }, kafka_cluster: [{ id: 'lkc-abc123' }], labels: ['a', 'b', 'c', 'd', 'e', 'f'] },
      { id: 'lkc-abc123/orders', topic_name: 'orders', partitions_count: 12, config: { 'cleanup.policy': 'compact', 'retention.ms': '1', 'min.insync.replicas': '2' }, kafka_cluster: [{ id: 'lkc-abc123' }], labels: ['a', 'b', 'c', 'd', 'x', 'f'] }),
  ]),
  'replace': plan([
    change('random_id.r', 'replace',
      { b64_std: 'qg==', byte_length: 4, id: 'qg', keepers: { a: '1', b: '2' } },
      { b64_std: UNKNOWN, byte_length: 8, id: UNKNOWN, keepers: { a: '2', b: '2' } },
      { replacePaths: [{ path: 'byte_length', reason: 'byte_length cannot be updated' }, { path: 'keepers' }], reason: 'cannot-update' }),
    change('random_id.t', 'replace', { id: 'zz', byte_length: 2 }, { id: UNKNOWN, byte_length: 2 }, { reason: 'tainted', replaceOrder: 'create-before-destroy' }),
    change('random_id.q', 'replace', { id: 'yy', byte_length: 2 }, { id: UNKNOWN, byte_length: 2 }, { reason: 'replace-by-request' }),
    change('random_id.u', 'replace', { id: 'xx', byte_length: 2 }, { id: UNKNOWN, byte_length: 2 }, { reason: 'replace-by-triggers' }),
  ]),
  'delete': plan([
    change('random_id.gone', 'delete', { id: 'abc', byte_length: 4, keepers: { a: '1' } }, null, { reason: 'delete-because-no-resource-config' }),
    change('random_id.many[2]', 'delete', { id: 'def', byte_length: 4 }, null, { reason: 'delete-because-count-index' }),
    change('random_id.each["b"]', 'delete', { id: 'ghi', byte_length: 4 }, null, { reason: 'delete-because-each-key' }),
    change('module.old.random_id.r', 'delete', { id: 'jkl', byte_length: 4 }, null, { reason: 'delete-because-no-module' }),
  ], { mode: 'destroy' }),
  'read': plan([
    change('data.confluent_environment.prod', 'read', null, { id: UNKNOWN, display_name: 'prod', stream_governance: [{ package: UNKNOWN }] }, { reason: 'read-because-config-unknown' }),
  ]),
  'sensitive': plan([
    change('confluent_api_key.k', 'update',
      { id: 'KEY1', secret: SECRET, display_name: 'old', owner: [{ id: 'sa-1', api_version: 'iam/v2' }] },
      { id: 'KEY1', secret: SECRET + '-2', display_name: 'new', owner: [{ id: 'sa-1', api_version: 'iam/v2' }] },
      { beforeSensitive: ['secret'], afterSensitive: ['secret'] }),
    change('confluent_flink_statement.s', 'create', null, {
      id: UNKNOWN, statement: 'SELECT 1;', properties: { 'sql.current-catalog': 'env', password: SECRET },
      credentials: [{ key: 'KEY1', secret: SECRET }],
    }, { afterSensitive: ['properties["password"]', 'credentials[0].secret'] }),
  ], {
    outputs: [output('api_secret', 'create', null, SECRET, true), output('key_id', 'create', null, 'KEY1')],
    variables: { db_password: { value: SECRET, sensitive: true }, region: { value: 'eu-west-1', sensitive: false } },
  }),
  'multiline-sql': plan([
    change('confluent_flink_statement.enrich', 'update',
      { id: 'st-1', statement: STATEMENT_V1, stopped: false },
      { id: 'st-1', statement: STATEMENT_V2, stopped: false }),
    change('confluent_flink_statement.fresh', 'create', null, { id: UNKNOWN, statement: 'SELECT *\nFROM `orders`;\n' }),
  ]),
  'drift': plan([
    change('random_id.r', 'update', { id: 'qg', keepers: { a: '9' } }, { id: 'qg', keepers: { a: '1' } }),
  ], {
    drift: [
      change('random_id.r', 'update', { id: 'qg', keepers: { a: '1' } }, { id: 'qg', keepers: { a: '9' } }),
      change('confluent_kafka_topic.t', 'delete', { id: 'lkc-1/t', topic_name: 't' }, null),
    ],
  }),
  'refresh-only': plan([], {
    mode: 'refresh-only',
    drift: [change('random_id.r', 'update', { id: 'qg', keepers: { a: '1' } }, { id: 'qg', keepers: { a: '9' } })],
  }),
  'refresh-only-no-changes': plan([], { mode: 'refresh-only', applyable: false }),
  'no-changes': plan([change('random_id.r', 'no-op', { id: 'qg' }, { id: 'qg' })]),
  'destroy-nothing': plan([], { mode: 'destroy' }),
  'outputs-only': plan([], { outputs: [output('url', 'update', 'http://a', 'http://b'), output('list', 'create', null, ['x', 'y']), output('same', 'no-op', 1, 1)] }),
  'outputs': plan([change('random_id.r', 'create', null, { id: UNKNOWN, byte_length: 4 })], {
    outputs: [
      output('id', 'create', null, UNKNOWN), output('old', 'delete', 'x', null),
      output('tags', 'update', { a: '1', b: '2' }, { a: '1', b: '3' }),
    ],
  }),
  'move-import': plan([
    change('random_id.new_name', 'no-op', { id: 'qg', byte_length: 4, name: 'n' }, { id: 'qg', byte_length: 4, name: 'n' }, { previousAddress: 'random_id.old_name' }),
    change('random_id.moved_and_changed', 'update', { id: 'mm', byte_length: 4 }, { id: 'mm', byte_length: 5 }, { previousAddress: 'random_id.before' }),
    change('confluent_environment.prod', 'no-op', { id: 'env-1', display_name: 'prod' }, { id: 'env-1', display_name: 'prod' }, { importing: { id: 'env-1' } }),
    change('confluent_environment.dev', 'update', { id: 'env-2', display_name: 'dev' }, { id: 'env-2', display_name: 'development' }, { importing: { id: 'env-2' } }),
  ]),
  'edge-values': plan([
    change('confluent_schema.s', 'update',
      { id: 's-1', schema: '{"type":"string"}', labels: { a: '1' }, refs: [{ name: 'a', subject: 'x' }], mixed: 'one', gone_block: [{ k: 'v' }], layout: '{"a":1}' },
      { id: 's-1', schema: '{\n  "type": "record",\n  "name": "Order"\n}\n', labels: UNKNOWN, refs: [{ name: 'a', subject: 'x' }, { name: 'b', subject: 'y' }], mixed: ['one', 'two'], gone_block: [], layout: '{ "a": 1 }' }),
    change('confluent_flink_statement.old', 'delete', { id: 'st-9', statement: 'SELECT 1\nFROM t;' }, null),
    change('random_id.forgotten', 'forget', { id: 'ff', byte_length: 4 }, null),
  ]),
  'errored': plan([change('random_id.r', 'create', null, { id: UNKNOWN })], {
    applyable: false,
    diagnostics: [
      { severity: 'warning', code: 'provider-deprecated', summary: 'Deprecated attribute', detail: 'b64 is deprecated.', address: 'random_id.r' },
      {
        severity: 'error', code: 'config-unknown-attribute', summary: 'Unsupported argument',
        detail: 'An argument named "byte_lenght" is not expected here.',
        range: { file: 'main.tf', start: { line: 2, column: 3 }, end: { line: 2, column: 14 } },
      },
    ],
  }),
  'modules': plan([
    change('module.net.module.inner.random_id.r[0]', 'create', null, { id: UNKNOWN, byte_length: 4 }),
    change('module.net.random_id.s["a"]', 'create', null, { id: UNKNOWN, byte_length: 4 }),
    change('random_id.root', 'create', null, { id: UNKNOWN, byte_length: 4 }),
  ]),
};
