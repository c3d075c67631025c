/**
 * The `confluentinc/confluent` provider: dispatch by type to the resource and data source
 * tables, the schema-driven plan plus each resource's own rules, full-state normalisation, and
 * failures turned into diagnostics carrying the resource address (house rule 5).
 */
import { DiagnosticsError, InternalError, errorDiag, systemIds } from '../../../shared/index.js';
import type { Diagnostic, IdSource } from '../../../shared/index.js';
import type {
  ReplaceStrategy,
  ApplyRequest, ApplyResponse, BlockSchema, ImportResponse, PlanRequest, PlanResponse, Provider, ProviderContext,
  ProviderSchema, ReadResponse,
} from '../../provider/index.js';
import { isObjectValue, isUnknown, valuesEqual } from '../../lang/index.js';
import type { ObjectValue, Value } from '../../lang/index.js';
import { HttpClient } from './http-client.js';
import { providerBlockSchema, resolveSettings } from './provider-settings.js';
import { PartialApplyError } from './partial-apply-error.js';
import { planFromSchema } from './resource-plan.js';
import { dataSourceTable, resourceTable } from './resource-registry.js';
import type { ConfluentResource, ConfluentSettings, EnvLookup, ResourceContext } from './types.js';

/** The registry source name of this provider. */
export const CONFLUENT_SOURCE = 'confluentinc/confluent';

/** Options for tests and embedding: env lookup and id source are injected. */
export interface ConfluentProviderOptions {
  readonly env?: EnvLookup;
  readonly ids?: IdSource;
}

/** One configured instance of the provider (one per provider block / alias). */
export class ConfluentProvider implements Provider {
  readonly source = CONFLUENT_SOURCE;
  readonly #env: EnvLookup;
  readonly #ids: IdSource;
  #settings: ConfluentSettings | undefined;
  #http: HttpClient | undefined;

  constructor(options: ConfluentProviderOptions = {}) {
    this.#env = options.env ?? ((name) => process.env[name]);
    this.#ids = options.ids ?? systemIds;
  }

  schema(): ProviderSchema {
    return providerSchema;
  }

