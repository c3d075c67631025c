/**
 * One parallel subtask of a statement, on its own worker thread (node:worker_threads). It opens
 * the cloud database on its own connection, plans the statement's SQL again (plans hold compiled
 * closures, which do not cross threads), reads only its share of the source partitions
 * (TopicSource assignment) and runs an ordinary TaskRunner whose checkpoints (its partitions'
 * offsets + its sink output, one SQLite transaction) go under its own key. It reports phases,
 * checkpoints and gauges to the ParallelJob on the main thread, and stops (with a savepoint) when
 * told to. A keyed job's subtask (spec.peers set) runs an ExchangeRunner instead: it exchanges rows
 * with the other subtasks by key group and hands its checkpoint parts (state, positions, sink
 * output) to the coordinator, which commits all subtasks' parts in one transaction.
 */
import { parentPort, threadId, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { basename, dirname } from 'node:path';
import { systemClock, systemIds } from '../../../../shared/index.js';
import { ControlPlane, openDatabase } from '../../../control-plane/index.js';
import { TopicLogStore } from '../../../kafka/index.js';
import { SchemaRegistryStore } from '../../../schema-registry/index.js';
import { FlinkCatalog } from '../../catalog/index.js';
import { CheckpointStore, TaskRunner, classifyFailure, subtaskKey, type RunnerPhase } from '../../runtime/index.js';
import type { RecordToAppend } from '../../../kafka/index.js';
import { prepareStatement } from '../statement-job.js';
import { buildJob } from '../job-builder.js';
import { JobProbe, scanLocations } from '../operations/index.js';
import type { SinkOutput, SubtaskCommand, SubtaskGauges, SubtaskMessage, SubtaskSpec } from './subtask-protocol.js';
import { ExchangeRunner } from './exchange-runner.js';
import { parallelismLimit } from './parallelism.js';

if (parentPort === null) throw new Error('subtask-worker.js runs as a worker thread');
const port: MessagePort = parentPort;
const spec = workerData as SubtaskSpec;
const post = (m: SubtaskMessage): void => port.postMessage(m);
const elu0 = performance.eventLoopUtilization();

async function main(): Promise<void> {
  post({ type: 'started', threadId });
  const clock = systemClock;
  const db = openDatabase(dirname(spec.dbFile), basename(spec.dbFile));
  try {
    const topics = new TopicLogStore(db, { clock });
    const schemaRegistry = new SchemaRegistryStore(db);
    const controlPlane = new ControlPlane(db, { clock, ids: systemIds, access: () => undefined });
    const catalog = new FlinkCatalog({ db, controlPlane, topics, schemaRegistry, clock });
    const prepared = prepareStatement(spec.statement, spec.properties, catalog, { firstLaunch: false, clock, ids: systemIds });
    if (prepared.value === undefined || prepared.value.kind !== 'job') {
      throw new Error(prepared.diagnostics.map((d) => d.summary).join('\n') || 'the statement no longer plans to a job');
    }
    const p = prepared.value;
    const keyed = spec.peers === undefined ? undefined : parallelismLimit(p.plan, topics).keyed;
    if (spec.peers !== undefined && keyed === undefined) throw new Error('the statement no longer plans to a keyed job');
    const output: SinkOutput[] = [];
    const job = buildJob(p.plan, {
      topics, schemaRegistry, clock, timeZone: p.timeZone, assignment: { index: spec.index, parallelism: spec.parallelism },
      deliverResults: () => { throw new Error('a parallel subtask has no result sink'); },
      ...(keyed === undefined ? {} : { keyGroups: keyed, appendTo: (cluster: string, topic: string, records: RecordToAppend[]) => { output.push({ cluster, topic, records }); } }),
    });
    if (job.value === undefined) throw new Error(job.diagnostics.map((d) => d.summary).join('\n'));
    const probed = JobProbe.instrument(job.value, scanLocations(p.plan));
    const gauges = (): SubtaskGauges => ({
      recordsIn: probed.probe.recordsIn, recordsOut: probed.probe.recordsOut, pendingRecords: probed.probe.pendingRecords(topics),
      inputWatermark: probed.probe.inputWatermark, outputWatermark: probed.probe.outputWatermark,
      utilization: performance.eventLoopUtilization(elu0).utilization,
    });
    const key = subtaskKey(spec.uid, spec.index, spec.parallelism);
    const onPhase = (phase: RunnerPhase, detail: string): void => post({ type: 'phase', phase, detail });
    const runner = keyed === undefined || spec.peers === undefined
      ? new TaskRunner(probed.graph, {
        statement: key, db, clock, checkpoints: { everyMs: spec.checkpointIntervalMs },
        ...(spec.idlePollMs === undefined ? {} : { idlePollMs: spec.idlePollMs }),
        onPhase, onCheckpoint: (id, kind) => post({ type: 'checkpoint', id, kind }),
      })
      : new ExchangeRunner({
        graph: probed.graph, keyed, index: spec.index, parallelism: spec.parallelism, peers: spec.peers, clock,
        checkpointIntervalMs: spec.checkpointIntervalMs, idlePollMs: spec.idlePollMs ?? 50,
        takeOutput: () => output.splice(0), onSnapshot: (snapshot) => post({ type: 'snapshot', snapshot }), onPhase,
      });
    port.on('message', (m: SubtaskCommand) => { if (m.type === 'stop') runner.stop({ whileRunning: true }); });
    const report = setInterval(() => post({ type: 'gauges', gauges: gauges() }), spec.reportMs);
    if (runner instanceof TaskRunner) runner.restore();
    else runner.restore(new CheckpointStore(db).latest(key));
    post({ type: 'gauges', gauges: gauges() });
    const phase = await runner.run();
    clearInterval(report);
    const f = runner.failure;
    post({
      type: 'done', phase, detail: runner.detail, gauges: gauges(),
      ...(f === undefined ? {} : { failure: { name: f.error instanceof Error ? f.error.name : 'Error', message: f.error instanceof Error ? f.error.message : String(f.error), class: f.class } }),
    });
  } finally {
    db.close();
  }
}

main().catch((e: unknown) => {
  const zero: SubtaskGauges = { recordsIn: 0, recordsOut: 0, pendingRecords: 0, inputWatermark: null, outputWatermark: null, utilization: 0 };
  const message = e instanceof Error ? e.message : String(e);
  post({ type: 'done', phase: 'FAILED', detail: message, gauges: zero, failure: { name: e instanceof Error ? e.name : 'Error', message, class: classifyFailure(e) } });
});
