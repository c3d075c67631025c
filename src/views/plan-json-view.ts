/**
 * The plan in the shape of `terraform show -json` (format_version 1.2), with `streamform_version`
 * in place of `terraform_version`.
 *
 * Deliberate difference from Terraform: Terraform writes sensitive values in clear into
 * before/after and only marks them in before_sensitive/after_sensitive. We mask them: every
 * sensitive value (resource attributes, outputs, variables) is written as null and marked true
 * in the matching *_sensitive mirror, so a plan JSON can be shared without leaking secrets.
 * Unknown attributes are omitted from after/values (as Terraform does) and marked in after_unknown.
 * prior_state and configuration are not written.
 */
import { parseAttrPath } from './attr-path.js';
import type { ActionReason, ChangeAction, OutputChange, Plan, ResourceChange, Value } from './plan-model.js';
import { isUnknown } from './plan-model.js';
import { modulePrefixes, providerName } from './resource-address.js';
import { STREAMFORM_VERSION } from './version.js';
import { maskedValue, objectMirror, sensitiveMirror, unknownMirror, type JSONValue } from './value-mirror.js';

/** Options for `planToJSON`. */
export interface PlanJSONOptions {
  readonly version?: string;
}

type JSONObject = { [key: string]: JSONValue };

/** Converts a plan to the `show -json` object. */
export function planToJSON(plan: Plan, opts: PlanJSONOptions = {}): JSONObject {
  const errored = plan.diagnostics.some((d) => d.severity === 'error');
  return {
    format_version: '1.2',
    streamform_version: opts.version ?? STREAMFORM_VERSION,
    variables: variablesJSON(plan),
    planned_values: plannedValues(plan),
    resource_drift: plan.drift.map(resourceChangeJSON),
    resource_changes: plan.changes.map(resourceChangeJSON),
    output_changes: outputChangesJSON(plan.outputs),
    timestamp: plan.timestamp,
    applyable: plan.applyable,
    complete: !errored && plan.targets.length === 0,
    errored,
  };
}

/** Terraform's JSON action list for a change. */
export function actionsJSON(c: Pick<ResourceChange, 'action' | 'replaceOrder'>): string[] {
  const a: ChangeAction = c.action;
  switch (a) {
    case 'replace': return c.replaceOrder === 'create-before-destroy' ? ['create', 'delete'] : ['delete', 'create'];
    case 'create': case 'update': case 'delete': case 'read': case 'no-op': case 'forget': return [a];
  }
}

/** Terraform's JSON `action_reason` for an action reason. */
export function actionReasonJSON(r: ActionReason): string {
  switch (r) {
    case 'tainted': return 'replace_because_tainted';
    case 'replace-by-request': return 'replace_by_request';
    case 'replace-by-triggers': return 'replace_by_triggers';
    case 'cannot-update': return 'replace_because_cannot_update';
    case 'delete-because-no-resource-config': return 'delete_because_no_resource_config';
    case 'delete-because-count-index': return 'delete_because_count_index';
    case 'delete-because-each-key': return 'delete_because_each_key';
    case 'delete-because-no-module': return 'delete_because_no_module';
    case 'read-because-config-unknown': return 'read_because_config_unknown';
    case 'read-because-dependency-pending': return 'read_because_dependency_pending';
  }
}

