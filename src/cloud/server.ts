/**
 * startCloud: the local Confluent Cloud in one node:http server over one SQLite database
 * (`<dataDir>/cloud.db`, WAL). Composes the control plane, Kafka REST, Schema Registry, Flink
 * statements and connectors, and (with `auth: true`) the API-key + RBAC gate.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock, IdSource } from '../shared/index.js';
import { systemClock, systemIds } from '../shared/index.js';
import type { Logger, Route } from './http/index.js';
import { Router, createDispatcher } from './http/index.js';
import { Authorizer, createAccessCheck, createAuthGate, verifySecret } from './auth/index.js';
import type { AccessCheck, AdminCredentials, Db, Visibility } from './control-plane/index.js';
import { ControlPlane, openDatabase, withKafkaAuthz, withSchemaRegistryAuthz } from './control-plane/index.js';
import { FlinkCatalog, FlinkOperations, StatementStore, startExecutor, statementRoutes, statementValidationRoutes, type AutopilotOptions, type Executor } from './flink/index.js';
import { metricsRoutes } from './metrics/index.js';
import { ConnectorRuntime, ConnectorStore, connectorRoutes } from './connectors/index.js';
import { AclStore, ConsumerOffsets, TopicLogStore, kafkaRestRoutes, startKafkaListener, type ConnectionInfo, type KafkaListener } from './kafka/index.js';
import { SchemaRegistryStore, schemaRegistryRoutes } from './schema-registry/index.js';
import { lockDataDir } from './data-dir-lock.js';

/** Options for startCloud. */
export interface CloudOptions {
  /** Directory owning every file of this cloud (created when missing). */
  readonly dataDir: string;
  /**
   * 0 (default) = the port this data dir listened on last time in another process when it is
   * free, else an ephemeral one; another number = that port. A taken port falls back to a free
   * one (see `requestedPort`).
   */
  readonly port?: number;
  readonly host?: string;
  /** Require API keys and role bindings on every request except /health and /version. */
  readonly auth?: boolean;
  readonly clock?: Clock;
  readonly ids?: IdSource;
  /** `debug` (optional) receives routine events such as what a maintenance pass did. */
  readonly logger?: CloudLogger;
  /** How often topic maintenance (retention, compaction, batch merging) runs; default 30 s. */
  readonly maintenanceIntervalMs?: number;
  /** Run connector tasks (Datagen) in this process; default true. */
  readonly runConnectors?: boolean;
  /** Run Flink SQL statements in this process; default true. */
  readonly runStatements?: boolean;
  /** Internal: Autopilot thresholds and cadence of the statement executor (tests use small values). */
  readonly autopilot?: AutopilotOptions;
  /** Internal: how often Flink metrics are sampled and waiting statements re-examined (default 1000 ms; 0 = only when read). */
  readonly metricsSampleMs?: number;
  /** Port of the Kafka wire-protocol listener: 0 (default) = the previous one when free, else any. */
  readonly kafkaPort?: number;
  /**
   * How often the cloud checks that its data directory still exists (default 2 s). When it was
   * deleted (or replaced by a new directory of the same name), the cloud closes itself: nothing it
   * writes would be seen again, and an orphaned cloud would keep its ports and CPU forever.
   */
  readonly dataDirCheckMs?: number;
}

/** The server's logger: the cloud's Logger plus an optional debug level. */
export interface CloudLogger extends Logger {
  debug?(msg: string, fields?: Record<string, unknown>): void;
}

/** A running local cloud. */
export interface RunningCloud {
  /** `http://127.0.0.1:<port>`: the control plane, Flink, Kafka REST and SR base URL. */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly organizationId: string;
  readonly auth: boolean;
  /** Set when the requested port was taken and another was chosen. */
  readonly requestedPort?: number;
  /** The bootstrap OrganizationAdmin key (auth on; also kept in `<dataDir>/admin-credentials.json`). */
  readonly admin?: AdminCredentials;
  readonly controlPlane: ControlPlane;
  readonly statements: StatementStore;
  readonly connectors: ConnectorStore;
  readonly topics: TopicLogStore;
  readonly acls: AclStore;
  readonly schemaRegistry: SchemaRegistryStore;
  /** The Flink catalog: environments, clusters, topics and subjects seen as catalogs, databases and tables. */
  readonly catalog: FlinkCatalog;
  /** The statement executor (absent with `runStatements: false`). */
  readonly executor?: Executor;
  /** Compute-pool capacity, CFU metering and statement metrics (`/metrics`). */
  readonly operations: FlinkOperations;
  /** Port of the Kafka wire-protocol listener (kafkajs, kcat, librdkafka clients). */
  readonly kafkaPort: number;
  /** The shared `cloud.db` handle (runtimes commit into it). */
  readonly database: Db;
  /** Stops accepting requests, finishes in-flight ones and closes the database. */
  close(): Promise<void>;
  /** Resolves once the cloud has closed, whether by close() or because its data directory vanished. */
  readonly closed: Promise<void>;
}

