/**
 * providers/null: the built-in `hashicorp/null` provider (null_resource, null_data_source).
 * Depends on provider/, lang/ and shared/ only; must not depend on the engine or state.
 */
export { createNullProvider, NULL_SOURCE } from './null-provider.js';
