/**
 * A failed carry-over of a statement with a pinned `statement_name`, through the real CLI on the
 * directory's local cloud with kafkajs producing orders. The new statement must reuse the name, so
 * the old one is stopped (its offsets read) and deleted before the new one is created; when the new
 * one then fails (its SQL names a table that does not exist — plan-time validation is off, so only
 * the cloud sees it, as against Confluent Cloud), the old statement cannot be kept. What the user
 * sees: the apply fails naming the statement, the offsets the old one reached per partition and how
 * to start there; the state holds the failed statement; and the corrected config, starting at those
 * offsets, continues with no order lost or written twice. Then the same report when the cloud
 * refuses the new statement's POST itself: its service account was deleted out of band and the
 * apply runs with -refresh=false (it must be the last test: the configuration's principal is gone).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readState, stateAddresses, stateAttr, workdir } from '../support/index.js';
import { ORDERS_AND_BIG_ORDERS, OrdersClient, STATEMENT_COMMON, assertBigOrdersExactlyOnce, bigOrdersVersion, baseConfig, closeWorkdir, explain, firstApply, run, runWith } from './evolution-harness.js';

/** main.tf: the orders and sink tables and one carried-over statement with a pinned name (`tag` = its version). */
function config(select: string): string {
  return `${baseConfig('pinned')}
${ORDERS_AND_BIG_ORDERS}
resource "confluent_flink_statement" "filter" {
  # streamform: evolution = "carry-over"${STATEMENT_COMMON}
  statement_name = "filter-pinned"
  statement      = "${select}"
  depends_on     = [confluent_flink_statement.big_orders]
}
output "rest" { value = data.confluent_flink_region.r.rest_endpoint }
`;
}

const version = bigOrdersVersion;
const FILTER = 'confluent_flink_statement.filter';

interface Listed { readonly name: string; readonly phase: string; readonly statement: string }

