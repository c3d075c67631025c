/**
 * The error a statement fails with when a row cannot be evaluated (CAST failure, division by zero):
 * Flink's USER non-recoverable class. The runtime catches it at the task edge and fails the statement
 * with `message` as `status.detail`; TRY_CAST and friends catch it to return NULL.
 */

/** Stable codes for runtime failures. */
export type SqlRuntimeErrorCode = 'cast-failed' | 'division-by-zero' | 'invalid-argument' | 'overflow';

/** A user-data failure while evaluating a SQL expression. */
export class SqlRuntimeError extends Error {
  readonly code: SqlRuntimeErrorCode;
  constructor(code: SqlRuntimeErrorCode, message: string) {
    super(message);
    this.name = 'SqlRuntimeError';
    this.code = code;
  }
}
