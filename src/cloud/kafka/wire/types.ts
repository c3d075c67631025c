/** Plain data crossing the wire listener's boundaries: options, sessions, handler contracts. */
import type { Clock, IdSource } from '../../../shared/index.js';
import type { TopicLogStore } from '../topic-log-store.js';
import type { ConsumerOffsets } from '../consumer-offsets.js';
import type { ByteReader } from './byte-reader.js';
import type { ByteWriter } from './byte-writer.js';
import type { GroupCoordinator } from './group-coordinator.js';
import type { AppendSignal } from './append-signal.js';

/** The structured logger the local cloud passes in (same shape as cloud/http's Logger). */
export interface WireLogger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  debug?(msg: string, fields?: Record<string, unknown>): void;
}

/** What the listener knows about a connection when it resolves the cluster it talks to. */
export interface ConnectionInfo {
  /** The SASL PLAIN username (an API key, or a cluster id), once authenticated. */
  readonly username?: string;
  readonly clientId: string | null;
  readonly remoteAddress: string;
}

/** Options for startKafkaListener. */
export interface KafkaListenerOptions {
  readonly store: TopicLogStore;
  readonly offsets: ConsumerOffsets;
  /** Interface to bind, e.g. 127.0.0.1. */
  readonly host: string;
  /** 0 = an ephemeral port. */
  readonly port: number;
  /** The cluster a connection's requests address; undefined = no cluster (empty metadata). */
  readonly clusterId: (conn: ConnectionInfo) => string | undefined;
  readonly logger?: WireLogger;
  /** Checks SASL PLAIN credentials; absent = any credentials are accepted. */
  readonly authenticate?: (username: string, password: string) => boolean;
  readonly clock?: Clock;
  readonly ids?: IdSource;
  /** Partitions of a topic created with num_partitions = -1 (Confluent Cloud's default is 6). */
  readonly defaultPartitions?: number;
  /** How long a new consumer group waits for more members before its first generation (default 0). */
  readonly initialRebalanceDelayMs?: number;
  /** How often a waiting Fetch re-checks the logs for records appended outside this listener (default 50 ms). */
  readonly fetchPollMs?: number;
}

/** A running listener. */
export interface KafkaListener {
  readonly host: string;
  readonly port: number;
  /** Stops accepting connections, ends open ones and clears group timers. */
  close(): Promise<void>;
}

/** The one broker of the local cloud, as Metadata and FindCoordinator advertise it. */
export interface BrokerAddress {
  readonly nodeId: number;
  readonly host: string;
  readonly port: number;
}

/** Per-connection state a handler may read or change (SASL). */
export interface WireSession {
  readonly broker: BrokerAddress;
  readonly info: ConnectionInfo;
  /** The cluster of this connection, resolved per request (the username may arrive late). */
  cluster(): string | undefined;
  /** Records a successful SASL authentication. */
  authenticated(username: string): void;
  /** After SaslHandshake v0 the next frame is a bare SASL token, not a Kafka request. */
  expectRawSaslToken(): void;
}

/** Listener-wide services the handlers share. */
export interface WireServices {
  readonly store: TopicLogStore;
  readonly offsets: ConsumerOffsets;
  readonly groups: GroupCoordinator;
  readonly appends: AppendSignal;
  readonly logger: WireLogger;
  readonly clock: Clock;
  readonly defaultPartitions: number;
  readonly fetchPollMs: number;
  readonly authenticate: (username: string, password: string) => boolean;
  nextProducerId(): number;
}

/** One decoded request as a handler sees it. */
export interface WireRequest {
  readonly apiKey: number;
  readonly apiVersion: number;
  readonly correlationId: number;
  readonly clientId: string | null;
  /** The body, positioned after the header, in the version's (non-)flexible encoding. */
  readonly body: ByteReader;
  readonly session: WireSession;
  readonly services: WireServices;
}

/** What a handler answers: a body, or nothing (Produce with acks=0), optionally closing afterwards. */
export type WireResponse =
  | { readonly kind: 'reply'; readonly body: ByteWriter; readonly closeAfter?: boolean }
  | { readonly kind: 'none' };

/** A request handler for one API key. */
export type WireHandler = (req: WireRequest) => WireResponse | Promise<WireResponse>;