function resourceChangeJSON(c: ResourceChange): JSONObject {
  const bs = c.beforeSensitive.map(parseAttrPath);
  const as = c.afterSensitive.map(parseAttrPath);
  const change: JSONObject = {
    actions: actionsJSON(c),
    before: c.before === null ? null : maskedValue(c.before, bs),
    after: c.after === null ? null : maskedValue(c.after, as),
    after_unknown: objectMirror(c.after, unknownMirror, {}),
    before_sensitive: objectMirror(c.before, (v) => sensitiveMirror(v, bs), false),
    after_sensitive: objectMirror(c.after, (v) => sensitiveMirror(v, as), false),
  };
  if (c.replacePaths.length > 0) change['replace_paths'] = c.replacePaths.map((r) => [...parseAttrPath(r.path)]);
  if (c.importing !== undefined) change['importing'] = { id: c.importing.id };
  if (c.generatedConfig !== undefined) change['generated_config'] = c.generatedConfig;
  // streamform extension: how a replacement carries the old object's work over.
  if (c.replaceStrategy !== undefined) change['replace_strategy'] = { name: c.replaceStrategy.name, detail: c.replaceStrategy.detail };
  const out: JSONObject = { address: c.address };
  if (c.previousAddress !== undefined) out['previous_address'] = c.previousAddress;
  if (c.module !== '') out['module_address'] = c.module;
  Object.assign(out, { mode: c.mode, type: c.type, name: c.name });
  if (c.index !== undefined) out['index'] = c.index;
  out['provider_name'] = providerName(c.provider);
  out['change'] = change;
  if (c.reason !== undefined) out['action_reason'] = actionReasonJSON(c.reason);
  return out;
}

function plannedValues(plan: Plan): JSONObject {
  const outputs: JSONObject = {};
  for (const o of sortByName(plan.outputs)) {
    if (o.action === 'delete') continue;
    const entry: JSONObject = { sensitive: o.sensitive };
    if (!o.sensitive && o.after !== null && !isUnknown(o.after)) entry['value'] = maskedValue(o.after, []);
    outputs[o.name] = entry;
  }
  const modules = new Map<string, JSONObject[]>([['', []]]);
  for (const c of plan.changes) {
    if (c.after === null || c.action === 'delete' || c.action === 'forget') continue;
    const as = c.afterSensitive.map(parseAttrPath);
    const r: JSONObject = { address: c.address, mode: c.mode, type: c.type, name: c.name };
    if (c.index !== undefined) r['index'] = c.index;
    Object.assign(r, {
      provider_name: providerName(c.provider), schema_version: 0,
      values: maskedValue(c.after, as), sensitive_values: objectMirror(c.after, (v) => sensitiveMirror(v, as), {}),
    });
    for (const m of modulePrefixes(c.module)) if (!modules.has(m)) modules.set(m, []);
    modules.get(c.module)?.push(r);
  }
  return { outputs, root_module: moduleJSON('', modules) };
}

function moduleJSON(address: string, modules: ReadonlyMap<string, JSONObject[]>): JSONObject {
  const out: JSONObject = address === '' ? {} : { address };
  out['resources'] = modules.get(address) ?? [];
  const children = [...modules.keys()].filter((m) => m !== '' && parentModule(m) === address).sort();
  if (children.length > 0) out['child_modules'] = children.map((m) => moduleJSON(m, modules));
  return out;
}

function parentModule(m: string): string {
  const prefixes = modulePrefixes(m);
  return prefixes.length > 1 ? prefixes[prefixes.length - 2] ?? '' : '';
}

function outputChangesJSON(outputs: readonly OutputChange[]): JSONObject {
  const out: JSONObject = {};
  for (const o of sortByName(outputs)) {
    const mask = (v: Value | null): JSONValue => (v === null || o.sensitive ? null : maskedValue(v, []));
    out[o.name] = {
      actions: [o.action],
      before: mask(o.before),
      after: mask(o.after),
      after_unknown: o.after !== null && isUnknown(o.after) ? true : o.after === null ? false : unknownMirror(o.after),
      before_sensitive: o.sensitive,
      after_sensitive: o.sensitive,
    };
  }
  return out;
}

function variablesJSON(plan: Plan): JSONObject {
  const out: JSONObject = {};
  for (const name of Object.keys(plan.variables).sort()) {
    const v = plan.variables[name];
    if (v === undefined) continue;
    out[name] = v.sensitive ? { value: null, sensitive: true } : { value: maskedValue(v.value, []) };
  }
  return out;
}

function sortByName<T extends { readonly name: string }>(list: readonly T[]): T[] {
  return list.slice().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
