/**
 * The human plan, as `terraform plan` prints it: drift ("Objects have changed outside of
 * streamform"), the legend of the symbols used, each change with its attribute diff, the
 * `Plan: ...` summary line and `Changes to Outputs:`, or the "No changes." texts.
 */
import { styleFor, type Style } from './ansi-style.js';
import { renderDiagnostics } from './diagnostic-view.js';
import { renderOutputChangeLines } from './output-change-lines.js';
import type { Plan, PlanSummary, ResourceChange } from './plan-model.js';
import { renderResourceChange } from './resource-change-view.js';
import type { SourceLookup } from './types.js';

/** Options for `renderPlanText`. */
export interface PlanTextOptions {
  readonly color: boolean;
  /** Source text by file name, for the snippets of the plan's diagnostics. */
  readonly sources?: SourceLookup;
}

/** A horizontal rule, as Terraform draws between the drift report and the plan. */
export const HORIZONTAL_RULE = '─'.repeat(77);

/** Renders a plan as terminal text (ends with a newline); the plan's diagnostics come last. */
export function renderPlanText(plan: Plan, opts: PlanTextOptions): string {
  const style = styleFor(opts.color);
  const lines: string[] = [];
  if (plan.diagnostics.some((d) => d.severity === 'error')) {
    // As Terraform: a failed plan shows no partial changes, only why it failed.
    lines.push('Planning failed. streamform encountered an error while generating this plan.');
  } else {
    if (plan.drift.length > 0) lines.push(...driftLines(plan, style));
    if (plan.mode !== 'refresh-only') lines.push(...changeLines(plan, style));
    else if (plan.drift.length === 0) lines.push(...refreshOnlyNoChanges(style));
  }
  if (plan.diagnostics.length > 0) {
    const diags = renderDiagnostics(plan.diagnostics, opts.sources === undefined ? { color: opts.color } : { color: opts.color, sources: opts.sources });
    lines.push('', ...diags.replace(/\n$/, '').split('\n'));
  }
  while (lines[0] === '') lines.shift();
  return lines.join('\n') + '\n';
}

/** Changes shown in the plan body: real actions, plus moves and imports without other changes. */
export function visibleChanges(plan: Plan): ResourceChange[] {
  return plan.changes.filter((c) => c.action !== 'no-op' || c.previousAddress !== undefined || c.importing !== undefined);
}

function driftLines(plan: Plan, style: Style): string[] {
  const refreshOnly = plan.mode === 'refresh-only';
  const lines = [
    '', style.bold('Note: Objects have changed outside of streamform'), '',
    'streamform detected the following changes made outside of streamform since the last "streamform apply"'
      + (refreshOnly ? ':' : ' which may have affected this plan:'),
    '',
  ];
  for (const d of plan.drift) lines.push(...renderResourceChange(d, { style, drift: true }), '');
  lines.push('');
  lines.push(refreshOnly
    ? 'This is a refresh-only plan, so streamform will not take any actions to undo these. If you were expecting these changes then you can apply this plan to record the updated values in the streamform state without changing any remote objects.'
    : 'Unless you have made equivalent changes to your configuration, or ignored the relevant attributes using ignore_changes, the following plan may include actions to undo or respond to these changes.');
  if (!refreshOnly) lines.push('', HORIZONTAL_RULE);
  return lines;
}

function refreshOnlyNoChanges(style: Style): string[] {
  return [
    '', style.bold(style.green('No changes.')) + style.bold(' Your infrastructure still matches the configuration.'), '',
    'streamform has checked that the real remote objects still match the result of your most recent changes, and found no differences.',
  ];
}

function changeLines(plan: Plan, style: Style): string[] {
  const changes = visibleChanges(plan);
  const outputs = renderOutputChangeLines(plan.outputs, style);
  const lines: string[] = [];
  if (changes.length === 0) {
    if (outputs.length === 0) return noChanges(plan, style);
    lines.push('', 'Changes to Outputs:', ...outputs, '',
      'You can apply this plan to save these new output values to the streamform state, without changing any real infrastructure.');
    return lines;
  }
  lines.push('', 'streamform used the selected providers to generate the following execution plan. Resource actions are indicated with the following symbols:');
  lines.push(...legend(changes, style), '', 'streamform will perform the following actions:', '');
  for (const c of changes) lines.push(...renderResourceChange(c, { style }), '');
  lines.push(style.bold('Plan:') + ' ' + summaryText(plan.summary));
  if (outputs.length > 0) lines.push('', 'Changes to Outputs:', ...outputs);
  return lines;
}

function noChanges(plan: Plan, style: Style): string[] {
  const head = style.bold(style.green('No changes.'));
  if (plan.mode === 'destroy') {
    return ['', head + style.bold(' No objects need to be destroyed.'), '',
      'Either you have not created any objects yet or the existing objects were already deleted outside of streamform.'];
  }
  return ['', head + style.bold(' Your infrastructure matches the configuration.'), '',
    'streamform has compared your real infrastructure against your configuration and found no differences, so no changes are needed.'];
}

function legend(changes: readonly ResourceChange[], style: Style): string[] {
  const has = (pred: (c: ResourceChange) => boolean): boolean => changes.some(pred);
  const out: string[] = [];
  if (has((c) => c.action === 'create')) out.push(`  ${style.green('+')} create`);
  if (has((c) => c.action === 'delete')) out.push(`  ${style.red('-')} destroy`);
  if (has((c) => c.action === 'update')) out.push(`  ${style.yellow('~')} update in-place`);
  if (has((c) => c.action === 'replace' && c.replaceOrder !== 'create-before-destroy')) {
    out.push(`${style.red('-')}/${style.green('+')} destroy and then create replacement`);
  }
  if (has((c) => c.action === 'replace' && c.replaceOrder === 'create-before-destroy')) {
    out.push(`${style.green('+')}/${style.red('-')} create replacement and then destroy`);
  }
  if (has((c) => c.action === 'read')) out.push(` ${style.cyan('<=')} read (data resources)`);
  if (has((c) => c.action === 'forget')) out.push(`  ${style.red('.')} forget`);
  return out;
}

/** `1 to add, 0 to change, 0 to destroy.` with import first and forget last when present. */
export function summaryText(s: PlanSummary): string {
  const parts: string[] = [];
  if (s.import > 0) parts.push(`${s.import} to import`);
  parts.push(`${s.add} to add`, `${s.change} to change`, `${s.destroy} to destroy`);
  if (s.forget > 0) parts.push(`${s.forget} to forget`);
  return parts.join(', ') + '.';
}
