/**
 * The configuration model: what a directory of *.tf / *.tf.json files declares. Immutable data;
 * expressions are lang Exprs, evaluated later by the engine.
 */
import type { SourceRange } from '../../shared/index.js';
import type { Expr } from '../lang/index.js';
import type { Type } from '../lang/index.js';
import type { Value } from '../lang/index.js';

export interface Attribute {
  readonly name: string;
  readonly expr: Expr;
  readonly range: SourceRange;
}

export interface Block {
  readonly type: string;
  readonly labels: readonly string[];
  readonly body: Body;
  readonly range: SourceRange;
}

export interface Body {
  readonly attributes: ReadonlyMap<string, Attribute>;
  readonly blocks: readonly Block[];
  readonly range: SourceRange;
}

/** A bare traversal such as `random_id.a` or `keepers["x"]`, kept as text plus parsed steps. */
export interface TraversalRef {
  readonly text: string;
  readonly range: SourceRange;
}

export interface RequiredProvider {
  readonly localName: string;
  readonly source: string;
  readonly version?: string;
}

export interface TerraformSettings {
  readonly requiredProviders: ReadonlyMap<string, RequiredProvider>;
  readonly backend?: { readonly type: string; readonly path?: string; readonly range: SourceRange };
  readonly requiredVersion?: string;
}

export interface ProviderConfig {
  readonly name: string;
  readonly alias?: string;
  readonly body: Body;
  readonly range: SourceRange;
}

export interface Condition {
  readonly condition: Expr;
  readonly errorMessage: Expr;
  readonly range: SourceRange;
}

export interface VariableDecl {
  readonly name: string;
  readonly type?: Type;
  readonly default?: Value;
  readonly hasDefault: boolean;
  readonly description?: string;
  readonly sensitive: boolean;
  readonly nullable: boolean;
  readonly validations: readonly Condition[];
  readonly range: SourceRange;
}

export interface Lifecycle {
  readonly createBeforeDestroy: boolean;
  readonly preventDestroy: boolean;
  /** `all`, or attribute paths (`keepers`, `config["a"]`). */
  readonly ignoreChanges: 'all' | readonly TraversalRef[];
  readonly replaceTriggeredBy: readonly Attribute[];
  readonly preconditions: readonly Condition[];
  readonly postconditions: readonly Condition[];
}

export interface ResourceConfig {
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  /** `provider = confluent.west` → { name: 'confluent', alias: 'west' }. */
  readonly provider?: { readonly name: string; readonly alias?: string };
  readonly count?: Attribute;
  readonly forEach?: Attribute;
  readonly dependsOn: readonly TraversalRef[];
  readonly lifecycle: Lifecycle;
  /** The body without meta-arguments (count, for_each, provider, depends_on, lifecycle). */
  readonly body: Body;
  readonly range: SourceRange;
  /**
   * `# streamform: key = "value"` comments inside the block (Terraform ignores comments, so these
   * keep a configuration valid for Terraform and the official providers).
   */
  readonly annotations?: Readonly<Record<string, string>>;
}

export interface OutputDecl {
  readonly name: string;
  readonly value: Attribute;
  readonly sensitive: boolean;
  readonly description?: string;
  readonly dependsOn: readonly TraversalRef[];
  readonly preconditions: readonly Condition[];
  readonly range: SourceRange;
}

export interface ModuleCall {
  readonly name: string;
  readonly source: string;
  readonly count?: Attribute;
  readonly forEach?: Attribute;
  readonly dependsOn: readonly TraversalRef[];
  /** `providers = { confluent = confluent.west }`: child local name → parent provider ref. */
  readonly providers: ReadonlyMap<string, { readonly name: string; readonly alias?: string }>;
  readonly inputs: ReadonlyMap<string, Attribute>;
  readonly range: SourceRange;
  /** The loaded child module. */
  readonly module: ModuleConfig;
}

export interface MovedBlock {
  readonly from: string;
  readonly to: string;
  readonly range: SourceRange;
}

export interface ImportBlock {
  readonly to: string;
  readonly id: Attribute;
  readonly forEach?: Attribute;
  readonly provider?: { readonly name: string; readonly alias?: string };
  readonly range: SourceRange;
}

export interface ModuleConfig {
  /** Absolute directory of the module. */
  readonly dir: string;
  /** Files read, in order (absolute paths). */
  readonly files: readonly string[];
  readonly terraform: TerraformSettings;
  readonly providers: readonly ProviderConfig[];
  readonly variables: ReadonlyMap<string, VariableDecl>;
  readonly locals: ReadonlyMap<string, Attribute>;
  readonly resources: readonly ResourceConfig[];
  readonly outputs: ReadonlyMap<string, OutputDecl>;
  readonly moduleCalls: ReadonlyMap<string, ModuleCall>;
  readonly moved: readonly MovedBlock[];
  readonly imports: readonly ImportBlock[];
}

/** A loaded configuration: the root module plus every file's text for diagnostics. */
export interface LoadedConfig {
  readonly root: ModuleConfig;
  readonly sources: ReadonlyMap<string, string>;
  /** sha256 over every file's path and content: binds saved plans to the config. */
  readonly hash: string;
}
