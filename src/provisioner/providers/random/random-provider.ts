/** The `hashicorp/random` provider: random values kept stable in state until their keepers change. */
import type { Provider } from '../../provider/index.js';
import { createBuiltinProvider } from '../builtin-provider.js';
import type { BuiltinProviderOptions } from '../types.js';
import { randomIdResource } from './random-id-resource.js';
import { randomIntegerResource } from './random-integer-resource.js';
import { randomPetResource } from './random-pet-resource.js';
import { randomShuffleResource } from './random-shuffle-resource.js';
import { randomPasswordResource, randomStringResource } from './random-string-resource.js';
import { randomUuidResource } from './random-uuid-resource.js';

/** Registry source of the random provider. */
export const RANDOM_SOURCE = 'hashicorp/random';

/** Creates a random provider instance. */
export function createRandomProvider(options: BuiltinProviderOptions = {}): Provider {
  return createBuiltinProvider({
    source: RANDOM_SOURCE,
    resources: {
      random_id: randomIdResource,
      random_integer: randomIntegerResource,
      random_password: randomPasswordResource,
      random_pet: randomPetResource,
      random_shuffle: randomShuffleResource,
      random_string: randomStringResource,
      random_uuid: randomUuidResource,
    },
  }, options);
}
