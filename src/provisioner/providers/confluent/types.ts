/**
 * Types of the `confluent` provider: its resolved settings, the services a resource receives, and
 * the small contract each resource and data source file implements.
 */
import type { Diagnostic, IdSource } from '../../../shared/index.js';
import type { PlanRequest, ProviderContext, ReplaceStrategy, ResourceSchema } from '../../provider/index.js';
import type { ObjectValue, Value } from '../../lang/index.js';
import type { HttpClient } from './http-client.js';

/** An API key and secret, sent as HTTP Basic auth. */
export interface Credentials {
  readonly key: string;
  readonly secret: string;
}

/** A base URL plus the credentials to use with it (absent: send no Authorization header). */
export interface Target {
  readonly baseUrl: string;
  readonly credentials?: Credentials;
}

/** Provider-level Kafka settings ("single-cluster mode"). */
export interface KafkaSettings {
  readonly id?: string;
  readonly restEndpoint: string;
  readonly credentials: Credentials;
}

/** Provider-level Schema Registry settings. */
export interface SchemaRegistrySettings {
  readonly id: string;
  readonly restEndpoint: string;
  readonly credentials: Credentials;
}

/** Provider-level Flink settings ("single-pool mode"). */
export interface FlinkSettings {
  readonly organizationId: string;
  readonly environmentId: string;
  readonly computePoolId: string;
  readonly principalId: string;
  readonly restEndpoint: string;
  readonly credentials: Credentials;
}

/** The provider block after env vars and defaults are applied. */
export interface ConfluentSettings {
  /** Control-plane base URL, no trailing slash. */
  readonly endpoint: string;
  readonly cloudCredentials?: Credentials;
  readonly kafka?: KafkaSettings;
  readonly schemaRegistry?: SchemaRegistrySettings;
  readonly flink?: FlinkSettings;
  readonly maxRetries: number;
  readonly userAgent: string;
  /** True when an `oauth` block is configured (tokens are not fetched; see REQUESTS.md). */
  readonly oauth: boolean;
}

/** Environment variable lookup, injected so tests never touch process.env. */
export type EnvLookup = (name: string) => string | undefined;

/** Everything a resource operation may use. */
export interface ResourceContext {
  readonly settings: ConfluentSettings;
  readonly http: HttpClient;
  readonly ctx: ProviderContext;
  readonly env: EnvLookup;
  readonly ids: IdSource;
}

/** Mutable working copy of attributes, used while planning. */
export type Draft = { [key: string]: Value };

/** What a resource adds to the schema-driven plan. */
export interface PlanAdjustment {
  readonly diagnostics?: readonly Diagnostic[];
  readonly requiresReplace?: readonly { readonly path: string; readonly reason?: string }[];
  readonly notes?: readonly string[];
  /** How the replacement is carried out (shown in the plan, passed back at apply). */
  readonly replaceStrategy?: ReplaceStrategy;
}

/** A create that replaces an object with a planned replace strategy. */
export interface ReplacingInfo {
  readonly strategy: string;
  readonly prior: ObjectValue;
}

/** One managed resource type. */
export interface ConfluentResource {
  readonly schema: ResourceSchema;
  /** Cross-attribute checks beyond the schema; unknown values are skipped. */
  validate?(config: ObjectValue): readonly Diagnostic[];
  /**
   * Adjusts the schema-driven plan (draft is mutable). `replacing` says whether the generic rules
   * already decided on a replacement.
   */
  plan?(draft: Draft, req: PlanRequest, rc: ResourceContext, replacing: boolean): Promise<PlanAdjustment | void> | PlanAdjustment | void;
  /** `replacing`: the replace strategy planned for this replacement, and the object it replaces. */
  create(planned: ObjectValue, rc: ResourceContext, replacing?: ReplacingInfo): Promise<ObjectValue>;
  /** Refresh; null when the object is gone. */
  read(state: ObjectValue, rc: ResourceContext): Promise<ObjectValue | null>;
  update?(prior: ObjectValue, planned: ObjectValue, rc: ResourceContext): Promise<ObjectValue>;
  /**
   * `replaceStrategy`: set when the delete is the first half of a replacement with a planned
   * strategy. Returns the object's state when it was kept (only stopped) for the replacement.
   */
  delete?(prior: ObjectValue, rc: ResourceContext, replaceStrategy?: string): Promise<ObjectValue | void>;
  import?(id: string, rc: ResourceContext): Promise<ObjectValue | null>;
}

/** One data source type. */
export interface ConfluentDataSource {
  readonly schema: ResourceSchema;
  validate?(config: ObjectValue): readonly Diagnostic[];
  read(config: ObjectValue, rc: ResourceContext): Promise<ObjectValue>;
}
