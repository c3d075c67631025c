/**
 * providers: the built-in providers that need no network (random, terraform, null, time, local)
 * and the registry that maps provider sources and local names to their factories.
 * Depends on provider/, lang/ and shared/ only; must not depend on the engine, state, config or
 * views, and never on cloud/.
 */
import type { ProviderFactory } from '../provider/index.js';
import { createLocalProvider, LOCAL_SOURCE } from './local/index.js';
import { createNullProvider, NULL_SOURCE } from './null/index.js';
import { createRandomProvider, RANDOM_SOURCE } from './random/index.js';
import { createTerraformProvider, TERRAFORM_SOURCE } from './terraform/index.js';
import { createTimeProvider, TIME_SOURCE } from './time/index.js';
import type { BuiltinProviderOptions } from './types.js';

export type { BuiltinProviderOptions } from './types.js';
export { createLocalProvider, createNullProvider, createRandomProvider, createTerraformProvider, createTimeProvider };
export { LOCAL_SOURCE, NULL_SOURCE, RANDOM_SOURCE, TERRAFORM_SOURCE, TIME_SOURCE };

/** Local provider name (as in `required_providers` and resource type prefixes) → source. */
export const BUILTIN_PROVIDER_SOURCES: { readonly [localName: string]: string } = Object.freeze({
  local: LOCAL_SOURCE,
  null: NULL_SOURCE,
  random: RANDOM_SOURCE,
  terraform: TERRAFORM_SOURCE,
  time: TIME_SOURCE,
});

/** Source (e.g. `hashicorp/random`) → factory for every built-in provider. */
export function builtinProviders(options: BuiltinProviderOptions = {}): Record<string, ProviderFactory> {
  return {
    [LOCAL_SOURCE]: () => createLocalProvider(options),
    [NULL_SOURCE]: () => createNullProvider(options),
    [RANDOM_SOURCE]: () => createRandomProvider(options),
    [TERRAFORM_SOURCE]: () => createTerraformProvider(options),
    [TIME_SOURCE]: () => createTimeProvider(options),
  };
}

/**
 * The built-in factory for a source as users write it: `hashicorp/random`,
 * `registry.terraform.io/hashicorp/random` (any case), or undefined when not built in.
 */
export function builtinProviderFor(source: string, options: BuiltinProviderOptions = {}): ProviderFactory | undefined {
  const normal = source.toLowerCase().replace(/^registry\.terraform\.io\//, '');
  return builtinProviders(options)[normal];
}

export { confluentProvider, CONFLUENT_SOURCE } from './confluent/index.js';
