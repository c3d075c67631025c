/**
 * Plans one managed resource instance: refresh, propose, let the provider refine, then decide the
 * action (create, update, replace, delete, no-op) with the attributes that force replacement and
 * the lifecycle rules (ignore_changes, prevent_destroy, create_before_destroy, -replace, taint).
 */
import type { Diagnostic } from '../../shared/index.js';
import { errorDiag } from '../../shared/index.js';
import type { ResourceConfig } from '../config/index.js';
import type { ObjectValue, Value } from '../lang/index.js';
import { isObjectValue, isUnknown, valuesEqual } from '../lang/index.js';
import type { ActionReason, ChangeAction } from '../plan/index.js';
import type { Provider, ProviderContext, ReplaceStrategy, ResourceSchema } from '../provider/index.js';
import { applyIgnoreChanges, getPath, pathSteps, proposeNewState } from './propose.js';

export interface InstancePlanInput {
  readonly address: string;
  readonly type: string;
  readonly schema: ResourceSchema;
  readonly provider: Provider;
  readonly ctx: ProviderContext;
  readonly config: ObjectValue;
  /** The prior object after refresh (null when there is none). */
  readonly prior: ObjectValue | null;
  readonly priorPrivate?: ObjectValue;
  readonly tainted: boolean;
  readonly replaceRequested: boolean;
  readonly replaceTriggered: boolean;
  readonly lifecycle: ResourceConfig['lifecycle'];
  readonly ignoreChanges: 'all' | readonly string[];
  readonly annotations?: Readonly<Record<string, string>>;
}

export interface InstancePlan {
  readonly action: ChangeAction;
  readonly reason?: ActionReason;
  readonly after: ObjectValue | null;
  readonly replacePaths: readonly { path: string; reason?: string }[];
  readonly notes: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  /** How a replacement is carried out, when the provider says. */
  readonly replaceStrategy?: ReplaceStrategy;
}

/** Top-level attributes whose values differ (UNKNOWN counts as a difference). */
function changedAttributes(prior: ObjectValue, planned: ObjectValue): string[] {
  const out: string[] = [];
  for (const k of new Set([...Object.keys(prior), ...Object.keys(planned)])) {
    const a = prior[k] ?? null, b = planned[k] ?? null;
    if (isUnknown(b) || !valuesEqual(a, b)) out.push(k);
  }
  return out;
}

async function providerPlan(input: InstancePlanInput, prior: ObjectValue | null): Promise<{ planned: ObjectValue; requiresReplace: { path: string; reason?: string }[]; notes: string[]; diagnostics: Diagnostic[]; replaceStrategy?: ReplaceStrategy }> {
  let proposed = proposeNewState(input.schema, prior, input.config);
  if (prior && input.ignoreChanges !== 'all' && input.ignoreChanges.length === 0) { /* nothing ignored */ }
  else if (prior) proposed = applyIgnoreChanges(proposed, prior, input.ignoreChanges, input.schema);
  if (!input.provider.planResource) return { planned: proposed, requiresReplace: [], notes: [], diagnostics: [] };
  // ignore_changes: the provider sees the prior values at the ignored paths, in config too.
  const config = prior && (input.ignoreChanges === 'all' || input.ignoreChanges.length > 0) ? applyIgnoreChanges(input.config, prior, input.ignoreChanges, input.schema) : input.config;
  const r = await input.provider.planResource({ type: input.type, prior, config, proposed, ...(input.priorPrivate ? { priorPrivate: input.priorPrivate } : {}), ...(input.annotations ? { annotations: input.annotations } : {}) }, input.ctx);
  let planned = r.planned;
  if (prior && input.ignoreChanges !== 'all' && input.ignoreChanges.length > 0) planned = applyIgnoreChanges(planned, prior, input.ignoreChanges, input.schema);
  else if (prior && input.ignoreChanges === 'all') planned = applyIgnoreChanges(planned, prior, 'all', input.schema);
  return { planned, requiresReplace: [...(r.requiresReplace ?? [])], notes: [...(r.notes ?? [])], diagnostics: [...(r.diagnostics ?? [])], ...(r.replaceStrategy ? { replaceStrategy: r.replaceStrategy } : {}) };
}

