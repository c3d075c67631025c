/**
 * views: the human and machine renderings of the provisioner — plans (terminal text, `show -json`,
 * `-json` UI lines, pull-request Markdown), diagnostics, apply progress and outputs.
 *
 * Every function returns strings (or lines); nothing here writes to the console — the CLI prints.
 * Depends on shared/ and, through their index doors, on provisioner/plan (Plan types),
 * provisioner/lang (Value helpers) and provisioner/engine (the EngineHooks type only); never on
 * state, providers or cloud/. Wording follows Terraform's CLI, with "streamform" for "Terraform".
 */
export { renderPlanText, summaryText, visibleChanges, HORIZONTAL_RULE, type PlanTextOptions } from './plan-text-view.js';
export { planToJSON, actionsJSON, actionReasonJSON, type PlanJSONOptions } from './plan-json-view.js';
export { renderPlanJSONLines, versionLine, diagnosticLine, type PlanJSONLinesOptions } from './plan-json-lines-view.js';
export { renderPlanMarkdown, type PlanMarkdownOptions } from './plan-markdown-view.js';
export { renderResourceChange, type ResourceChangeViewOptions } from './resource-change-view.js';
export {
  renderDiagnostic, renderDiagnostics, diagnosticToJSON,
  type DiagnosticViewOptions, type DiagnosticJSON,
} from './diagnostic-view.js';
export { renderApplyEvent, renderApplySummary, applyCountsText, formatElapsed } from './apply-progress-view.js';
export { renderPlanFooter, renderApplyPrompt, renderApplyCancelled, type ApplyKind } from './apply-prompt-view.js';
export { ApplyProgressReporter, type ApplyProgressReporterOptions } from './apply-progress-reporter.js';
export { renderApplyEventJSON, renderApplySummaryJSON, renderOutputsJSONLine } from './apply-json-lines-view.js';
export { renderOutputs, renderOutputCommand, inferType, type OutputFormat } from './outputs-view.js';
export {
  formatValue, formatPrimitive, quoteString, KNOWN_AFTER_APPLY, SENSITIVE_VALUE, type FormatValueOptions,
} from './value-format.js';
export { styleFor, stripAnsi, type Style } from './ansi-style.js';
export type { UIMessageOptions } from './ui-message.js';
export type { ApplyAction, ApplyEvent, ApplySummary, OutputValue, SourceLookup } from './types.js';
export { STREAMFORM_VERSION } from './version.js';
