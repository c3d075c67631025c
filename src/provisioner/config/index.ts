/**
 * config: reads *.tf / *.tf.json into an immutable ModuleConfig tree with source positions.
 * Depends on shared/ and lang/ (expressions, types); never on the engine, state or providers.
 */
export * from './types.js';
export { hcl2json, loadConfig, syntaxDiagnostics, traversalText } from './load-config.js';
export { scanHcl } from './source-scanner.js';
export type { ScannedBlock, ScannedAttribute } from './source-scanner.js';
