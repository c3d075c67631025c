/**
 * Typed errors of the state store. Each is a failure the user can act on and carries a
 * `diagnostic` with a stable code; the CLI turns it into text in one place.
 */
import { errorDiag } from '../../shared/index.js';
import type { Diagnostic } from '../../shared/index.js';
import type { LockHolder } from './types.js';

/** Base class: every state error converts to one Diagnostic. */
export abstract class StateError extends Error {
  /** The user-facing problem. */
  abstract get diagnostic(): Diagnostic;
}

/** The state lock is held by someone else (after waiting up to the timeout). */
export class StateLockedError extends StateError {
  readonly holder: LockHolder;
  constructor(holder: LockHolder) {
    super(`state is locked by ${holder.who} (lock ID ${holder.id})`);
    this.name = 'StateLockedError';
    this.holder = holder;
  }
  get diagnostic(): Diagnostic {
    const h = this.holder;
    const alive = h.holderAlive === 'dead'
      ? `\n\nThe holder process (pid ${h.pid}) is no longer running on this host; if no other streamform is using this state, run "streamform force-unlock ${h.id}".`
      : '';
    return errorDiag('state-locked', 'Error acquiring the state lock', {
      detail: 'Error message: the state is locked by another operation.\nLock Info:\n'
        + `  ID:        ${h.id}\n  Path:      ${h.path}\n  Operation: ${h.operation}\n  Who:       ${h.who}\n`
        + `  Version:   ${h.version}\n  Created:   ${h.created}\n  PID:       ${h.pid}\n\n`
        + 'streamform locks the state so that two operations never write it at once. Wait for the other '
        + 'operation to finish, or pass -lock-timeout to wait longer.' + alive,
    });
  }
}

/** Unlocking failed: no lock, or the id does not match the current lock. */
export class StateUnlockError extends StateError {
  readonly code: 'state-not-locked' | 'state-unlock-id-mismatch';
  readonly requestedId: string;
  readonly currentId: string | undefined;
  constructor(requestedId: string, currentId: string | undefined) {
    super(currentId === undefined ? 'state is not locked' : `lock ID ${requestedId} does not match the current lock ${currentId}`);
    this.name = 'StateUnlockError';
    this.code = currentId === undefined ? 'state-not-locked' : 'state-unlock-id-mismatch';
    this.requestedId = requestedId;
    this.currentId = currentId;
  }
  get diagnostic(): Diagnostic {
    return this.currentId === undefined
      ? errorDiag(this.code, 'Failed to unlock state: the state is not locked')
      : errorDiag(this.code, 'Failed to unlock state: lock ID does not match', {
        detail: `You asked to unlock lock ID "${this.requestedId}", but the state is locked with ID "${this.currentId}".`,
      });
  }
}

/** The state file was written by a newer streamform whose schema this binary does not know. */
export class StateVersionError extends StateError {
  readonly fileSchemaVersion: number;
  readonly supportedSchemaVersion: number;
  readonly writtenBy: string;
  readonly path: string;
  constructor(opts: { fileSchemaVersion: number; supportedSchemaVersion: number; writtenBy: string; path: string }) {
    super(`state schema version ${opts.fileSchemaVersion} is newer than supported ${opts.supportedSchemaVersion}`);
    this.name = 'StateVersionError';
    this.fileSchemaVersion = opts.fileSchemaVersion;
    this.supportedSchemaVersion = opts.supportedSchemaVersion;
    this.writtenBy = opts.writtenBy;
    this.path = opts.path;
  }
  get diagnostic(): Diagnostic {
    return errorDiag('state-version-unsupported', 'State file was written by a newer version of streamform', {
      detail: `${this.path} has state schema version ${this.fileSchemaVersion} and was last written by streamform `
        + `${this.writtenBy}; this streamform understands schema versions up to ${this.supportedSchemaVersion}. `
        + `Upgrade streamform to at least ${this.writtenBy} to use this state.`,
    });
  }
}

/** A pushed state belongs to a different lineage, or is older than the stored one. */
export class StateLineageError extends StateError {
  readonly code: 'state-lineage-mismatch' | 'state-serial-older';
  readonly current: { readonly lineage: string; readonly serial: number };
  readonly incoming: { readonly lineage: string; readonly serial: number };
  constructor(current: { lineage: string; serial: number }, incoming: { lineage: string; serial: number }) {
    const mismatch = current.lineage !== incoming.lineage;
    super(mismatch ? `lineage ${incoming.lineage} differs from ${current.lineage}` : `serial ${incoming.serial} is older than ${current.serial}`);
    this.name = 'StateLineageError';
    this.code = mismatch ? 'state-lineage-mismatch' : 'state-serial-older';
    this.current = current;
    this.incoming = incoming;
  }
  get diagnostic(): Diagnostic {
    return this.code === 'state-lineage-mismatch'
      ? errorDiag(this.code, 'Failed to write state: lineage mismatch', {
        detail: `The pushed state has lineage "${this.incoming.lineage}" but the stored state has lineage `
          + `"${this.current.lineage}": they are different states. Use -force to overwrite anyway.`,
      })
      : errorDiag(this.code, 'Failed to write state: destination state has a higher serial', {
        detail: `The pushed state has serial ${this.incoming.serial} but the stored state has serial `
          + `${this.current.serial}: changes were made since the pushed state was taken. Use -force to overwrite anyway.`,
      });
  }
}

/** Any other user-facing state failure (missing file, bad JSON, bad address, state mv conflicts). */
export class StateOperationError extends StateError {
  readonly #diag: Diagnostic;
  constructor(diag: Diagnostic) {
    super(diag.detail === undefined ? diag.summary : `${diag.summary}: ${diag.detail}`);
    this.name = 'StateOperationError';
    this.#diag = diag;
  }
  get diagnostic(): Diagnostic { return this.#diag; }
}
