/** startKafkaListener: the local cloud's Kafka wire-protocol listener (one broker, node id 1). */
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { systemClock, systemIds } from '../../../shared/index.js';
import { AppendSignal } from './append-signal.js';
import { GroupCoordinator } from './group-coordinator.js';
import { WireConnection } from './wire-connection.js';
import type { KafkaListener, KafkaListenerOptions, WireLogger, WireServices } from './types.js';

const NODE_ID = 1;
const QUIET: WireLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** Starts listening on `host:port` (0 = ephemeral) and serves Kafka clients until closed. */
export async function startKafkaListener(opts: KafkaListenerOptions): Promise<KafkaListener> {
  const logger = opts.logger ?? QUIET;
  const clock = opts.clock ?? systemClock;
  const appends = new AppendSignal();
  const groups = new GroupCoordinator({ ids: opts.ids ?? systemIds, ...(opts.initialRebalanceDelayMs === undefined ? {} : { initialRebalanceDelayMs: opts.initialRebalanceDelayMs }) });
  // Producer ids only need to differ between producers; starting from the clock keeps them
  // distinct across restarts without storing a counter.
  let producerId = Math.floor(clock.now());
  const authenticate = opts.authenticate;
  const services: WireServices = {
    store: opts.store, offsets: opts.offsets, groups, appends, logger, clock,
    defaultPartitions: opts.defaultPartitions ?? 6,
    fetchPollMs: opts.fetchPollMs ?? 50,
    authenticate: authenticate ?? (() => true),
    nextProducerId: () => ++producerId,
  };
  const sockets = new Set<Socket>();
  let port = 0;
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const host = advertisedHost(socket.localAddress, opts.host);
    new WireConnection(socket, services, { broker: { nodeId: NODE_ID, host, port }, clusterId: opts.clusterId });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  logger.info('kafka listener started', { host: opts.host, port });
  let closing: Promise<void> | undefined;
  return {
    host: opts.host,
    port,
    close: () => (closing ??= new Promise<void>((resolve) => {
      appends.close();
      groups.close();
      server.close(() => resolve());
      for (const s of sockets) s.destroy();
    })),
  };
}

/** The address clients reached us on, so Metadata sends them back to the same interface. */
function advertisedHost(local: string | undefined, fallback: string): string {
  if (local === undefined || local === '') return fallback;
  return local.startsWith('::ffff:') ? local.slice(7) : local;
}
