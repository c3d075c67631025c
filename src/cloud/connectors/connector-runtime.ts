/**
 * The connector runtime of the local cloud: runs the tasks of every managed connector the store
 * holds (today the Datagen source), keeps their source offsets so a restart continues the
 * sequence, and moves connectors through PROVISIONING → RUNNING, PAUSED and FAILED (with the
 * reason as its trace). A RUNNING connector whose topic does not exist yet waits for it rather
 * than creating it, so a Terraform apply that creates the topic later still succeeds.
 */
import type { Clock } from '../../shared/index.js';
import type { Logger } from '../http/index.js';
import type { TopicLogStore } from '../kafka/index.js';
import type { SchemaRegistryStore } from '../schema-registry/index.js';
import type { ConnectorStore } from './connector-store.js';
import { DATAGEN_CONNECTOR_CLASS, DatagenTask, DatagenTaskError, fromConnectOffsets, toConnectOffset, validateDatagenConfig } from './datagen/index.js';
import type { ConnectorRecord } from './types.js';

export interface ConnectorRuntimeDeps {
  readonly store: ConnectorStore;
  readonly topics: TopicLogStore;
  readonly schemaRegistry: SchemaRegistryStore;
  /** The environment's Schema Registry cluster id, if it has one. */
  readonly srIdOf: (environmentId: string) => string | undefined;
  readonly clock: Clock;
  readonly logger: Logger;
  /** How often a connector waiting for its topic looks again (default 500 ms). */
  readonly topicPollMs?: number;
}

interface Running {
  readonly abort: AbortController;
  readonly configKey: string;
  readonly done: Promise<void>;
}

export class ConnectorRuntime {
  readonly #deps: ConnectorRuntimeDeps;
  readonly #running = new Map<string, Running>();
  #detach: (() => void) | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(deps: ConnectorRuntimeDeps) { this.#deps = deps; }

  /** Attaches to the store and starts every connector that should run. */
  start(): void {
    this.#detach = this.#deps.store.attachRuntime();
    this.#unsubscribe = this.#deps.store.subscribe((e) => {
      if (e.kind === 'deleted') { void this.#stopOne(`${e.clusterId}/${e.name}`); return; }
      const rec = this.#deps.store.get(e.clusterId, e.name);
      if (rec) this.#reconcile(rec);
    });
    for (const rec of this.#deps.store.list()) this.#reconcile(rec);
  }

  /** Stops every task (their offsets are already stored) and detaches. */
  async stop(): Promise<void> {
    this.#unsubscribe?.();
    await Promise.all([...this.#running.keys()].map((k) => this.#stopOne(k)));
    this.#detach?.();
  }

  #now(): string { return new Date(this.#deps.clock.now()).toISOString(); }

  #reconcile(rec: ConnectorRecord): void {
    const key = `${rec.clusterId}/${rec.name}`;
    const cur = this.#running.get(key);
    const configKey = JSON.stringify(rec.config) + JSON.stringify(rec.lastOffsetsRequest ?? null);
    if (rec.state === 'PAUSED' || rec.state === 'FAILED') { if (cur) void this.#stopOne(key); return; }
    if (cur && cur.configKey === configKey) return;
    if (cur) { void this.#stopOne(key).then(() => this.#launch(rec, configKey)); return; }
    this.#launch(rec, configKey);
  }

  async #stopOne(key: string): Promise<void> {
    const r = this.#running.get(key);
    if (!r) return;
    this.#running.delete(key);
    r.abort.abort();
    await r.done;
  }

  #launch(rec: ConnectorRecord, configKey: string): void {
    const key = `${rec.clusterId}/${rec.name}`;
    const fail = (trace: string): void => {
      this.#deps.logger.warn('connector failed', { connector: rec.name, trace });
      this.#deps.store.setState(rec.clusterId, rec.name, 'FAILED', { trace, now: this.#now() });
    };
    if (rec.config['connector.class'] !== DATAGEN_CONNECTOR_CLASS) { fail(`Connector class ${rec.config['connector.class']} has no runtime in the local cloud.`); return; }
    const cfg = validateDatagenConfig(rec.config);
    if (!cfg.value) { fail(cfg.diagnostics.map((d) => `${d.address ? d.address + ': ' : ''}${d.detail ?? d.summary}`).join('\n')); return; }
    const config = cfg.value;
    const srId = this.#deps.srIdOf(rec.environmentId);
    const abort = new AbortController();
    const signal = abort.signal;
    const offsets = new Map<number, ReturnType<typeof toConnectOffset>>();
    for (const p of rec.offsets) offsets.set(Number(p.partition['task.id']), p as ReturnType<typeof toConnectOffset>);
    const persist = (taskId: number, o: Parameters<typeof toConnectOffset>[1]): void => {
      offsets.set(taskId, toConnectOffset(taskId, o));
      if (this.#deps.store.get(rec.clusterId, rec.name)) this.#deps.store.setOffsets(rec.clusterId, rec.name, [...offsets.values()], this.#now());
    };
    const runTasks = async (): Promise<void> => {
      this.#deps.store.setState(rec.clusterId, rec.name, 'RUNNING', { now: this.#now() });
      // A RUNNING connector whose topic does not exist yet waits for it (Terraform may create the
      // topic after the connector) instead of creating it with defaults.
      let waited = false;
      while (!signal.aborted && !this.#deps.topics.hasTopic(rec.clusterId, config.topic)) {
        if (!waited) { this.#deps.logger.info('connector waits for its topic', { connector: rec.name, topic: config.topic }); waited = true; }
        await sleep(this.#deps.topicPollMs ?? 500, signal);
      }
      if (signal.aborted) return;
      const tasks = Array.from({ length: config.tasksMax }, (_, taskId) => {
        const start = fromConnectOffsets(rec.offsets as Parameters<typeof fromConnectOffsets>[0], taskId);
        return new DatagenTask({
          config, taskId, store: this.#deps.topics, cluster: rec.clusterId,
          ...(srId ? { schemaRegistry: { store: this.#deps.schemaRegistry, srId } } : {}),
          ...(start ? { startingOffset: start } : {}),
        });
      });
      const ends = await Promise.all(tasks.map((t, taskId) => t.run(signal, (r) => persist(taskId, r.offset)).catch((e: unknown) => {
        if (e instanceof DatagenTaskError) { fail(e.message); abort.abort(); return undefined; }
        throw e;
      })));
      for (const [taskId, end] of ends.entries()) if (end) persist(taskId, end.offset);
      const exhausted = ends.find((e) => e?.kind === 'exhausted');
      if (exhausted && exhausted.kind === 'exhausted' && !signal.aborted) fail(exhausted.message ?? 'Stopping connector: generated the configured number of messages.');
    };
    // Registered before the tasks start: their state changes re-enter #reconcile through the store.
    const done = Promise.resolve().then(runTasks).catch((e: unknown) => { fail(e instanceof Error ? e.message : String(e)); }).finally(() => {
      if (this.#running.get(key)?.abort === abort) this.#running.delete(key);
    });
    this.#running.set(key, { abort, configKey, done });
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done(): void { clearTimeout(t); signal.removeEventListener('abort', done); resolve(); }
    signal.addEventListener('abort', done, { once: true });
  });
}
