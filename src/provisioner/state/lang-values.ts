/**
 * The one place this folder reaches into provisioner/lang: the value model. It imports
 * lang/value.js directly because lang/index.ts did not exist when state was written; switch this
 * file to '../lang/index.js' once it does (nothing else in state needs to change).
 */
export { isWhollyKnown } from '../lang/index.js';
export type { ObjectValue, Value } from '../lang/index.js';
