/**
 * The one small interface between the engine and every provider (built-in or `confluent`).
 * Providers declare schemas (with per-attribute change behaviour) and implement read, plan and
 * apply. The engine has no special case for any provider: everything it needs is here.
 */
import type { Diagnostic } from '../../shared/index.js';
import type { Type } from '../lang/index.js';
import type { ObjectValue, Value } from '../lang/index.js';

/** What changing an attribute's value means. */
export type ChangeBehaviour =
  | { readonly kind: 'update' }
  | { readonly kind: 'replace' }
  /** Replace only when the new value is "smaller" per `replaceIf` (e.g. partition count decrease). */
  | { readonly kind: 'replace-if'; readonly when: (prior: Value, planned: Value) => boolean; readonly reason: string }
  | { readonly kind: 'reject'; readonly reason: string }
  /** Written to state only; no API call. */
  | { readonly kind: 'state-only' };

export interface AttributeSchema {
  readonly type: Type;
  readonly required?: boolean;
  readonly optional?: boolean;
  /** Set by the provider; with `optional`, "Opt+Comp": the server's value is kept when unset. */
  readonly computed?: boolean;
  /** Default applied when the attribute is unset in config. */
  readonly default?: Value;
  readonly sensitive?: boolean;
  readonly description?: string;
  /** Change behaviour; defaults to update (computed-only attributes never change by config). */
  readonly onChange?: ChangeBehaviour;
  /** Returns an error message when the value is invalid (checked at validate/plan when known). */
  readonly validate?: (v: Value) => string | undefined;
  /** Allowed values, reported in "expected one of" messages. */
  readonly oneOf?: readonly string[];
  readonly deprecated?: string;
}

export interface NestedBlockSchema {
  /** single: at most one block, stored as an object (or null); list/set: arrays of objects. */
  readonly nesting: 'single' | 'list' | 'set';
  readonly block: BlockSchema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly required?: boolean;
  readonly onChange?: ChangeBehaviour;
  /** Block is also filled by the provider when absent from config. */
  readonly computed?: boolean;
  readonly sensitive?: boolean;
}

export interface BlockSchema {
  readonly attributes: { readonly [name: string]: AttributeSchema };
  readonly blocks?: { readonly [name: string]: NestedBlockSchema };
  readonly description?: string;
}

export interface ResourceSchema extends BlockSchema {
  /** Bumped when the stored attribute layout changes; see Provider.upgradeState. */
  readonly version?: number;
  /** The import id format, shown in errors: e.g. `env-xxxxx/lkc-xxxxx`. */
  readonly importId?: string;
}

export interface ProviderSchema {
  readonly provider: BlockSchema;
  readonly resources: { readonly [type: string]: ResourceSchema };
  readonly dataSources: { readonly [type: string]: ResourceSchema };
}

/** Progress and logs from inside a provider call; the engine forwards them to its hooks. */
export interface ProviderContext {
  /** Resource address the call is for, for messages. */
  readonly address: string;
  /** Aborted when the user interrupts (Ctrl-C); long waits must honour it. */
  readonly signal: AbortSignal;
  /** Informational progress ("Still creating... waiting for PROVISIONED"). */
  progress(message: string): void;
  /** Wall-clock and ids, injected. */
  readonly now: () => number;
}

export interface PlanRequest {
  readonly type: string;
  /** Prior state attributes, or null when creating. */
  readonly prior: ObjectValue | null;
  /** Config after schema defaults, with UNKNOWN where not yet known. */
  readonly config: ObjectValue;
  /** The engine's proposal: config merged with prior computed values, UNKNOWN for new computed ones. */
  readonly proposed: ObjectValue;
  /** Private provider data stored with the prior state. */
  readonly priorPrivate?: ObjectValue;
  /** The resource block's `# streamform: key = "value"` comment annotations. */
  readonly annotations?: Readonly<Record<string, string>>;
}

/** How a replacement carries the old object's work over (e.g. a Flink statement's offsets). */
export interface ReplaceStrategy {
  /** A short name shown in the plan and passed back at apply: `carry-over`, `cut-over`, … */
  readonly name: string;
  /** One sentence on what apply will do. */
  readonly detail: string;
}

export interface PlanResponse {
  readonly planned: ObjectValue;
  /** Attribute paths (dot/bracket notation) whose change forces replacement, with the reason. */
  readonly requiresReplace?: readonly { readonly path: string; readonly reason?: string }[];
  readonly diagnostics?: readonly Diagnostic[];
  /** Extra notes shown under the change in the plan (e.g. schema compatibility checked). */
  readonly notes?: readonly string[];
  /** When the change is a replacement: how the provider carries it out (shown in the plan). */
  readonly replaceStrategy?: ReplaceStrategy;
}

export type ApplyAction = 'create' | 'update' | 'delete';

export interface ApplyRequest {
  readonly type: string;
  readonly action: ApplyAction;
  readonly prior: ObjectValue | null;
  /** Planned new state (null for delete), wholly known except for computed attributes. */
  readonly planned: ObjectValue | null;
  readonly config: ObjectValue | null;
  readonly priorPrivate?: ObjectValue;
  /**
   * Replacements with a planned replace strategy: the strategy name, on the delete of the old
   * object and on the create of the new one; the create also gets the old object's state.
   */
  readonly replaceStrategy?: string;
  readonly replaces?: ObjectValue;
}

export interface ApplyResponse {
  /**
   * New state; null after a successful delete. A delete that is the first half of a replacement
   * with a strategy may return the object's state instead: it still exists (e.g. stopped) until the
   * replacement is created, and stays in state until then.
   */
  readonly state: ObjectValue | null;
  readonly private?: ObjectValue;
  readonly diagnostics?: readonly Diagnostic[];
}

export interface ReadResponse {
  /** Current state, or null when the object no longer exists. */
  readonly state: ObjectValue | null;
  readonly private?: ObjectValue;
  readonly diagnostics?: readonly Diagnostic[];
}

export interface ImportResponse {
  readonly state: ObjectValue | null;
  readonly private?: ObjectValue;
  readonly diagnostics?: readonly Diagnostic[];
}

export interface Provider {
  /** Registry-style name: `hashicorp/random`, `confluentinc/confluent`, `terraform.io/builtin/terraform`. */
  readonly source: string;
  schema(): ProviderSchema;
  /** Receives the evaluated provider block (aliases get their own instance). */
  configure(config: ObjectValue, ctx: ProviderContext): Promise<readonly Diagnostic[]>;
  /** Extra cross-attribute validation beyond the schema (exactly-one-of, ...). */
  validateResource?(type: string, config: ObjectValue): readonly Diagnostic[];
  /** Optional custom planning; without it the engine's schema-driven default plan is used. */
  planResource?(req: PlanRequest, ctx: ProviderContext): Promise<PlanResponse>;
  applyResource(req: ApplyRequest, ctx: ProviderContext): Promise<ApplyResponse>;
  readResource(type: string, state: ObjectValue, ctx: ProviderContext, priv?: ObjectValue): Promise<ReadResponse>;
  readDataSource(type: string, config: ObjectValue, ctx: ProviderContext): Promise<ReadResponse>;
  importResource?(type: string, id: string, ctx: ProviderContext): Promise<ImportResponse>;
  /** Upgrades stored attributes written by an older schema version. */
  upgradeState?(type: string, version: number, attrs: ObjectValue): ObjectValue;
  /** Releases connections, timers. */
  close?(): Promise<void>;
}

/** Creates a fresh provider instance (one per configured provider block / alias). */
export type ProviderFactory = () => Provider;
