/**
 * provider: the one small interface every provider implements (schemas with per-attribute change
 * behaviour, configure, read, plan, apply, import). Types only; depends on shared/ and lang/.
 */
export type * from './types.js';
