/**
 * The one error the inside commands throw: a user-facing Diagnostic (unknown topic, ambiguous
 * environment, a cloud that answered 4xx). The command runner renders it and exits 1.
 */
import { errorDiag, type Diagnostic } from '../../shared/index.js';

/** A user-facing failure carrying its Diagnostic. */
export class InsideError extends Error {
  readonly diagnostic: Diagnostic;
  /** HTTP status when the failure is the cloud's answer. */
  readonly status: number | undefined;
  /** The answer's `error_code` (Kafka REST, Schema Registry) or `code` (control plane). */
  readonly errorCode: string | number | undefined;

  constructor(code: string, summary: string, opts: { detail?: string; status?: number; errorCode?: string | number } = {}) {
    super(summary);
    this.name = 'InsideError';
    this.diagnostic = errorDiag(code, summary, { detail: opts.detail });
    this.status = opts.status;
    this.errorCode = opts.errorCode;
  }
}
