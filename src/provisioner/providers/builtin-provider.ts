/**
 * Builds a `Provider` from a table of built-in resources and data sources: dispatch by type,
 * schema-driven planning, full-state normalisation and turning failures into diagnostics with the
 * resource address attached (house rule 5).
 */
import { DiagnosticsError, errorDiag, InternalError, systemIds } from '../../shared/index.js';
import type { Diagnostic } from '../../shared/index.js';
import type {
  ApplyRequest, ApplyResponse, ImportResponse, PlanRequest, PlanResponse, Provider, ProviderContext,
  ProviderSchema, ReadResponse, ResourceSchema,
} from '../provider/index.js';
import { isUnknown } from '../lang/index.js';
import type { ObjectValue, Value } from '../lang/index.js';
import { planFromSchema } from './schema-plan.js';
import type { BuiltinProviderOptions, BuiltinProviderSpec, BuiltinResource, BuiltinServices } from './types.js';

/** Creates a provider instance backed by built-in resource implementations. */
export function createBuiltinProvider(spec: BuiltinProviderSpec, options: BuiltinProviderOptions = {}): Provider {
  const svc: BuiltinServices = { ids: options.ids ?? systemIds };
  const dataSources = spec.dataSources ?? {};
  const resourceOf = (type: string): BuiltinResource => {
    const r = spec.resources[type];
    if (r === undefined) throw new InternalError(`${spec.source} has no resource type ${type}`);
    return r;
  };
  const schema: ProviderSchema = {
    provider: { attributes: {} },
    resources: Object.fromEntries(Object.entries(spec.resources).map(([t, r]) => [t, r.schema])),
    dataSources: Object.fromEntries(Object.entries(dataSources).map(([t, d]) => [t, d.schema])),
  };

  return {
    source: spec.source,
    schema: () => schema,
    configure: async () => [],
    // Managed resources only: a data source may share a resource's type name (local_file).
    validateResource(type: string, config: ObjectValue): readonly Diagnostic[] {
      return spec.resources[type]?.validate?.(config) ?? [];
    },
    async planResource(req: PlanRequest): Promise<PlanResponse> {
      return planFromSchema(resourceOf(req.type), req);
    },
    async applyResource(req: ApplyRequest, ctx: ProviderContext): Promise<ApplyResponse> {
      const r = resourceOf(req.type);
      return guard(ctx, 'apply', async () => {
        switch (req.action) {
          case 'create': {
            const planned = required(req.planned, 'create without planned values');
            return { state: complete(r.schema, await r.create(planned, ctx, svc)) };
          }
          case 'update': {
            const prior = required(req.prior, 'update without prior state');
            const planned = required(req.planned, 'update without planned values');
            const next = r.update ? await r.update(prior, planned, ctx, svc) : keepPriorComputed(prior, planned);
            return { state: complete(r.schema, next) };
          }
          case 'delete': {
            const prior = required(req.prior, 'delete without prior state');
            await r.delete?.(prior, ctx);
            return { state: null };
          }
        }
      });
    },
    async readResource(type: string, state: ObjectValue, ctx: ProviderContext): Promise<ReadResponse> {
      const r = resourceOf(type);
      // A failed refresh keeps the prior state: only a successful read may say "gone".
      return guard(ctx, 'read', async () => {
        const next = r.read ? await r.read(state, ctx) : state;
        return { state: next === null ? null : complete(r.schema, next) };
      }, state);
    },
    async readDataSource(type: string, config: ObjectValue, ctx: ProviderContext): Promise<ReadResponse> {
      const d = dataSources[type];
      if (d === undefined) throw new InternalError(`${spec.source} has no data source ${type}`);
      return guard(ctx, 'read', async () => ({ state: complete(d.schema, await d.read(config, ctx, svc)) }));
    },
    async importResource(type: string, id: string, ctx: ProviderContext): Promise<ImportResponse> {
      const r = resourceOf(type);
      const importer = r.import;
      if (importer === undefined) {
        return { state: null, diagnostics: [errorDiag('provider-import-unsupported', `Resource type ${type} does not support import`, { address: ctx.address })] };
      }
      return guard(ctx, 'import', async () => ({ state: complete(r.schema, await importer(id, ctx, svc)) }));
    },
  };
}

/**
 * Runs a provider operation, turning user-facing and outside-world failures into diagnostics
 * (with `onFailure` as the state to report, null unless given). Bugs still throw.
 */
async function guard<T extends { state: ObjectValue | null }>(ctx: ProviderContext, op: string, run: () => Promise<T>, onFailure: ObjectValue | null = null): Promise<T | { state: ObjectValue | null; diagnostics: readonly Diagnostic[] }> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof InternalError) throw e;
    if (e instanceof DiagnosticsError) {
      return { state: onFailure, diagnostics: e.diagnostics.map((d) => (d.address === undefined ? { ...d, address: ctx.address } : d)) };
    }
    const message = e instanceof Error ? e.message : String(e);
    return { state: onFailure, diagnostics: [errorDiag(`provider-${op}-failed`, `${op} failed: ${message}`, { address: ctx.address })] };
  }
}

function required(v: ObjectValue | null, message: string): ObjectValue {
  if (v === null) throw new InternalError(message);
  return v;
}

/** Default in-place update: planned arguments, prior values wherever the plan left UNKNOWN. */
function keepPriorComputed(prior: ObjectValue, planned: ObjectValue): ObjectValue {
  const next: { [k: string]: Value } = {};
  for (const [k, v] of Object.entries(planned)) next[k] = isUnknown(v) ? (prior[k] ?? null) : v;
  return next;
}

/** Every schema attribute present (null when unset) and nothing else; a leftover UNKNOWN is a bug. */
function complete(schema: ResourceSchema, attrs: ObjectValue): ObjectValue {
  const out: { [k: string]: Value } = {};
  for (const name of Object.keys(schema.attributes)) {
    const v = attrs[name] ?? null;
    if (isUnknown(v)) throw new InternalError(`attribute ${name} still unknown after apply`);
    out[name] = v;
  }
  return out;
}
