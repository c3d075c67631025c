/**
 * providers/random: the built-in `hashicorp/random` provider (random_id, random_integer,
 * random_password, random_pet, random_shuffle, random_string, random_uuid). Depends on provider/, lang/ and
 * shared/ only; must not depend on the engine, state or any other provider.
 */
export { createRandomProvider, RANDOM_SOURCE } from './random-provider.js';
