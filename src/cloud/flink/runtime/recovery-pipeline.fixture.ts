/**
 * Test fixture (not a test): the source → calc → sink pipeline the recovery tests run, in-process
 * and in a child process that gets SIGKILLed. Input topic `in` holds JSON `{"id": i}`; the job
 * writes `{"id": i, "sq": i*i}` for even ids into `out`, keyed by id.
 */
import type { TopicLogStore } from '../../kafka/index.js';
import { CalcOperator, jsonDeserializer, jsonSerializer, TopicSink, TopicSource, type BoundedMode, type JobGraph } from './index.js';

/** Cluster of the fixture topics. */
export const CLUSTER = 'lkc-rec';

/** Creates the topics and appends `n` input records. */
export function seedInput(logs: TopicLogStore, n: number, partitions = 3): void {
  logs.createTopic(CLUSTER, 'in', { partitionsCount: partitions });
  logs.createTopic(CLUSTER, 'out', { partitionsCount: 2 });
  for (let base = 0; base < n; base += 10_000) {
    const recs = [];
    for (let i = base; i < Math.min(n, base + 10_000); i++) recs.push({ key: Buffer.from(String(i)), value: Buffer.from(`{"id":${i}}`) });
    logs.append(CLUSTER, 'in', recs);
  }
}

/** The job over `in` → `out` (or another output topic). */
export function recoveryJob(logs: TopicLogStore, opts: { readonly bounded?: BoundedMode; readonly out?: string } = {}): JobGraph {
  return {
    nodes: [
      { kind: 'source', id: 'src', source: new TopicSource({ logs, cluster: CLUSTER, topic: 'in', mode: 'append', deserializer: jsonDeserializer([{ name: 'id', from: 'value' }]), ...(opts.bounded === undefined ? {} : { bounded: opts.bounded }) }) },
      { kind: 'operator', id: 'calc', operator: new CalcOperator({ filter: (r) => (r[0] as number) % 2 === 0, project: (r) => [r[0], (r[0] as number) * (r[0] as number)] }) },
      { kind: 'sink', id: 'sink', sink: new TopicSink({ logs, cluster: CLUSTER, topic: opts.out ?? 'out', mode: 'append', serializer: jsonSerializer({ key: [['id', 0]], value: [['id', 0], ['sq', 1]] }) }) },
    ],
    edges: [{ from: 'src', to: 'calc' }, { from: 'calc', to: 'sink' }],
  };
}
