/**
 * shared: diagnostics, invariants, clock and id injection. Depends on nothing inside streamform;
 * everything may depend on it.
 */
export * from './diagnostics.js';
export * from './invariant.js';
export * from './clock.js';
export * from './did-you-mean.js';
