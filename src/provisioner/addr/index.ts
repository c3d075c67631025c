/**
 * addr: Terraform-style addresses of modules, resources and instances (parse, format, match).
 * Pure; depends only on shared/.
 */
export * from './address.js';
