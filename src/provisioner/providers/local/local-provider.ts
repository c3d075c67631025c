/** The `hashicorp/local` provider: local_file and local_sensitive_file, as resources and data sources. */
import type { Provider } from '../../provider/index.js';
import { createBuiltinProvider } from '../builtin-provider.js';
import type { BuiltinProviderOptions } from '../types.js';
import { localFileDataSource, localSensitiveFileDataSource } from './local-file-data-source.js';
import { localFileResource, localSensitiveFileResource } from './local-file-resource.js';

/** Registry source of the local provider. */
export const LOCAL_SOURCE = 'hashicorp/local';

/** Creates a local provider instance. */
export function createLocalProvider(options: BuiltinProviderOptions = {}): Provider {
  return createBuiltinProvider({
    source: LOCAL_SOURCE,
    resources: { local_file: localFileResource, local_sensitive_file: localSensitiveFileResource },
    dataSources: { local_file: localFileDataSource, local_sensitive_file: localSensitiveFileDataSource },
  }, options);
}
