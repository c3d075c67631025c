/** A malformed request (the client's fault or a version mismatch): the connection is closed. */

/** Why a request could not be read. */
export type WireErrorCode = 'truncated' | 'corrupt';

/** A request the listener cannot read; the connection that sent it is closed. */
export class WireError extends Error {
  readonly code: WireErrorCode;
  constructor(code: WireErrorCode, message: string) {
    super(message);
    this.name = 'WireError';
    this.code = code;
  }
}
