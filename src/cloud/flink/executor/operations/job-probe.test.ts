import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { BlackholeSink, TaskRunner, ValuesSource } from '../../runtime/index.js';
import { JobProbe, scanLocations } from './job-probe.js';

test('a probed job counts records in and out without changing what runs', () => {
  const db = new Database(':memory:');
  const graph = {
    nodes: [
      { kind: 'source' as const, id: 'a', source: new ValuesSource([[1], [2], [3]]) },
      { kind: 'source' as const, id: 'b', source: new ValuesSource([[4]]) },
      { kind: 'sink' as const, id: 'out', sink: new BlackholeSink() },
    ],
    edges: [{ from: 'a', to: 'out' }, { from: 'b', to: 'out' }],
  };
  const { graph: probed, probe } = JobProbe.instrument(graph, new Map());
  const runner = new TaskRunner(probed, { statement: 's', db });
  for (let i = 0; i < 10 && runner.step() !== 'done'; i++);
  assert.equal(runner.phase, 'COMPLETED');
  assert.deepEqual({ in: probe.recordsIn, out: probe.recordsOut, pending: probe.pendingRecords({} as never) }, { in: 4, out: 4, pending: 0 });
  db.close();
});

test('scanLocations finds every scan node of a plan, whatever nodes sit above it', () => {
  const table = (name: string): unknown => ({ name, database: { id: 'lkc-1' } });
  const plan = {
    sinks: [{ id: 'sink-0', input: { kind: 'some-future-join', id: 'j', inputs: [
      { kind: 'scan', id: 'scan-0', table: table('orders') },
      { kind: 'calc', id: 'c', input: { kind: 'scan', id: 'scan-1', table: table('customers') } },
    ] } }],
  };
  assert.deepEqual([...scanLocations(plan)], [['scan-0', { cluster: 'lkc-1', topic: 'orders' }], ['scan-1', { cluster: 'lkc-1', topic: 'customers' }]]);
});
