/** The `hashicorp/null` provider: null_resource and the deprecated null_data_source. */
import type { Provider } from '../../provider/index.js';
import { createBuiltinProvider } from '../builtin-provider.js';
import type { BuiltinProviderOptions } from '../types.js';
import { nullDataSource } from './null-data-source.js';
import { nullResource } from './null-resource.js';

/** Registry source of the null provider. */
export const NULL_SOURCE = 'hashicorp/null';

/** Creates a null provider instance. */
export function createNullProvider(options: BuiltinProviderOptions = {}): Provider {
  return createBuiltinProvider({
    source: NULL_SOURCE,
    resources: { null_resource: nullResource },
    dataSources: { null_data_source: nullDataSource },
  }, options);
}