/** The streamform version and the REST API versions this server speaks. */
export const API_VERSIONS = { org: 'v2', cmk: 'v2', srcm: 'v3', fcpm: 'v2', iam: 'v2', sql: 'v1', connect: 'v1', kafka: 'v3' } as const;

const QUIET: CloudLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const ADMIN_FILE = 'admin-credentials.json';
const MAINTENANCE_INTERVAL_MS = 30_000;
const DATA_DIR_CHECK_MS = 2_000;
/**
 * `<port> <pid>` of the last run. Endpoints end up in Terraform state (a cluster's
 * `rest_endpoint`, `<url>/sr/<id>`), and refreshes use the stored ones, so a restarted cloud
 * keeps its address as Confluent Cloud's endpoints do. A restart inside the same process gets a
 * fresh port instead: that process's HTTP clients may still pool keep-alive sockets to the old
 * server, and undici would send the next request on one of them.
 */
const PORT_FILE = 'last-port';

/** The package version, read from package.json beside dist/. */
export function streamformVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
    return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** Starts the local cloud. */
export async function startCloud(opts: CloudOptions): Promise<RunningCloud> {
  const clock = opts.clock ?? systemClock;
  const ids = opts.ids ?? systemIds;
  const logger = opts.logger ?? QUIET;
  const host = opts.host ?? '127.0.0.1';
  const auth = opts.auth === true;
  // Before anything touches the directory: a second cloud here fails with DataDirLockedError.
  const lock = lockDataDir(opts.dataDir);
  let db: Db;
  try {
    db = openDatabase(opts.dataDir);
  } catch (err) {
    lock.release();
    throw err;
  }
  try {
    const topics = new TopicLogStore(db, { clock });
    let kafkaListener: KafkaListener | undefined;
    const schemaRegistry = new SchemaRegistryStore(db);
    const statements = new StatementStore(db, { clock });
    const connectors = new ConnectorStore(db);
    const acls = new AclStore(db);
    // Handlers check extra permissions (Assigner, pool Use) through `access`; it is a no-op for
    // requests without a principal, i.e. whenever auth is off.
    let accessCheck: AccessCheck = () => undefined;
    const access: AccessCheck = (req, crn, op) => { accessCheck(req, crn, op); };
    let visibleCheck: Visibility = () => true;
    let operations: FlinkOperations | undefined;
    const visible: Visibility = (req, crn) => visibleCheck(req, crn);
    const controlPlane = new ControlPlane(db, {
      clock, ids, access, visible,
      hooks: {
        kafkaBootstrap: () => (kafkaListener ? `SASL_PLAINTEXT://${host}:${kafkaListener.port}` : undefined),
        onClusterDeleted: (clusterId) => {
          for (const t of topics.listTopics(clusterId)) topics.deleteTopic(clusterId, t.name);
          acls.deleteCluster(clusterId);
          connectors.deleteCluster(clusterId);
        },
        onSchemaRegistryDeleted: (srId) => {
          for (const s of schemaRegistry.listSubjects(srId, { deleted: true })) {
            if (schemaRegistry.listSubjects(srId).includes(s)) schemaRegistry.deleteSubject(srId, s);
            schemaRegistry.deleteSubject(srId, s, { permanent: true });
          }
        },
        onComputePoolResized: (poolId) => operations?.wakeWaiters(poolId),
        onComputePoolDeleted: (poolId, envId) => {
          for (const s of statements.list(envId, { computePoolId: poolId })) {
            if (s.spec.stopped) continue;
            const stopped = statements.replace({ ...s, spec: { ...s.spec, stopped: true } });
            if (!['COMPLETED', 'FAILED', 'STOPPED'].includes(stopped.status.phase)) {
              statements.setPhase(envId, s.name, 'STOPPED', 'Statement was stopped because its compute pool was deleted.');
            }
          }
        },
        onEnvironmentDeleted: (envId) => {
          for (const s of statements.list(envId)) statements.delete(envId, s.name);
        },
        currentCfu: (poolId) => operations?.currentCfu(poolId) ?? 0,
      },
    });
    const poolInfo = (p: { id: string; environmentId: string; displayName: string; maxCfu: number }): { id: string; environmentId: string; displayName: string; maxCfu: number } =>
      ({ id: p.id, environmentId: p.environmentId, displayName: p.displayName, maxCfu: p.maxCfu });
    operations = new FlinkOperations({
      database: db, statements, topics,
      computePool: (id) => { const p = controlPlane.computePool(id); return p === undefined ? undefined : poolInfo(p); },
      computePools: () => controlPlane.environments().flatMap((e) => controlPlane.computePools(e.id)).map(poolInfo),
      environments: () => controlPlane.environments().map((e) => e.id),
    }, { clock, ...(opts.metricsSampleMs === undefined ? {} : { sampleIntervalMs: opts.metricsSampleMs }), onError: (err) => logger.error('flink metrics sampling failed', { error: err instanceof Error ? err.message : String(err) }) });
    const ops = operations;
    const authorizer = new Authorizer(controlPlane.authSource());
    accessCheck = createAccessCheck(authorizer);
    visibleCheck = (req, crn) => req.principal === undefined || authorizer.decide(req.principal.id, crn, 'Describe').kind === 'allow';
    const admin = auth ? bootstrapAdmin(controlPlane, opts.dataDir) : undefined;
    const catalog = new FlinkCatalog({ db, controlPlane, topics, schemaRegistry, clock });
    const routes = [
      ...composeRoutes({ controlPlane, statements, connectors, topics, acls, schemaRegistry, clock, ids, access, visible }),
      // streamform extension: plan-time SQL validation (`statements:validate`).
      ...statementValidationRoutes({
        orgId: controlPlane.orgId, clock, ids, environmentExists: (id) => controlPlane.environment(id) !== undefined,
        cloud: { catalog, controlPlane, schemaRegistry, clock },
      }),
      ...metricsRoutes({ operations: ops, orgId: controlPlane.orgId }),
    ];
    const router = new Router(routes);
    let requestCounter = 0;
    const server = createServer(createDispatcher(router, {
      logger,
      requestId: () => `req-${(++requestCounter).toString(36)}`,
      ...(auth ? { gate: createAuthGate(authorizer) } : {}),
    }));
    server.keepAliveTimeout = 5_000;
    const requested = opts.port !== undefined && opts.port !== 0 ? opts.port : rememberedPort(opts.dataDir);
    const port = await listen(server, requested, host, logger);
    writeFileSync(join(opts.dataDir, PORT_FILE), `${port} ${process.pid}\n`);
    const url = `http://${host}:${port}`;
    logger.info('local cloud listening', { url, dataDir: opts.dataDir, auth });
    kafkaListener = await startKafka(opts, { topics, controlPlane, host, logger, auth });
    const maintenance = setInterval(() => runMaintenance(topics, clock, logger), opts.maintenanceIntervalMs ?? MAINTENANCE_INTERVAL_MS);
    maintenance.unref();
    const connectorRuntime = opts.runConnectors === false ? undefined : new ConnectorRuntime({
      store: connectors, topics, schemaRegistry, srIdOf: (envId) => controlPlane.schemaRegistryOf(envId)?.id, clock, logger,
    });
    connectorRuntime?.start();
    // Statements that were RUNNING before a restart resume from their last checkpoint.
    const executor = opts.runStatements === false ? undefined : startExecutor({ statements, topics, schemaRegistry, controlPlane, database: db }, { clock, ids, operations: ops, ...(opts.autopilot === undefined ? {} : { autopilot: opts.autopilot }) });
    let closing: Promise<void> | undefined;
    let markClosed: () => void = () => undefined;
    const closed = new Promise<void>((resolve) => { markClosed = resolve; });
    const close = (): Promise<void> => {
      clearInterval(maintenance);
      clearInterval(dirWatch);
      return (closing ??= (async () => {
        try {
          await connectorRuntime?.stop();
          await executor?.close();
          ops.close();
          await kafkaListener?.close();
          await closeServer(server, db, logger);
        } finally {
          lock.release();
          markClosed();
        }
      })());
    };
    const dirIdentity = directoryIdentity(opts.dataDir);
    const dirWatch = setInterval(() => {
      const now = directoryIdentity(opts.dataDir);
      if (now !== undefined && now === dirIdentity && existsSync(join(opts.dataDir, 'cloud.db'))) return;
      clearInterval(dirWatch);
      logger.warn('the data directory was deleted; stopping the local cloud', { dataDir: opts.dataDir });
      close().catch((err: unknown) => logger.error('stopping the local cloud failed', { error: err instanceof Error ? err.message : String(err) }));
    }, opts.dataDirCheckMs ?? DATA_DIR_CHECK_MS);
    dirWatch.unref();
    const base = {
      url, port, host, dataDir: opts.dataDir, organizationId: controlPlane.orgId, auth,
      controlPlane, statements, connectors, topics, acls, schemaRegistry, catalog, database: db, operations: ops,
      ...(executor ? { executor } : {}),
      kafkaPort: kafkaListener.port,
      close, closed,
    };
    return {
      ...base,
      ...(admin === undefined ? {} : { admin }),
      ...(port !== requested && requested !== 0 ? { requestedPort: requested } : {}),
    };
  } catch (err) {
    db.close();
    lock.release();
    throw err;
  }
}

