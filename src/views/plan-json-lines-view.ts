/**
 * `plan -json`: the plan as Terraform's machine-readable UI stream — a `version` line,
 * `resource_drift` and `planned_change` lines, `change_summary`, `outputs` and `diagnostic` lines.
 */
import { diagnosticToJSON } from './diagnostic-view.js';
import type { ActionReason, Diagnostic, Plan, ResourceChange } from './plan-model.js';
import { summaryText, visibleChanges } from './plan-text-view.js';
import type { SourceLookup } from './types.js';
import { resourceJSON, uiMessage, type UIMessageOptions } from './ui-message.js';
import { STREAMFORM_VERSION } from './version.js';

/** Options for `renderPlanJSONLines`. */
export interface PlanJSONLinesOptions extends UIMessageOptions {
  readonly sources?: SourceLookup;
}

/** The plan as JSON lines (each element one line, without newline). */
export function renderPlanJSONLines(plan: Plan, opts: PlanJSONLinesOptions): string[] {
  const { clock } = opts;
  const lines = [versionLine(opts)];
  for (const d of plan.drift) {
    const action = uiAction(d);
    lines.push(uiMessage('info', `${d.address}: Drift detected (${action})`, 'resource_drift', { change: changeJSON(d, action) }, clock));
  }
  for (const c of visibleChanges(plan)) {
    const action = uiAction(c);
    lines.push(uiMessage('info', `${c.address}: Plan to ${action}`, 'planned_change', { change: changeJSON(c, action) }, clock));
  }
  const errored = plan.diagnostics.some((d) => d.severity === 'error');
  if (!errored) {
    const s = plan.summary;
    const operation = plan.mode === 'destroy' ? 'destroy' : 'plan';
    lines.push(uiMessage('info', `Plan: ${summaryText(s)}`, 'change_summary', {
      changes: { add: s.add, change: s.change, import: s.import, remove: s.destroy, operation },
    }, clock));
    const changed = plan.outputs.filter((o) => o.action !== 'no-op');
    if (changed.length > 0) {
      const outputs: Record<string, unknown> = {};
      for (const o of changed) outputs[o.name] = { sensitive: o.sensitive, action: o.action };
      lines.push(uiMessage('info', `Outputs: ${changed.length}`, 'outputs', { outputs }, clock));
    }
  }
  for (const d of plan.diagnostics) lines.push(diagnosticLine(d, opts));
  return lines;
}

/** The `version` line every JSON stream starts with. */
export function versionLine(opts: UIMessageOptions): string {
  const version = opts.version ?? STREAMFORM_VERSION;
  return uiMessage('info', `streamform ${version}`, 'version', { streamform: version, ui: '1.2' }, opts.clock);
}

/** A `diagnostic` line. */
export function diagnosticLine(d: Diagnostic, opts: PlanJSONLinesOptions): string {
  const level = d.severity === 'error' ? 'error' : 'warn';
  const prefix = d.severity === 'error' ? 'Error' : 'Warning';
  const diagnostic = opts.sources === undefined ? diagnosticToJSON(d) : diagnosticToJSON(d, { sources: opts.sources });
  return uiMessage(level, `${prefix}: ${d.summary}`, 'diagnostic', { diagnostic }, opts.clock);
}

function uiAction(c: ResourceChange): string {
  switch (c.action) {
    case 'create': case 'update': case 'replace': case 'delete': case 'read': return c.action;
    case 'forget': return 'remove';
    case 'no-op': return c.importing !== undefined ? 'import' : c.previousAddress !== undefined ? 'move' : 'noop';
  }
}

function changeJSON(c: ResourceChange, action: string): Record<string, unknown> {
  const out: Record<string, unknown> = { resource: resourceJSON(c.address) };
  if (c.previousAddress !== undefined) out['previous_resource'] = resourceJSON(c.previousAddress);
  out['action'] = action;
  if (c.reason !== undefined) out['reason'] = uiReason(c.reason);
  if (c.importing !== undefined) out['importing'] = { id: c.importing.id };
  if (c.replaceStrategy !== undefined) out['replace_strategy'] = { name: c.replaceStrategy.name, detail: c.replaceStrategy.detail };
  return out;
}

function uiReason(r: ActionReason): string {
  switch (r) {
    case 'tainted': return 'tainted';
    case 'replace-by-request': return 'requested';
    case 'replace-by-triggers': return 'replace_triggered_by';
    case 'cannot-update': return 'cannot_update';
    case 'delete-because-no-resource-config': return 'delete_because_no_resource_config';
    case 'delete-because-count-index': return 'delete_because_count_index';
    case 'delete-because-each-key': return 'delete_because_each_key';
    case 'delete-because-no-module': return 'delete_because_no_module';
    case 'read-because-config-unknown': return 'read_because_config_unknown';
    case 'read-because-dependency-pending': return 'read_because_dependency_pending';
  }
}
