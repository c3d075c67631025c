/**
 * providers/terraform: the built-in `terraform.io/builtin/terraform` provider (terraform_data).
 * Depends on provider/, lang/ and shared/ only; must not depend on the engine or state.
 */
export { createTerraformProvider, TERRAFORM_SOURCE } from './terraform-provider.js';