/** The data directory's device and inode, or undefined when it is gone. */
function directoryIdentity(dir: string): string | undefined {
  try {
    const st = statSync(dir);
    return `${st.dev}:${st.ino}`;
  } catch {
    return undefined;
  }
}

function composeRoutes(p: {
  controlPlane: ControlPlane; statements: StatementStore; connectors: ConnectorStore; topics: TopicLogStore; acls: AclStore;
  schemaRegistry: SchemaRegistryStore; clock: Clock; ids: IdSource; access: AccessCheck; visible: Visibility;
}): Route[] {
  const cp = p.controlPlane;
  const lookups = {
    orgId: cp.orgId,
    clusterEnvironment: (id: string) => cp.kafkaCluster(id)?.environmentId,
    registryEnvironment: (id: string) => cp.schemaRegistry(id)?.environmentId,
  };
  const access = p.access;
  return [
    ...serviceRoutes(),
    ...cp.routes(),
    ...statementRoutes({
      store: p.statements, orgId: cp.orgId, clock: p.clock, ids: p.ids, access, visible: p.visible,
      environmentExists: (id) => cp.environment(id) !== undefined,
      computePool: (id) => cp.computePool(id),
      computePools: (envId) => cp.computePools(envId),
      principalExists: (id) => cp.principalExists(id),
    }),
    ...connectorRoutes({
      store: p.connectors, orgId: cp.orgId, clock: p.clock, ids: p.ids,
      clusterInEnvironment: (envId, clusterId) => cp.kafkaCluster(clusterId)?.environmentId === envId,
    }),
    ...withKafkaAuthz(kafkaRestRoutes(p.topics, { clusterExists: (id) => cp.kafkaCluster(id) !== undefined, clock: p.clock, acls: p.acls }), lookups),
    ...withSchemaRegistryAuthz(schemaRegistryRoutes(p.schemaRegistry, { registryExists: (id) => cp.schemaRegistry(id) !== undefined }), lookups),
  ];
}

