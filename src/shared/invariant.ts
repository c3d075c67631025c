/** Internal errors: a broken invariant is a bug in streamform, never the user's fault. */
export class InternalError extends Error {
  constructor(message: string) {
    super(`${message} (this is a bug in streamform; please report it)`);
    this.name = 'InternalError';
  }
}

/** Throws an InternalError when `cond` is false. */
export function invariant(cond: unknown, message: string): asserts cond {
  if (!cond) throw new InternalError(message);
}

/** Exhaustiveness check for switches over a `kind` tag. */
export function assertNever(x: never, what = 'value'): never {
  throw new InternalError(`unexpected ${what}: ${JSON.stringify(x)}`);
}
