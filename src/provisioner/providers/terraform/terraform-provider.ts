/** The built-in `terraform` provider (`terraform.io/builtin/terraform`): terraform_data. */
import type { Provider } from '../../provider/index.js';
import { createBuiltinProvider } from '../builtin-provider.js';
import type { BuiltinProviderOptions } from '../types.js';
import { terraformDataResource } from './terraform-data-resource.js';

/** Registry source of the built-in terraform provider. */
export const TERRAFORM_SOURCE = 'terraform.io/builtin/terraform';

/** Creates a terraform provider instance. terraform_remote_state is not offered. */
export function createTerraformProvider(options: BuiltinProviderOptions = {}): Provider {
  return createBuiltinProvider({ source: TERRAFORM_SOURCE, resources: { terraform_data: terraformDataResource } }, options);
}