describe('statement evolution: a failed replacement of a statement with a pinned name', () => {
  let dir = '';
  let client: OrdersClient;
  const apply = (select: string): ReturnType<typeof run> => {
    writeFileSync(join(dir, 'main.tf'), config(select));
    return runWith({ STREAMFORM_SQL_VALIDATION: 'off' }, dir, 'apply', '-auto-approve', '-no-color');
  };
  const inserts = (): Listed[] => (JSON.parse(run(dir, 'statement', 'list', '--json').out) as Listed[]).filter((s) => s.statement.startsWith('INSERT'));

  before(async () => {
    dir = workdir({}, 'sf-evo-pinned-');
    client = await firstApply(dir, () => apply(version('v1')));
  });

  after(() => closeWorkdir(dir, client));

  it('reports the offsets reached when the replacement fails after the pinned statement was deleted, and continues from them once fixed', async () => {
    await assertBigOrdersExactlyOnce(client, ['v1']); // v1 has read every order: its stop offsets are known
    const failed = apply(version('v2', 'no_such_table'));
    assert.equal(failed.code, 1, explain(failed));
    // Why it failed, from the cloud.
    assert.match(failed.err, /Error: Statement filter-pinned is FAILED/);
    assert.match(failed.err, /Cannot find table '.*no_such_table/);
    // What was lost with the old statement, and how to continue.
    assert.match(failed.err, /Error: Statement filter-pinned failed after the statement it replaces was deleted to free its name: its offsets are below/);
    assert.match(failed.err, /The name is pinned \(statement_name = "filter-pinned"\), so the old statement was stopped and deleted before the new one was created; neither runs now/);
    const listed = /^ {2}orders: (partition:\S+)$/m.exec(failed.err);
    assert.ok(listed !== null, `the offsets per partition of orders:\n${failed.err}`);
    const offsets = listed[1] ?? '';
    // 100 orders alternate between the 2 partitions: v1 had read all 50 of each.
    assert.equal(offsets, 'partition:0,offset:50;partition:1,offset:50');
    const hint = `/*+ OPTIONS('scan.startup.mode' = 'specific-offsets', 'scan.startup.specific-offsets' = '${offsets}') */`;
    assert.ok(failed.err.includes(`FROM orders ${hint}`), `the hint to paste:\n${failed.err}`);
    assert.match(failed.err, /Remove the hints in a later change/);

    // The state holds the failed statement (the old one is gone from the cloud); nothing runs.
    assert.ok(stateAddresses(dir).includes(FILTER), 'the statement is still in state');
    assert.equal(stateAttr(dir, FILTER, 'statement_name'), 'filter-pinned');
    assert.equal(stateAttr(dir, FILTER, 'status_phase'), 'FAILED');
    assert.equal(stateAttr(dir, FILTER, 'statement'), version('v2', 'no_such_table'));
    assert.equal(readState(dir)?.resources.filter((r) => r.deposed !== undefined).length, 0, 'no deposed object left');
    assert.deepEqual(inserts().map((s) => [s.name, s.phase]), [['filter-pinned', 'FAILED']]);
    await client.produce(100); // while no statement runs

    // The user fixes the SQL and starts it at the offsets the error listed.
    const fixed = apply(version('v2', `orders ${hint}`));
    assert.equal(fixed.code, 0, explain(fixed));
    assert.match(fixed.out, /Resources: 1 added, 0 changed, 1 destroyed\./);
    assert.deepEqual(inserts().map((s) => [s.name, s.phase]), [['filter-pinned', 'RUNNING']]);
    assert.equal(stateAttr(dir, FILTER, 'status_phase'), 'RUNNING');
    await client.produce(100);
    await assertBigOrdersExactlyOnce(client, ['v1', 'v2']);
  });

  it('reports the offsets when the cloud refuses the new statement outright (its principal was deleted out of band)', async () => {
    const rest = run(dir, 'output', '-raw', 'rest').out.trim();
    const sa = String(stateAttr(dir, 'confluent_service_account.runner', 'id'));
    const deleted = await fetch(`${rest}/iam/v2/service-accounts/${sa}`, { method: 'DELETE' });
    assert.ok(deleted.ok, `DELETE service account: ${deleted.status}`);
    writeFileSync(join(dir, 'main.tf'), config(version('v3')));
    const failed = runWith({ STREAMFORM_SQL_VALIDATION: 'off' }, dir, 'apply', '-auto-approve', '-no-color', '-refresh=false');
    assert.equal(failed.code, 1, explain(failed));
    assert.match(failed.err, /Error: POST \S+\/statements: 400 Bad Request: Principal '.*' not found/);
    // Before the fix this error was all the user saw: the offsets of the deleted statement were lost.
    assert.match(failed.err, /Error: Statement filter-pinned failed after the statement it replaces was deleted to free its name: its offsets are below/);
    assert.match(failed.err, /^ {2}orders: partition:0,offset:150;partition:1,offset:150$/m, 'v2 had read all 300 orders (the first test read them all back)');
    assert.match(failed.err, /FROM orders \/\*\+ OPTIONS\('scan\.startup\.mode' = 'specific-offsets', 'scan\.startup\.specific-offsets' = 'partition:0,offset:150;partition:1,offset:150'\) \*\//);
    // Nothing was created; the state still holds the old statement as it was stopped (the next refresh drops it).
    assert.deepEqual(inserts(), []);
    assert.equal(stateAttr(dir, FILTER, 'statement_name'), 'filter-pinned');
    assert.equal(stateAttr(dir, FILTER, 'status_phase'), 'STOPPED');
    assert.equal(stateAttr(dir, FILTER, 'statement'), version('v2', `orders /*+ OPTIONS('scan.startup.mode' = 'specific-offsets', 'scan.startup.specific-offsets' = 'partition:0,offset:50;partition:1,offset:50') */`));
  });
});
