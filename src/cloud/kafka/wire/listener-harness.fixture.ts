/**
 * Test fixture (not a test): a topic-log store in a temp dir with a Kafka listener on an
 * ephemeral 127.0.0.1 port, and kafkajs clients pointed at it. `close` removes everything.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { ConsumerOffsets, TopicLogStore } from '../index.js';
import { startKafkaListener } from './index.js';
import type { KafkaListener, KafkaListenerOptions } from './index.js';

/** The cluster id every harness connection addresses. */
export const CLUSTER = 'lkc-wire1';

/** A running listener over a fresh store. */
export interface Harness {
  readonly store: TopicLogStore;
  readonly offsets: ConsumerOffsets;
  readonly listener: KafkaListener;
  readonly bootstrap: string;
  /** A kafkajs client for this listener (no retries unless asked). */
  kafka(opts?: { retries?: number; sasl?: { username: string; password: string } }): Kafka;
  close(): Promise<void>;
}

/** Starts a listener; `opts` overrides listener options. */
export async function startHarness(opts: Partial<Omit<KafkaListenerOptions, 'store' | 'offsets'>> = {}): Promise<Harness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streamform-wire-'));
  const store = TopicLogStore.open(path.join(dir, 'cloud.db'));
  const offsets = new ConsumerOffsets(store);
  const listener = await startKafkaListener({ store, offsets, host: '127.0.0.1', port: 0, clusterId: () => CLUSTER, fetchPollMs: 20, ...opts });
  const bootstrap = `127.0.0.1:${listener.port}`;
  return {
    store, offsets, listener, bootstrap,
    kafka: (k = {}) => new Kafka({
      brokers: [bootstrap], clientId: 'wire-test', logLevel: logLevel.NOTHING,
      retry: { retries: k.retries ?? 0, initialRetryTime: 50 },
      ...(k.sasl === undefined ? {} : { sasl: { mechanism: 'plain' as const, ...k.sasl } }),
    }),
    close: async () => {
      await listener.close();
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
