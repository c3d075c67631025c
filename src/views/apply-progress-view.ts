/**
 * Apply progress as Terraform prints it (`random_id.r: Creating...`, `Still creating... [10s
 * elapsed]`, `Creation complete after 0s [id=abc]`) and the closing `Apply complete!` line.
 */
import { styleFor } from './ansi-style.js';
import type { ApplyAction, ApplyEvent, ApplySummary } from './types.js';

interface Verbs { readonly start: string; readonly still: string; readonly done: string; readonly failed: string }

const VERBS: { readonly [A in ApplyAction]: Verbs } = {
  create: { start: 'Creating...', still: 'Still creating...', done: 'Creation complete', failed: 'Creation errored' },
  update: { start: 'Modifying...', still: 'Still modifying...', done: 'Modifications complete', failed: 'Modifications errored' },
  delete: { start: 'Destroying...', still: 'Still destroying...', done: 'Destruction complete', failed: 'Destruction errored' },
  read: { start: 'Reading...', still: 'Still reading...', done: 'Read complete', failed: 'Read errored' },
  import: { start: 'Importing...', still: 'Still importing...', done: 'Import complete', failed: 'Import errored' },
  forget: { start: 'Removing from state...', still: 'Still removing...', done: 'Removal complete', failed: 'Removal errored' },
};

/** Go-style whole-second durations: `0s`, `10s`, `1m5s`, `1h0m0s`. */
export function formatElapsed(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
  if (h > 0) return `${h}h${m}m${r}s`;
  if (m > 0) return `${m}m${r}s`;
  return `${r}s`;
}

/** The human line for one apply event. */
export function renderApplyEvent(e: ApplyEvent, opts: { readonly color: boolean }): string {
  const style = styleFor(opts.color);
  const verbs = VERBS[e.action];
  const id = e.idValue === undefined ? undefined : `${e.idKey ?? 'id'}=${e.idValue}`;
  const elapsed = formatElapsed(e.elapsedSeconds ?? 0);
  switch (e.kind) {
    case 'start':
      return style.bold(`${e.address}: ${verbs.start}${id === undefined ? '' : ` [${id}]`}`);
    case 'progress':
      return style.bold(`${e.address}: ${verbs.still} [${id === undefined ? '' : `${id}, `}${elapsed} elapsed]`);
    case 'complete':
      return style.bold(`${e.address}: ${verbs.done} after ${elapsed}${id === undefined ? '' : ` [${id}]`}`);
    case 'errored':
      return style.bold(style.red(`${e.address}: ${verbs.failed} after ${elapsed}`));
  }
}

/** `Resources: 1 added, 0 changed, 0 destroyed.` (import first, forget last when present). */
export function applyCountsText(s: ApplySummary): string {
  const parts: string[] = [];
  if ((s.import ?? 0) > 0) parts.push(`${s.import ?? 0} imported`);
  parts.push(`${s.add} added`, `${s.change} changed`, `${s.destroy} destroyed`);
  if ((s.forget ?? 0) > 0) parts.push(`${s.forget ?? 0} forgotten`);
  return `Resources: ${parts.join(', ')}.`;
}

/** The closing line: `Apply complete! Resources: ...` or `Destroy complete! Resources: N destroyed.` */
export function renderApplySummary(s: ApplySummary, opts: { readonly color: boolean; readonly mode?: 'apply' | 'destroy' }): string {
  const style = styleFor(opts.color);
  const text = opts.mode === 'destroy'
    ? `Destroy complete! Resources: ${s.destroy} destroyed.`
    : `Apply complete! ${applyCountsText(s)}`;
  return style.bold(style.green(text));
}
