/**
 * Sensitivity below the top of a value (Terraform's marks on nested values): a resource whose
 * `credentials` are sensitive does not make `statement_name` sensitive, also when the resource is
 * reached whole and taken apart by a for expression or a splat. A MarkedValue with `paths` is
 * sensitive as a whole to everything else, so nothing leaks where the paths are not followed.
 */
import type { MarkedValue, Value } from './value.js';

/** A sensitive sub-path; `*` matches any key (every instance of a counted or for_each resource). */
export type SensitivePath = readonly (string | number)[];

/** `value` marked by sensitive sub-paths: plain with none, wholly sensitive when one is empty. */
export function markPaths(value: Value, paths: readonly SensitivePath[]): MarkedValue {
  if (paths.length === 0) return { value, sensitive: false };
  if (paths.some((p) => p.length === 0)) return { value, sensitive: true };
  return { value, sensitive: true, paths };
}

/** The sub-paths left below one step `key`. */
export function pathsBelow(paths: readonly SensitivePath[], key: string | number): SensitivePath[] {
  return paths.filter((p) => p[0] === '*' || String(p[0]) === String(key)).map((p) => p.slice(1));
}

/**
 * The mark of the element at `key` of `parent`, whose value is `value`: a wholly sensitive parent
 * gives a sensitive element, a sensitive-in-part parent gives what lies below the key.
 */
export function elementMark(parent: MarkedValue, key: string | number, value: Value, extraSensitive = false): MarkedValue {
  if (!parent.sensitive && !extraSensitive) return { value, sensitive: false };
  if (extraSensitive || !parent.paths) return { value, sensitive: true };
  return markPaths(value, pathsBelow(parent.paths, key));
}
