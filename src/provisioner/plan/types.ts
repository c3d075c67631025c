/**
 * The plan: what apply will do, computed from config, prior state and refresh. Immutable data;
 * rendered by views/ (text, JSON, markdown) and stored in plan files.
 */
import type { Diagnostic, SourceRange } from '../../shared/index.js';
import type { ObjectValue, Value } from '../lang/index.js';

export type ChangeAction = 'create' | 'update' | 'replace' | 'delete' | 'read' | 'no-op' | 'forget';

/** Why a change has the action it has, when that is not obvious (shown under the change). */
export type ActionReason =
  | 'tainted'
  | 'replace-by-request'
  | 'replace-by-triggers'
  | 'cannot-update'
  | 'delete-because-no-resource-config'
  | 'delete-because-count-index'
  | 'delete-because-each-key'
  | 'delete-because-no-module'
  | 'read-because-config-unknown'
  | 'read-because-dependency-pending';

/** An attribute path in Terraform's bracket form: `config["cleanup.policy"]`, `keepers.a`, `tags[0]`. */
export type AttrPath = string;

export interface ResourceChange {
  /** Full instance address: `module.m["a"].random_id.r[0]`. */
  readonly address: string;
  /** Address before a `moved` block, when this change moves the object. */
  readonly previousAddress?: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  /** count index (number) or for_each key (string); absent for single instances. */
  readonly index?: number | string;
  /** Module path: `module.a.module.b`, or '' for the root module. */
  readonly module: string;
  /** Provider configuration address: `provider["registry.terraform.io/hashicorp/random"]`, with `.alias`. */
  readonly provider: string;
  readonly action: ChangeAction;
  /** For replace: the default destroy-then-create, or create_before_destroy. */
  readonly replaceOrder?: 'delete-before-create' | 'create-before-destroy';
  readonly reason?: ActionReason;
  readonly before: ObjectValue | null;
  /** May contain UNKNOWN for values known only after apply. */
  readonly after: ObjectValue | null;
  /** Attribute paths that are sensitive before / after (masked in rendering). */
  readonly beforeSensitive: readonly AttrPath[];
  readonly afterSensitive: readonly AttrPath[];
  /** The attributes that force replacement, and why. */
  readonly replacePaths: readonly { readonly path: AttrPath; readonly reason?: string }[];
  /** Set when the change destroys a deposed object (left by an interrupted create_before_destroy). */
  readonly deposed?: string;
  /** Import of an existing object into this address (import blocks). */
  readonly importing?: { readonly id: string };
  /** Config to write for a generated import (plan -generate-config-out). */
  readonly generatedConfig?: string;
  readonly notes?: readonly string[];
  /** For replace: how the provider carries the old object's work over (e.g. a statement's offsets). */
  readonly replaceStrategy?: { readonly name: string; readonly detail: string };
  /** Where the resource is declared. */
  readonly range?: SourceRange;
}

export interface OutputChange {
  readonly name: string;
  readonly action: 'create' | 'update' | 'delete' | 'no-op';
  readonly before: Value | null;
  readonly after: Value | null;
  readonly sensitive: boolean;
}

export interface PlanSummary {
  readonly add: number;
  readonly change: number;
  readonly destroy: number;
  readonly import: number;
  readonly move: number;
  readonly forget: number;
}

export type PlanMode = 'normal' | 'destroy' | 'refresh-only';

export interface Plan {
  readonly mode: PlanMode;
  /** Lineage and serial of the state the plan was made against; apply refuses a stale plan. */
  readonly lineage: string;
  readonly serial: number;
  /** Every planned resource instance change, sorted by address. */
  readonly changes: readonly ResourceChange[];
  /** Differences found by refresh ("changed outside streamform"), sorted by address. */
  readonly drift: readonly ResourceChange[];
  readonly outputs: readonly OutputChange[];
  readonly summary: PlanSummary;
  readonly diagnostics: readonly Diagnostic[];
  /** False when the plan has errors or (refresh-only) nothing to apply. */
  readonly applyable: boolean;
  /** Variables the plan was made with (sensitive ones masked when rendered). */
  readonly variables: { readonly [name: string]: { readonly value: Value; readonly sensitive: boolean } };
  readonly targets: readonly string[];
  readonly timestamp: string;
}
