/**
 * The steps plan, apply, destroy and refresh share: load the configuration and variables, open
 * and lock the state, and compute a plan with progress hooks.
 */
import type { Diagnostic } from '../shared/index.js';
import { errorDiag, hasErrors } from '../shared/index.js';
import type { LoadedConfig } from '../provisioner/config/index.js';
import type { EngineHooks, EnginePlan, PlanOptions, ProviderResolver, VariableInput } from '../provisioner/engine/index.js';
import { makePlan } from '../provisioner/engine/index.js';
import type { LockInfo, StateSnapshot, StateStore } from '../provisioner/state/index.js';
import { defaultLockWho, StateError } from '../provisioner/state/index.js';
import { parseDuration } from './flags.js';
import type { Io } from './terminal.js';
import { collectVariables } from './variables.js';
import { emptySnapshot, engineEnv, loadWorkspaceConfig, openState, statePathFor } from './workspace.js';

export interface CommonOptions {
  readonly color: boolean;
  readonly json: boolean;
  readonly lock: boolean;
  readonly lockTimeout: string;
  readonly parallelism: number;
  readonly input: boolean;
  readonly varArgs: readonly ({ kind: 'var'; text: string } | { kind: 'file'; path: string })[];
}

export interface Prepared {
  readonly config: LoadedConfig;
  readonly store?: StateStore;
  readonly snapshot: StateSnapshot;
  readonly variables: Map<string, VariableInput>;
  readonly lock?: LockInfo;
  readonly diagnostics: Diagnostic[];
}

/** Loads config, variables and state; takes the lock when `lockFor` names an operation. */
export async function prepare(io: Io, dir: string, opts: CommonOptions, lockFor: string | undefined, create: boolean): Promise<Prepared | { failed: Diagnostic[]; config?: LoadedConfig }> {
  const loaded = await loadWorkspaceConfig(dir);
  const diagnostics = [...loaded.diagnostics];
  if (!loaded.config || hasErrors(diagnostics)) return loaded.config ? { failed: diagnostics, config: loaded.config } : { failed: diagnostics };
  const config = loaded.config;
  const vars = await collectVariables(dir, config.root, { ordered: opts.varArgs }, io, { input: opts.input });
  diagnostics.push(...vars.diagnostics);
  if (hasErrors(diagnostics)) return { failed: diagnostics, config };
  const path = statePathFor(dir, config);
  const opened = openState(path, create);
  if (!opened.store && create) return { failed: [...diagnostics, ...opened.diagnostics], config };
  let lock: LockInfo | undefined;
  if (opened.store && lockFor && opts.lock) {
    const timeoutMs = parseDuration(opts.lockTimeout) ?? 0;
    try {
      lock = await opened.store.acquireLock({ operation: lockFor, who: defaultLockWho() }, { timeoutMs });
    } catch (e) {
      opened.store.close();
      if (e instanceof StateError) return { failed: [...diagnostics, e.diagnostic], config };
      throw e;
    }
  }
  const snapshot = opened.store ? opened.store.snapshot() : emptySnapshot();
  return { config, ...(opened.store ? { store: opened.store } : {}), snapshot, variables: vars.variables, ...(lock ? { lock } : {}), diagnostics };
}

export function release(p: Prepared, io: Io): void {
  if (p.store && p.lock) {
    const d = p.store.releaseLock(p.lock.id);
    for (const x of d) io.err(`Warning: ${x.summary}\n`);
  }
  p.store?.close();
}

export async function computePlan(p: Prepared, resolver: ProviderResolver, hooks: EngineHooks, signal: AbortSignal, dir: string, opts: Omit<PlanOptions, 'variables'>): Promise<EnginePlan> {
  const env = engineEnv(p.config, p.snapshot, resolver, hooks, signal, dir);
  return makePlan(env, { ...opts, variables: p.variables });
}

export function lockTimeoutInvalid(text: string): Diagnostic | undefined {
  return parseDuration(text) === undefined ? errorDiag('flag-invalid', 'Invalid -lock-timeout', { detail: `"${text}" is not a duration; use forms like 0s, 30s, 5m.` }) : undefined;
}
