/**
 * The plan as a pull-request comment (GitHub-flavoured Markdown): a title with the summary counts,
 * a table of changes, one collapsible `<details>` per change with its diff in a ```diff block
 * (the action symbol moved to column 0 so the block is highlighted), drift, outputs and
 * diagnostics. Sensitive values are masked exactly as in the terminal view.
 */
import { styleFor } from './ansi-style.js';
import { renderDiagnostic } from './diagnostic-view.js';
import { renderOutputChangeLines } from './output-change-lines.js';
import type { Plan, ResourceChange } from './plan-model.js';
import { summaryText, visibleChanges } from './plan-text-view.js';
import { renderResourceChange } from './resource-change-view.js';
import type { SourceLookup } from './types.js';

/** Options for `renderPlanMarkdown`. */
export interface PlanMarkdownOptions {
  readonly sources?: SourceLookup;
  /** Above this many characters the per-change diffs are left out (GitHub caps comments at 65,536). */
  readonly maxChars?: number;
}

const NO_COLOR = styleFor(false);

/** Renders the plan as Markdown (ends with a newline). */
export function renderPlanMarkdown(plan: Plan, opts: PlanMarkdownOptions = {}): string {
  const full = render(plan, opts, true);
  if (full.length <= (opts.maxChars ?? 60000)) return full;
  return render(plan, opts, false);
}

function render(plan: Plan, opts: PlanMarkdownOptions, withDiffs: boolean): string {
  const out: string[] = [`## ${title(plan)}`, ''];
  const errored = plan.diagnostics.some((d) => d.severity === 'error');
  // A failed plan is incomplete: only the diagnostics are worth posting.
  const changes = plan.mode === 'refresh-only' || errored ? [] : visibleChanges(plan);
  if (changes.length > 0) {
    out.push('| | Address | Action | Reason |', '|---|---|---|---|');
    for (const c of changes) out.push(`| ${emoji(c)} | \`${c.address}\` | ${actionWord(c)} | ${escapeCell(reasonWord(c))} |`);
    out.push('');
    if (withDiffs) for (const c of changes) out.push(...details(c, false));
    else out.push('_The diffs are too large for a comment; see the full plan output._', '');
  }
  if (plan.drift.length > 0 && !errored) {
    out.push('### Objects changed outside streamform', '');
    if (withDiffs) for (const d of plan.drift) out.push(...details(d, true));
    else out.push(...plan.drift.map((d) => `- \`${d.address}\` ${d.action === 'delete' ? 'has been deleted' : 'has changed'}`), '');
  }
  const outputs = renderOutputChangeLines(plan.outputs, NO_COLOR);
  if (outputs.length > 0 && plan.mode !== 'refresh-only' && !errored) {
    out.push('### Changes to Outputs', '', '```diff', ...outputs.map(diffLine), '```', '');
  }
  if (plan.diagnostics.length > 0) {
    out.push('### Diagnostics', '');
    for (const d of plan.diagnostics) {
      const text = renderDiagnostic(d, opts.sources === undefined ? { color: false } : { color: false, sources: opts.sources });
      out.push('```', text.replace(/\n$/, ''), '```', '');
    }
  }
  while (out[out.length - 1] === '') out.pop();
  return out.join('\n') + '\n';
}

function title(plan: Plan): string {
  if (plan.diagnostics.some((d) => d.severity === 'error')) return '❌ Plan failed';
  if (plan.mode === 'refresh-only') {
    return plan.drift.length === 0
      ? 'No changes. Your infrastructure still matches the configuration.'
      : `Refresh-only plan: ${plan.drift.length} ${plan.drift.length === 1 ? 'object has' : 'objects have'} changed outside streamform`;
  }
  if (visibleChanges(plan).length === 0) {
    const outputsChange = plan.outputs.some((o) => o.action !== 'no-op');
    if (outputsChange) return 'Plan: only output values change';
    return plan.mode === 'destroy' ? 'No changes. No objects need to be destroyed.' : 'No changes. Your infrastructure matches the configuration.';
  }
  return `Plan: ${summaryText(plan.summary)}`;
}

function details(c: ResourceChange, drift: boolean): string[] {
  const lines = renderResourceChange(c, { style: NO_COLOR, drift });
  const [header, ...rest] = lines;
  const summary = (header ?? '').replace(/^\s*# /, '').replace(c.address, `<code>${escapeHtml(c.address)}</code>`);
  return ['<details>', `<summary>${emoji(c)} ${summary}</summary>`, '', '```diff', ...rest.map(diffLine), '```', '', '</details>', ''];
}

/** Moves a Terraform action symbol to column 0 so a ```diff block colours the line. */
export function diffLine(line: string): string {
  const m = /^(\s*)(-\/\+|\+\/-|<=|[+~.-])( |$)/.exec(line);
  if (m === null) return line.startsWith(' ') || line === '' ? line : ' ' + line;
  const sym = m[2] ?? '';
  const marker = sym === '+' ? '+' : sym === '-' ? '-' : '!';
  const blanked = (m[1] ?? '') + ' '.repeat(sym.length) + line.slice((m[1] ?? '').length + sym.length);
  return marker + blanked.slice(1);
}

function emoji(c: ResourceChange): string {
  switch (c.action) {
    case 'create': return '🟢';
    case 'update': return '🟡';
    case 'replace': return '🔁';
    case 'delete': return '🔴';
    case 'read': return '🔵';
    case 'forget': return '⚪';
    case 'no-op': return c.importing !== undefined ? '📥' : '🚚';
  }
}

function actionWord(c: ResourceChange): string {
  switch (c.action) {
    case 'replace': return c.replaceOrder === 'create-before-destroy' ? 'replace (create before destroy)' : 'replace';
    case 'no-op': return c.importing !== undefined ? 'import' : 'move';
    case 'create': case 'update': case 'delete': case 'read': case 'forget': return c.action;
  }
}

function reasonWord(c: ResourceChange): string {
  const parts: string[] = [];
  if (c.reason !== undefined) parts.push(c.reason.replace(/-/g, ' '));
  const forced = c.replacePaths.map((r) => r.path);
  if (c.action === 'replace' && forced.length > 0) parts.push(`forced by ${forced.join(', ')}`);
  if (c.previousAddress !== undefined) parts.push(`moved from ${c.previousAddress}`);
  if (c.importing !== undefined) parts.push(`import id ${c.importing.id}`);
  return parts.join('; ');
}

function escapeCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
