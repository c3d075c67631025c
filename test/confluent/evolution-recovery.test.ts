/**
 * Statement evolution when things go wrong, and with create_before_destroy, through the real CLI
 * on the directory's local cloud with kafkajs producing orders:
 *  - the new statement fails at create (its SQL names a missing table; plan-time validation is off,
 *    so only the cloud sees it): the old statement is not orphaned — it stays in state, STOPPED,
 *    the failed one is gone, and the next apply with fixed SQL carries its offsets over;
 *  - a carry-over with `create_before_destroy = true`: the new statement starts at the old one's
 *    stop offsets, the old one is deleted afterwards.
 * Every matching order must reach the sink exactly once, the versions taking over in order.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readState, stateAddresses, stateAttr, workdir } from '../support/index.js';
import { ORDERS_AND_BIG_ORDERS, OrdersClient, STATEMENT_COMMON, assertBigOrdersExactlyOnce, bigOrdersVersion, baseConfig, closeWorkdir, explain, firstApply, run, runWith } from './evolution-harness.js';

/** main.tf: the orders and sink tables and one carried-over statement (`tag` = its version). */
function config(select: string, createBeforeDestroy = false): string {
  return `${baseConfig('recover')}
${ORDERS_AND_BIG_ORDERS}
resource "confluent_flink_statement" "filter" {
  # streamform: evolution = "carry-over"${STATEMENT_COMMON}
  statement     = "${select}"
  depends_on    = [confluent_flink_statement.big_orders]${createBeforeDestroy ? '\n  lifecycle { create_before_destroy = true }' : ''}
}
`;
}

const version = bigOrdersVersion;
const FILTER = 'confluent_flink_statement.filter';

interface Listed { readonly name: string; readonly phase: string; readonly statement: string }

describe('statement evolution: a failed replacement and create_before_destroy', () => {
  let dir = '';
  let client: OrdersClient;
  // Plan-time validation is off, so SQL the cloud refuses reaches apply (as it may against Confluent Cloud).
  const apply = (select: string, cbd = false): ReturnType<typeof run> => {
    writeFileSync(join(dir, 'main.tf'), config(select, cbd));
    return runWith({ STREAMFORM_SQL_VALIDATION: 'off' }, dir, 'apply', '-auto-approve', '-no-color');
  };
  const inserts = (): Listed[] => (JSON.parse(run(dir, 'statement', 'list', '--json').out) as Listed[]).filter((s) => s.statement.startsWith('INSERT'));

  const assertExactlyOnce = (versions: readonly string[]): Promise<void> => assertBigOrdersExactlyOnce(client, versions);

  before(async () => {
    dir = workdir({}, 'sf-evo-recover-');
    client = await firstApply(dir, () => apply(version('v1')));
  });

  after(() => closeWorkdir(dir, client));

  it('keeps the old statement (stopped, in state) when its replacement fails at create, and carries it over on the next apply', async () => {
    const v1Name = stateAttr(dir, FILTER, 'statement_name');
    assert.equal(typeof v1Name, 'string');
    const failed = apply(version('v2', 'no_such_table'));
    assert.equal(failed.code, 1, explain(failed));
    assert.match(failed.err, /Cannot find table '.*no_such_table/);
    assert.match(failed.err, new RegExp(`Statement ${String(v1Name)} was kept stopped: its replacement \\S+ failed`));
    assert.ok(stateAddresses(dir).includes(FILTER), 'the statement is still in state');
    assert.equal(stateAttr(dir, FILTER, 'statement_name'), v1Name, 'state still holds the old statement');
    assert.deepEqual(inserts().map((s) => [s.name, s.phase]), [[v1Name, 'STOPPED']], 'the old statement is stopped, the failed one gone');
    await client.produce(100); // while no statement runs

    const plan = runWith({ STREAMFORM_SQL_VALIDATION: 'off' }, dir, 'plan', '-no-color');
    assert.match(plan.out, /# confluent_flink_statement\.filter must be replaced/);
    assert.match(plan.out, /replace strategy: carry-over/);
    const fixed = apply(version('v2'));
    assert.equal(fixed.code, 0, explain(fixed));
    assert.match(fixed.out, /Resources: 1 added, 0 changed, 1 destroyed\./);
    const now = inserts();
    assert.equal(now.length, 1, JSON.stringify(now));
    assert.equal(now[0]?.phase, 'RUNNING');
    assert.notEqual(now[0]?.name, v1Name);
    await client.produce(100);
    await assertExactlyOnce(['v1', 'v2']);
  });

  it('carries a statement over with create_before_destroy: the new one starts at the old one\'s stop offsets, then the old one goes', async () => {
    const previous = stateAttr(dir, FILTER, 'statement_name');
    const applied = apply(version('v3'), true);
    assert.equal(applied.code, 0, explain(applied));
    assert.match(applied.out, /Resources: 1 added, 0 changed, 1 destroyed\./);
    const now = inserts();
    assert.deepEqual(now.map((s) => s.phase), ['RUNNING'], JSON.stringify(now));
    assert.notEqual(now[0]?.name, previous);
    assert.equal(stateAttr(dir, FILTER, 'statement_name'), now[0]?.name);
    assert.equal(readState(dir)?.resources.filter((r) => r.deposed !== undefined).length, 0, 'no deposed object left');
    await client.produce(100);
    await assertExactlyOnce(['v1', 'v2', 'v3']);
  });
});