/**
 * One pass of topic maintenance. A failure is logged, not thrown: the next pass retries, and a
 * timer callback has no caller to report to.
 */
function runMaintenance(topics: TopicLogStore, clock: Clock, logger: CloudLogger): void {
  try {
    const started = clock.now();
    const report = topics.maintenance(started);
    logger.debug?.('topic maintenance', { ...report });
  } catch (err) {
    logger.error('topic maintenance failed', { error: err instanceof Error ? err.message : String(err) });
  }
}

function serviceRoutes(): Route[] {
  const version = streamformVersion();
  return [
    { method: 'GET', pattern: '/health', envelope: 'confluent', public: true, handler: () => ({ status: 200, body: { status: 'ok' } }) },
    { method: 'GET', pattern: '/version', envelope: 'confluent', public: true, handler: () => ({ status: 200, body: { version, api_versions: API_VERSIONS } }) },
  ];
}

function bootstrapAdmin(cp: ControlPlane, dataDir: string): AdminCredentials | undefined {
  const file = join(dataDir, ADMIN_FILE);
  const created = cp.createBootstrapAdmin();
  if (created !== undefined) {
    writeFileSync(file, `${JSON.stringify(created, null, 2)}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
    return created;
  }
  if (!existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<AdminCredentials>;
    if (typeof parsed.userId === 'string' && typeof parsed.apiKey === 'string' && typeof parsed.apiSecret === 'string') {
      return { userId: parsed.userId, apiKey: parsed.apiKey, apiSecret: parsed.apiSecret };
    }
  } catch {
    // An unreadable credentials file only means the CLI cannot print the admin key again.
  }
  return undefined;
}

const KAFKA_PORT_FILE = 'last-kafka-port';

/**
 * The Kafka wire listener. Its bootstrap endpoint also ends up in state (a cluster's
 * `bootstrap_endpoint`), so it keeps its port across restarts like the HTTP one. A connection's
 * cluster is its SASL username (a cluster id, or a cluster-scoped API key), else the first one.
 */
async function startKafka(opts: CloudOptions, p: { topics: TopicLogStore; controlPlane: ControlPlane; host: string; logger: CloudLogger; auth: boolean }): Promise<KafkaListener> {
  const cp = p.controlPlane;
  const clusterId = (conn: ConnectionInfo): string | undefined => {
    const user = conn.username;
    if (user !== undefined) {
      if (cp.kafkaCluster(user) !== undefined) return user;
      const key = cp.authSource().findApiKey(user);
      if (key?.resource?.family === 'kafka') return key.resource.id;
    }
    return cp.environments().flatMap((e) => cp.kafkaClusters(e.id))[0]?.id;
  };
  const base = {
    store: p.topics, offsets: new ConsumerOffsets(p.topics), host: p.host, logger: p.logger, clusterId,
    ...(p.auth ? { authenticate: (k: string, s: string) => { const key = cp.authSource().findApiKey(k); return key !== undefined && verifySecret(s, key.secretHash); } } : {}),
  };
  const remembered = opts.kafkaPort ?? rememberedPort(opts.dataDir, KAFKA_PORT_FILE);
  let listener: KafkaListener;
  try {
    listener = await startKafkaListener({ ...base, port: remembered });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || remembered === 0) throw err;
    p.logger.warn(`Kafka port ${remembered} is in use; choosing a free port`, { requestedPort: remembered });
    listener = await startKafkaListener({ ...base, port: 0 });
  }
  writeFileSync(join(opts.dataDir, KAFKA_PORT_FILE), `${listener.port} ${process.pid}\n`);
  p.logger.info('Kafka listener ready', { bootstrap: `${p.host}:${listener.port}` });
  return listener;
}

function rememberedPort(dataDir: string, file = PORT_FILE): number {
  try {
    const [portText = '', pidText = ''] = readFileSync(join(dataDir, file), 'utf8').trim().split(' ');
    const n = Number(portText);
    if (Number(pidText) === process.pid) return 0;
    return Number.isInteger(n) && n > 0 && n < 65_536 ? n : 0;
  } catch {
    return 0; // first run on this data dir (or an unreadable file): any free port
  }
}

function listen(server: Server, port: number, host: string, logger: Logger): Promise<number> {
  const attempt = (p: number): Promise<number> => new Promise((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => { server.off('listening', onListening); reject(err); };
    const onListening = (): void => { server.off('error', onError); resolve((server.address() as AddressInfo).port); };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(p, host);
  });
  return attempt(port).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EADDRINUSE' || port === 0) throw err;
    logger.warn(`port ${port} is in use; choosing a free port`, { requestedPort: port });
    return attempt(0);
  });
}

function closeServer(server: Server, db: Db, logger: Logger): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => {
      clearTimeout(force);
      db.close();
      logger.info('local cloud stopped');
      resolve();
    });
    server.closeIdleConnections();
    // Requests still running after a grace period are cut off; their transactions either
    // committed already or roll back with the connection.
    const force = setTimeout(() => server.closeAllConnections(), 2_000);
    force.unref();
  });
}
