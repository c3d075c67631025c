/**
 * The small contract each built-in resource and data source implements. `builtin-provider.ts`
 * turns a table of these into a full `Provider`, so each resource file holds only its own idea.
 */
import type { Diagnostic, IdSource } from '../../shared/index.js';
import type { PlanRequest, ProviderContext, ResourceSchema } from '../provider/index.js';
import type { ObjectValue } from '../lang/index.js';

/** Mutable working copy of attributes, used while planning. */
export type AttributeDraft = { [key: string]: ObjectValue[string] };

/** Services a built-in provider hands to its resources: injected randomness (house rule 9). */
export interface BuiltinServices {
  readonly ids: IdSource;
}

/** One managed resource type of a built-in provider. */
export interface BuiltinResource {
  readonly schema: ResourceSchema;
  /** Cross-attribute checks beyond the schema; unknown values must be skipped. */
  validate?(config: ObjectValue): readonly Diagnostic[];
  /**
   * Adjusts the schema-driven plan before replacement is decided (e.g. keeping two deprecated
   * aliases equal). Receives the draft and may change it in place.
   */
  adjustPlan?(draft: AttributeDraft, req: PlanRequest): readonly Diagnostic[] | void;
  /** Creates the object; returns the full new state (every attribute known, including `id`). */
  create(planned: ObjectValue, ctx: ProviderContext, svc: BuiltinServices): Promise<ObjectValue>;
  /** In-place update; without it, planned values are stored with prior computed values kept. */
  update?(prior: ObjectValue, planned: ObjectValue, ctx: ProviderContext, svc: BuiltinServices): Promise<ObjectValue>;
  /** Deletes the object; without it, delete only forgets the state. */
  delete?(prior: ObjectValue, ctx: ProviderContext): Promise<void>;
  /** Refresh; null when the object is gone. Without it the state is returned unchanged. */
  read?(state: ObjectValue, ctx: ProviderContext): Promise<ObjectValue | null>;
  /** Import by id; without it the type cannot be imported. */
  import?(id: string, ctx: ProviderContext, svc: BuiltinServices): Promise<ObjectValue>;
}

/** One data source type of a built-in provider. */
export interface BuiltinDataSource {
  readonly schema: ResourceSchema;
  read(config: ObjectValue, ctx: ProviderContext, svc: BuiltinServices): Promise<ObjectValue>;
}

/** Everything needed to build a built-in provider. */
export interface BuiltinProviderSpec {
  /** Registry source, e.g. `hashicorp/random`. */
  readonly source: string;
  readonly resources: { readonly [type: string]: BuiltinResource };
  readonly dataSources?: { readonly [type: string]: BuiltinDataSource };
}

/** Options every built-in provider factory accepts. */
export interface BuiltinProviderOptions {
  /** Randomness for ids and generated values; defaults to node:crypto. */
  readonly ids?: IdSource;
}
