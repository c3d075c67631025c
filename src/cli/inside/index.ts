/**
 * cli/inside: commands that look inside a cloud — `env list`, `cluster list`, `topic
 * list|describe|create|delete|produce|consume`, `schema list|show|versions|check`, `pool list`,
 * `sa list`, `api-key create|list` — all with --json. They talk HTTP to the local cloud of the
 * directory (or --url / STREAMFORM_CLOUD_URL), resolve --environment/--cluster like the confluent
 * CLI, and read records from the local cloud's SQLite file because Kafka REST has no consume route.
 * Depends on cli/ (terminal, cloud-commands), cloud/ (daemon state, kafka and schema-registry
 * doors), views/ and shared/; nothing depends on it but main.ts.
 */
import type { Command } from 'commander';
import type { Io } from '../terminal.js';
import { registerAccountCommands } from './account-commands.js';
import { registerApiKeyCommands } from './api-key-commands.js';
import type { InsideDeps } from './command-runner.js';
import { registerSchemaCommands } from './schema-commands.js';
import { registerTopicCommands } from './topic-commands.js';

/** Options of registerInsideCommands. */
export interface InsideOptions {
  /** Where `topic produce` reads its lines (default process.stdin). */
  readonly stdin?: AsyncIterable<string | Buffer>;
}

/** Registers env, cluster, topic, schema, pool, sa and api-key on `program`. */
export function registerInsideCommands(program: Command, io: Io, dir: string, set: (code: number) => void, opts: InsideOptions = {}): void {
  const deps: InsideDeps = { io, dir, set, stdin: opts.stdin ?? process.stdin };
  registerAccountCommands(program, deps);
  registerTopicCommands(program, deps);
  registerSchemaCommands(program, deps);
  registerApiKeyCommands(program, deps);
}

// Shared with the `sql` and `shell` commands.
export { CloudClient } from './cloud-client.js';
export { resolveConnection, type ConnectionFlags } from './connection.js';
export { resolveEnvironment, listEnvironments } from './context-resolver.js';
export { InsideError } from './inside-error.js';
export { withConnection } from './command-runner.js';
export type { Connection, EnvironmentRef } from './types.js';
