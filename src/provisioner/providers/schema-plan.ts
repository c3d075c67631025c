/**
 * The schema-driven plan used by every built-in resource: config for arguments, prior values for
 * computed attributes (UNKNOWN when creating), and replacement when a `replace` attribute changes.
 * It mirrors the engine's default plan so that built-in resources can add small adjustments and
 * still answer `requiresReplace` themselves.
 */
import type { Diagnostic } from '../../shared/index.js';
import type { PlanRequest, PlanResponse, ResourceSchema } from '../provider/index.js';
import { UNKNOWN, valuesEqual } from '../lang/index.js';
import type { AttributeDraft, BuiltinResource } from './types.js';

/** Plans one resource change from its schema plus the resource's own adjustment. */
export function planFromSchema(resource: BuiltinResource, req: PlanRequest): PlanResponse {
  const schema = resource.schema;
  const draft = proposeFromSchema(schema, req, req.prior !== null);
  const diagnostics: Diagnostic[] = [...(resource.adjustPlan?.(draft, req) ?? [])];
  const requiresReplace: { path: string; reason?: string }[] = [];
  if (req.prior !== null) {
    for (const [name, attr] of Object.entries(schema.attributes)) {
      const kind = attr.onChange?.kind;
      if (kind === 'replace' && !valuesEqual(req.prior[name] ?? null, draft[name] ?? null)) {
        requiresReplace.push({ path: name });
      }
      if (kind === 'replace-if' && attr.onChange?.kind === 'replace-if') {
        const prior = req.prior[name] ?? null, planned = draft[name] ?? null;
        if (!valuesEqual(prior, planned) && attr.onChange.when(prior, planned)) {
          requiresReplace.push({ path: name, reason: attr.onChange.reason });
        }
      }
    }
  }
  if (requiresReplace.length > 0) {
    // A replacement is a fresh create: nothing computed survives from the prior object.
    const fresh = proposeFromSchema(schema, req, false);
    for (const [name, attr] of Object.entries(schema.attributes)) {
      if (attr.computed && (req.config[name] ?? null) === null) draft[name] = fresh[name] ?? null;
    }
    resource.adjustPlan?.(draft, { ...req, prior: null });
  }
  const response: { planned: AttributeDraft; requiresReplace?: typeof requiresReplace; diagnostics?: Diagnostic[] } = { planned: draft };
  if (requiresReplace.length > 0) response.requiresReplace = requiresReplace;
  if (diagnostics.length > 0) response.diagnostics = diagnostics;
  return response;
}

/** Config for arguments (schema defaults when unset), prior or UNKNOWN for computed attributes. */
function proposeFromSchema(schema: ResourceSchema, req: PlanRequest, keepPrior: boolean): AttributeDraft {
  const draft: AttributeDraft = {};
  for (const [name, attr] of Object.entries(schema.attributes)) {
    const configured = req.config[name] ?? null;
    const isArgument = attr.required === true || attr.optional === true;
    if (isArgument && configured !== null) draft[name] = configured;
    else if (isArgument && !attr.computed) draft[name] = attr.default ?? null;
    else if (keepPrior && req.prior !== null) draft[name] = req.prior[name] ?? null;
    else draft[name] = attr.default ?? UNKNOWN;
  }
  return draft;
}
