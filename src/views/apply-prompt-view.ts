/**
 * The texts around applying a plan, as Terraform words them: the footer under a plan (saved or
 * not), the confirmation question before apply, destroy or a refresh-only apply, and the
 * cancellation line. The CLI reads the answer; these functions only return text.
 */
import { styleFor } from './ansi-style.js';
import { HORIZONTAL_RULE } from './plan-text-view.js';

/** What is being confirmed. */
export type ApplyKind = 'apply' | 'destroy' | 'refresh-only';

/** The footer after a plan: how to apply exactly this plan, or the note that it was not saved. */
export function renderPlanFooter(opts: { readonly savedTo?: string }): string {
  if (opts.savedTo !== undefined) {
    return `${HORIZONTAL_RULE}\n\nSaved the plan to: ${opts.savedTo}\n\nTo perform exactly these actions, run the following command to apply:\n    streamform apply ${JSON.stringify(opts.savedTo)}\n`;
  }
  return `${HORIZONTAL_RULE}\n\nNote: You didn't use the -out option to save this plan, so streamform can't guarantee to take exactly these actions if you run "streamform apply" now.\n`;
}

/** The confirmation question; the CLI prints it and then reads the answer after `Enter a value: `. */
export function renderApplyPrompt(kind: ApplyKind, opts: { readonly color: boolean }): string {
  const style = styleFor(opts.color);
  switch (kind) {
    case 'apply':
      return `${style.bold('Do you want to perform these actions?')}\n  streamform will perform the actions described above.\n  Only 'yes' will be accepted to approve.\n\n  ${style.bold('Enter a value:')} `;
    case 'destroy':
      return `${style.bold('Do you really want to destroy all resources?')}\n  streamform will destroy all your managed infrastructure, as shown above.\n  There is no undo. Only 'yes' will be accepted to confirm.\n\n  ${style.bold('Enter a value:')} `;
    case 'refresh-only':
      return `${style.bold('Would you like to update the streamform state to reflect these detected changes?')}\n  streamform will write these changes to the state without modifying any real infrastructure.\n  There is no undo. Only 'yes' will be accepted to confirm.\n\n  ${style.bold('Enter a value:')} `;
  }
}

/** The line printed when the answer was not `yes`. */
export function renderApplyCancelled(kind: ApplyKind): string {
  return kind === 'destroy' ? 'Destroy cancelled.' : 'Apply cancelled.';
}
