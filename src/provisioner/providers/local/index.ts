/**
 * providers/local: the built-in `hashicorp/local` provider (local_file, local_sensitive_file).
 * Depends on provider/, lang/ and shared/ only (plus node:fs); must not depend on the engine.
 */
export { createLocalProvider, LOCAL_SOURCE } from './local-provider.js';
