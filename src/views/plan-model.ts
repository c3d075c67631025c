/**
 * The provisioner and shared types the views render, gathered in one place, taken through the
 * plan, lang and engine doors (src/provisioner/{plan,lang,engine}/index.ts).
 */
export type {
  ActionReason, AttrPath, ChangeAction, OutputChange, Plan, PlanMode, PlanSummary, ResourceChange,
} from '../provisioner/plan/index.js';
export type { EngineHooks } from '../provisioner/engine/index.js';
export type { ObjectValue, Value } from '../provisioner/lang/index.js';
export { isUnknown, isObjectValue, valuesEqual } from '../provisioner/lang/index.js';
export type { Clock, Diagnostic, SourceRange, SourcePos, Severity } from '../shared/index.js';
