import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StatementMetrics } from '../flink/index.js';
import { renderPrometheus } from './prometheus-text.js';

const statement: StatementMetrics = {
  environmentId: 'env-1', name: 'odd "name"\\x', computePoolId: 'lfcp-1', phase: 'RUNNING', scalingState: 'OK', cfus: 1,
  pendingRecords: 42, recordsIn: 100, recordsOut: 90, recordsInPerSecond: 1.23456, recordsOutPerSecond: 1,
  inputWatermark: null, outputWatermark: 1_700_000_000_000, watermarkLagMs: 5000, stateSizeBytes: 321, restarts: 0, cfuMinutes: 2.5,
  parallelism: 2, maxParallelism: 4, subtaskThreads: 2,
};

test('every family has HELP and TYPE; label values are escaped; missing watermarks have no sample', () => {
  const text = renderPrometheus({ at: 0, statements: [statement], pools: [{ id: 'lfcp-1', environmentId: 'env-1', displayName: 'p', currentCfu: 1, maxCfu: 10, cfuMinutes: 2.5, waiting: 0 }] });
  const lines = text.trimEnd().split('\n');
  const labels = 'environment="env-1",compute_pool="lfcp-1",statement="odd \\"name\\"\\\\x"';
  assert.ok(lines.includes(`confluent_flink_pending_records{${labels}} 42`));
  assert.ok(lines.includes(`confluent_flink_num_records_in_total{${labels}} 100`));
  assert.ok(lines.includes(`confluent_flink_current_output_watermark_milliseconds{${labels}} 1700000000000`));
  assert.ok(!lines.some((l) => l.startsWith('confluent_flink_current_input_watermark_milliseconds{')));
  assert.ok(lines.includes(`confluent_flink_statement_cfu_minutes_consumed{${labels}} 2.5`));
  assert.ok(lines.includes(`confluent_flink_statement_status{${labels},phase="RUNNING"} 1`));
  assert.ok(lines.includes('confluent_flink_compute_pool_utilization_cfu_limit{environment="env-1",compute_pool="lfcp-1"} 10'));
  const families = lines.filter((l) => l.startsWith('# TYPE ')).map((l) => l.split(' ')[2]);
  assert.equal(new Set(families).size, families.length);
  for (const l of lines.filter((x) => !x.startsWith('#'))) {
    assert.ok(families.includes(l.slice(0, l.indexOf('{'))), `sample of a declared family: ${l}`);
  }
});