export async function planInstance(input: InstancePlanInput): Promise<InstancePlan> {
  const diagnostics: Diagnostic[] = [];
  const { prior } = input;
  if (!prior) {
    const p = await providerPlan(input, null);
    return { action: 'create', after: p.planned, replacePaths: [], notes: p.notes, diagnostics: p.diagnostics };
  }
  const p = await providerPlan(input, prior);
  diagnostics.push(...p.diagnostics);
  const changed = changedAttributes(prior, p.planned);
  const replacePaths = new Map<string, string | undefined>();
  for (const r of p.requiresReplace) replacePaths.set(r.path, r.reason);
  for (const name of changed) {
    const a = input.schema.attributes[name] ?? undefined;
    const b = input.schema.blocks?.[name];
    const beh = a?.onChange ?? b?.onChange;
    if (!beh) continue;
    const pv: Value = prior[name] ?? null, nv: Value = p.planned[name] ?? null;
    if (beh.kind === 'replace') replacePaths.set(name, replacePaths.get(name));
    else if (beh.kind === 'replace-if' && !isUnknown(nv) && beh.when(pv, nv)) replacePaths.set(name, beh.reason);
    else if (beh.kind === 'reject') diagnostics.push(errorDiag('plan-change-rejected', `Cannot change "${name}" of ${input.address}`, { detail: `${beh.reason}\nChange it back to its current value, or replace the resource (streamform plan -replace=${input.address}).`, address: input.address }));
  }
  let action: ChangeAction = changed.length ? 'update' : 'no-op';
  let reason: ActionReason | undefined;
  if (replacePaths.size) { action = 'replace'; reason = undefined; }
  if (input.tainted) { action = 'replace'; reason = 'tainted'; }
  else if (input.replaceRequested) { action = 'replace'; reason = 'replace-by-request'; }
  else if (input.replaceTriggered) { action = 'replace'; reason = 'replace-by-triggers'; }
  let after = p.planned;
  const notes = [...p.notes];
  if (action === 'replace') {
    const fresh = await providerPlan(input, null);
    diagnostics.push(...fresh.diagnostics);
    after = fresh.planned;
    notes.push(...fresh.notes);
  }
  if ((action === 'replace') && input.lifecycle.preventDestroy) diagnostics.push(preventDestroyDiag(input.address));
  const rp = [...replacePaths].sort(([a], [b]) => a.localeCompare(b)).map(([path, r]) => (r === undefined ? { path } : { path, reason: r }));
  const strategy = action === 'replace' ? p.replaceStrategy : undefined;
  return { action, ...(reason ? { reason } : {}), after, replacePaths: rp, notes, diagnostics, ...(strategy ? { replaceStrategy: strategy } : {}) };
}

export function preventDestroyDiag(address: string): Diagnostic {
  return errorDiag('plan-prevent-destroy', 'Instance cannot be destroyed', {
    detail: `Resource ${address} has lifecycle.prevent_destroy set, but the plan calls for this resource to be destroyed. To avoid this error and continue with the plan, either disable lifecycle.prevent_destroy or reduce the scope of the plan using the -target flag.`,
    address,
  });
}

/** Sensitive attribute paths declared by the schema (top-level attributes and sensitive blocks). */
export function schemaSensitivePaths(schema: ResourceSchema): string[] {
  const out: string[] = [];
  for (const [k, a] of Object.entries(schema.attributes)) if (a.sensitive) out.push(k);
  for (const [k, b] of Object.entries(schema.blocks ?? {})) if (b.sensitive) out.push(k);
  return out;
}

/** True when every known value of `planned` (from the saved plan) equals `final`. */
export function consistentWithPlan(planned: Value | undefined, final: Value | undefined): boolean {
  if (planned === undefined || isUnknown(planned)) return true;
  if (final === undefined) return planned === null;
  if (isUnknown(final)) return false;
  if (Array.isArray(planned)) {
    if (!Array.isArray(final) || final.length !== planned.length) return false;
    return planned.every((p, i) => consistentWithPlan(p, final[i]));
  }
  if (isObjectValue(planned)) {
    if (!isObjectValue(final)) return false;
    return Object.keys(planned).every((k) => consistentWithPlan(planned[k], final[k]));
  }
  return valuesEqual(planned, final);
}

/** Sensitive attribute paths as steps for a scope (`*` first for counted/for_each resources). */
export function sensitiveStepPaths(paths: Iterable<string>, multi: boolean): (string | number)[][] {
  const out: (string | number)[][] = [];
  for (const p of new Set(paths)) { const steps = pathSteps(p); if (steps.length) out.push(multi ? ['*', ...steps] : steps); }
  return out;
}

/**
 * Providers copy values between attributes (terraform_data's `output` mirrors `input`): an
 * attribute whose value equals a sensitive attribute's value is sensitive too, so a secret never
 * reappears in clear under another name.
 */
export function propagateSensitive(obj: ObjectValue | null, paths: readonly string[]): string[] {
  if (!obj || !paths.length) return [...paths];
  const secrets = paths.map((p) => getPath(obj, pathSteps(p))).filter((v): v is Value => v !== undefined && v !== null && !isUnknown(v));
  if (!secrets.length) return [...paths];
  const out = new Set(paths);
  for (const [k, v] of Object.entries(obj)) {
    if (out.has(k) || v === null || isUnknown(v) || v === '' ) continue;
    if (secrets.some((s) => valuesEqual(s, v))) out.add(k);
  }
  return [...out].sort();
}
