/**
 * `apply -json`: apply hooks as Terraform's machine-readable UI lines (`apply_start`,
 * `apply_progress`, `apply_complete`, `apply_errored`), the apply `change_summary` and the
 * final `outputs` line (sensitive values masked to null).
 */
import { applyCountsText, renderApplyEvent } from './apply-progress-view.js';
import type { ApplyEvent, ApplySummary, OutputValue } from './types.js';
import { inferType } from './outputs-view.js';
import { resourceJSON, uiMessage, type UIMessageOptions } from './ui-message.js';
import { maskedValue } from './value-mirror.js';

/** One JSON line for an apply event. */
export function renderApplyEventJSON(e: ApplyEvent, opts: UIMessageOptions): string {
  const hook: Record<string, unknown> = { resource: resourceJSON(e.address), action: e.action };
  if (e.idValue !== undefined) { hook['id_key'] = e.idKey ?? 'id'; hook['id_value'] = e.idValue; }
  if (e.kind !== 'start') hook['elapsed_seconds'] = Math.floor(e.elapsedSeconds ?? 0);
  const type = `apply_${e.kind}`;
  return uiMessage(e.kind === 'errored' ? 'error' : 'info', renderApplyEvent(e, { color: false }), type, { hook }, opts.clock);
}

/** The apply (or destroy) `change_summary` line. */
export function renderApplySummaryJSON(s: ApplySummary, opts: UIMessageOptions & { readonly mode?: 'apply' | 'destroy' }): string {
  const head = opts.mode === 'destroy' ? 'Destroy complete!' : 'Apply complete!';
  return uiMessage('info', `${head} ${applyCountsText(s)}`, 'change_summary', {
    changes: { add: s.add, change: s.change, import: s.import ?? 0, remove: s.destroy, operation: opts.mode ?? 'apply' },
  }, opts.clock);
}

/** The `outputs` line after apply: name → {sensitive, type, value}; sensitive values are null. */
export function renderOutputsJSONLine(outputs: readonly OutputValue[], opts: UIMessageOptions): string {
  const out: Record<string, unknown> = {};
  for (const o of outputs.slice().sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    out[o.name] = { sensitive: o.sensitive, type: o.type ?? inferType(o.value), value: o.sensitive ? null : maskedValue(o.value, []) };
  }
  return uiMessage('info', `Outputs: ${outputs.length}`, 'outputs', { outputs: out }, opts.clock);
}