  async configure(config: ObjectValue): Promise<readonly Diagnostic[]> {
    const { settings, diagnostics } = resolveSettings(config, this.#env);
    if (settings !== undefined) {
      this.#settings = settings;
      this.#http = new HttpClient({ maxRetries: settings.maxRetries, userAgent: settings.userAgent });
    }
    return diagnostics;
  }

  /** Resource validation only: data sources share type names, so they validate when read. */
  validateResource(type: string, config: ObjectValue): readonly Diagnostic[] {
    return resourceTable[type]?.validate?.(config) ?? [];
  }

  async planResource(req: PlanRequest, ctx: ProviderContext): Promise<PlanResponse> {
    const r = resourceOf(req.type);
    const base = planFromSchema(r.schema, req.config, req.prior, ctx.address);
    const diagnostics: Diagnostic[] = [...base.diagnostics, ...oauthCredentialsCheck(req, base.draft, this.#settings)];
    const requiresReplace = [...base.requiresReplace];
    const notes: string[] = [];
    let strategy: ReplaceStrategy | undefined;
    if (r.plan !== undefined) {
      try {
        const adj = await r.plan(base.draft, req, this.#rc(ctx), requiresReplace.length > 0);
        if (adj) {
          diagnostics.push(...(adj.diagnostics ?? []));
          for (const rr of adj.requiresReplace ?? []) if (!requiresReplace.some((x) => x.path === rr.path)) requiresReplace.push(rr);
          notes.push(...(adj.notes ?? []));
          if (adj.replaceStrategy !== undefined) strategy = adj.replaceStrategy;
        }
      } catch (e) {
        diagnostics.push(...toDiagnostics(e, ctx, 'plan'));
      }
    }
    const out: { planned: ObjectValue; requiresReplace?: typeof requiresReplace; diagnostics?: Diagnostic[]; notes?: string[]; replaceStrategy?: ReplaceStrategy } = { planned: base.draft };
    if (requiresReplace.length > 0) out.requiresReplace = requiresReplace;
    if (diagnostics.length > 0) out.diagnostics = diagnostics.map((d) => (d.address === undefined ? { ...d, address: ctx.address } : d));
    if (notes.length > 0) out.notes = notes;
    if (strategy !== undefined) out.replaceStrategy = strategy;
    return out;
  }

  async applyResource(req: ApplyRequest, ctx: ProviderContext): Promise<ApplyResponse> {
    const r = resourceOf(req.type);
    return guard(ctx, 'apply', async () => {
      const rc = this.#rc(ctx);
      try {
      switch (req.action) {
        case 'create':
          return { state: complete(r.schema, await r.create(need(req.planned, 'create'), rc, req.replaceStrategy !== undefined && req.replaces !== undefined ? { strategy: req.replaceStrategy, prior: req.replaces } : undefined)) };
        case 'update': {
          const prior = need(req.prior, 'update'), planned = need(req.planned, 'update');
          const next = r.update !== undefined ? await r.update(prior, planned, rc) : keepPriorComputed(prior, planned);
          return { state: complete(r.schema, next) };
        }
        case 'delete': {
          const kept = await r.delete?.(need(req.prior, 'delete'), rc, req.replaceStrategy);
          return { state: kept ? complete(r.schema, kept) : null };
        }
      }
      } catch (e) {
        if (e instanceof PartialApplyError && req.action === 'create') {
          return { state: complete(r.schema, e.state), diagnostics: toDiagnostics(e, ctx, 'apply') };
        }
        throw e;
      }
    });
  }

  async readResource(type: string, state: ObjectValue, ctx: ProviderContext): Promise<ReadResponse> {
    const r = resourceOf(type);
    return guard(ctx, 'read', async () => {
      const next = await r.read(state, this.#rc(ctx));
      return { state: next === null ? null : complete(r.schema, next) };
    });
  }

  async readDataSource(type: string, config: ObjectValue, ctx: ProviderContext): Promise<ReadResponse> {
    const d = dataSourceTable[type];
    if (d === undefined) throw new InternalError(`confluent has no data source ${type}`);
    const invalid = d.validate?.(config) ?? [];
    if (invalid.some((x) => x.severity === 'error')) return { state: null, diagnostics: invalid.map((x) => ({ ...x, address: ctx.address })) };
    return guard(ctx, 'read', async () => ({ state: complete(d.schema, await d.read(config, this.#rc(ctx))) }));
  }

  async importResource(type: string, id: string, ctx: ProviderContext): Promise<ImportResponse> {
    const r = resourceOf(type);
    const importer = r.import;
    if (importer === undefined) {
      return { state: null, diagnostics: [errorDiag('provider-import-unsupported', `Resource type ${type} does not support import`, { address: ctx.address })] };
    }
    return guard(ctx, 'import', async () => {
      const st = await importer.call(r, id, this.#rc(ctx));
      if (st === null) {
        throw new DiagnosticsError([errorDiag('confluent-import-not-found', `Cannot import ${type} "${id}": it does not exist`, { detail: r.schema.importId !== undefined ? `Import id format: ${r.schema.importId}` : undefined })]);
      }
      return { state: complete(r.schema, st) };
    });
  }

  #rc(ctx: ProviderContext): ResourceContext {
    if (this.#settings === undefined || this.#http === undefined) {
      throw new InternalError('confluent provider used before a successful configure');
    }
    return { settings: this.#settings, http: this.#http, ctx, env: this.#env, ids: this.#ids };
  }
}

const providerSchema: ProviderSchema = {
  provider: providerBlockSchema,
  resources: Object.fromEntries(Object.entries(resourceTable).map(([t, r]) => [t, r.schema])),
  dataSources: Object.fromEntries(Object.entries(dataSourceTable).map(([t, d]) => [t, d.schema])),
};

/** Data-plane types whose `credentials` block is rejected at plan when the provider uses OAuth. */
const OAUTH_NO_CREDENTIALS = new Set([
  'confluent_kafka_topic', 'confluent_kafka_acl', 'confluent_flink_statement', 'confluent_subject_config',
  'confluent_subject_mode', 'confluent_schema_registry_cluster_config',
]);

/** With OAuth, adding or changing a credentials block is an error; removing one is allowed (migration). */
function oauthCredentialsCheck(req: PlanRequest, draft: ObjectValue, settings: ConfluentSettings | undefined): Diagnostic[] {
  if (settings?.oauth !== true || !OAUTH_NO_CREDENTIALS.has(req.type)) return [];
  const c = draft.credentials;
  if (c === null || c === undefined || isUnknown(c)) return [];
  if (req.prior !== null && valuesEqual(req.prior.credentials ?? null, c)) return [];
  return [errorDiag('confluent-oauth-credentials', 'A credentials block cannot be used when the provider uses OAuth', { detail: 'Remove the credentials block; the OAuth token authenticates data-plane requests.' })];
}

function resourceOf(type: string): ConfluentResource {
  const r = resourceTable[type];
  if (r === undefined) throw new InternalError(`confluent has no resource type ${type}`);
  return r;
}

function need(v: ObjectValue | null, op: string): ObjectValue {
  if (v === null) throw new InternalError(`${op} without the values it needs`);
  return v;
}

function toDiagnostics(e: unknown, ctx: ProviderContext, op: string): readonly Diagnostic[] {
  if (e instanceof InternalError) throw e;
  if (e instanceof DiagnosticsError) return e.diagnostics.map((d) => (d.address === undefined ? { ...d, address: ctx.address } : d));
  const message = e instanceof Error ? e.message : String(e);
  return [errorDiag(`confluent-${op}-failed`, `${op} failed: ${message}`, { address: ctx.address })];
}

async function guard<T extends { state: ObjectValue | null }>(ctx: ProviderContext, op: string, run: () => Promise<T>): Promise<T | { state: ObjectValue | null; diagnostics: readonly Diagnostic[] }> {
  try {
    return await run();
  } catch (e) {
    return { state: null, diagnostics: toDiagnostics(e, ctx, op) };
  }
}

/** Default in-place update: planned values, prior values wherever the plan left UNKNOWN. */
function keepPriorComputed(prior: ObjectValue, planned: ObjectValue): ObjectValue {
  const next: { [k: string]: Value } = {};
  for (const [k, v] of Object.entries(planned)) next[k] = isUnknown(v) ? (prior[k] ?? null) : v;
  return next;
}

/** Every schema attribute and block present (null/[] when unset) and nothing else. */
export function complete(schema: BlockSchema, attrs: ObjectValue): ObjectValue {
  const out: { [k: string]: Value } = {};
  for (const name of Object.keys(schema.attributes)) {
    const v = attrs[name] ?? null;
    if (isUnknown(v)) throw new InternalError(`attribute ${name} still unknown after apply`);
    out[name] = v;
  }
  for (const [name, nested] of Object.entries(schema.blocks ?? {})) {
    const v = attrs[name] ?? null;
    if (isUnknown(v)) throw new InternalError(`block ${name} still unknown after apply`);
    if (nested.nesting === 'single') {
      const one = Array.isArray(v) ? v[0] ?? null : v;
      out[name] = isObjectValue(one) ? complete(nested.block, one) : null;
    } else {
      out[name] = Array.isArray(v) ? v.map((x) => (isObjectValue(x) ? complete(nested.block, x) : x)) : [];
    }
  }
  return out;
}
