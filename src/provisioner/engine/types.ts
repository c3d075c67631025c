/**
 * The engine's boundary: options for plan and apply, the hooks it reports progress through
 * (house rule 15: the core is quiet, the CLI renders), how it finds providers, and the state it
 * reads and writes.
 */
import type { Clock, Diagnostic } from '../../shared/index.js';
import type { LoadedConfig } from '../config/index.js';
import type { Value, ObjectValue } from '../lang/index.js';
import type { ChangeAction, PlanMode } from '../plan/index.js';
import type { ProviderFactory } from '../provider/index.js';
import type { OutputState, ResourceInstanceState, StateSnapshot } from '../state/index.js';

/** How the engine finds providers: the CLI passes the built-in registry (and `confluent`). */
export interface ProviderResolver {
  /** Factory for a provider source such as `hashicorp/random`; undefined when not available. */
  factory(source: string): ProviderFactory | undefined;
  /** Source assumed for a local name without a required_providers entry (`random` → `hashicorp/random`). */
  defaultSource(localName: string): string;
  /** Extra provider configuration injected by the environment (e.g. the local cloud's URL). */
  defaults?(source: string): ObjectValue | undefined;
}

export interface VariableInput {
  readonly value: string | Value;
  /** Where it came from, for messages: `-var`, `terraform.tfvars`, `TF_VAR_x`, `-var-file=x`. */
  readonly source: string;
  /** True when `value` is raw text (from -var / TF_VAR_) to be parsed as an HCL expression when the type is not string. */
  readonly raw: boolean;
}

export interface PlanOptions {
  readonly mode: PlanMode;
  readonly refresh: boolean;
  /** Addresses from -target. */
  readonly targets: readonly string[];
  /** Addresses from -replace. */
  readonly replace: readonly string[];
  readonly variables: ReadonlyMap<string, VariableInput>;
  readonly parallelism: number;
  /** Generate configuration for import blocks whose target has no resource block. */
  readonly generateConfigOut?: string;
}

/** Progress reports from inside the engine, rendered by views/. */
export interface EngineHooks {
  refreshStart?(address: string): void;
  refreshDone?(address: string, id?: string): void;
  applyStart?(address: string, action: ChangeAction | 'delete-deposed', id?: string): void;
  applyProgress?(address: string, message: string, elapsedMs: number): void;
  applyDone?(address: string, action: ChangeAction | 'delete-deposed', elapsedMs: number, id?: string): void;
  applyFailed?(address: string, diagnostics: readonly Diagnostic[]): void;
  diagnostic?(d: Diagnostic): void;
}

/** The state the engine writes during apply: one call per resource operation. */
export interface StateWriter {
  putResource(r: ResourceInstanceState): void;
  removeResource(address: string, deposed?: string): void;
  setOutputs(outputs: { readonly [name: string]: OutputState }): void;
}

export interface EngineEnv {
  readonly config: LoadedConfig;
  readonly state: StateSnapshot;
  readonly providers: ProviderResolver;
  readonly hooks: EngineHooks;
  readonly clock: Clock;
  readonly uuid: () => string;
  /** Aborted on Ctrl-C: running operations finish or are interrupted; nothing new starts. */
  readonly signal: AbortSignal;
  /** The working directory (`path.cwd`). */
  readonly cwd: string;
}
