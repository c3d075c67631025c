/**
 * A failure after the object was created: carries the state to record (the engine marks it
 * tainted so the next apply replaces it), like the official provider that records the ID first.
 */
import { DiagnosticsError } from '../../../shared/index.js';
import type { Diagnostic } from '../../../shared/index.js';
import type { ObjectValue } from '../../lang/index.js';

/** Diagnostics plus the state of the object that does exist. */
export class PartialApplyError extends DiagnosticsError {
  readonly state: ObjectValue;
  constructor(state: ObjectValue, diagnostics: readonly Diagnostic[]) {
    super(diagnostics);
    this.name = 'PartialApplyError';
    this.state = state;
  }
}
