/**
 * plan: the immutable plan data (resource changes, drift, outputs, summary) and plan files.
 * Depends on shared/ and lang/ only.
 */
export type * from './types.js';
export { encodePlanData, decodePlanData, PLAN_FILE_FORMAT } from './plan-file.js';
