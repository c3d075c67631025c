/**
 * CRN parsing and pattern matching. A CRN is `crn://confluent.cloud/` followed by `key=value`
 * segments from the organization down (`…/environment=env-x/cloud-cluster=lkc-y/kafka=lkc-y/topic=t`).
 * A pattern covers a CRN when its segments are a prefix of the CRN's segments; the last pattern
 * value may end in `*` to match any value with that prefix (`topic=shoe_*`).
 */

const PREFIX = 'crn://confluent.cloud/';

/** One `key=value` segment of a CRN. */
export interface CrnSegment {
  readonly key: string;
  readonly value: string;
}

/** The segments of a CRN, or undefined when it is not one. */
export function parseCrn(crn: string): readonly CrnSegment[] | undefined {
  if (!crn.startsWith(PREFIX)) return undefined;
  const rest = crn.slice(PREFIX.length).replace(/\/+$/, '');
  if (rest === '') return [];
  const out: CrnSegment[] = [];
  for (const part of rest.split('/')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return undefined;
    out.push({ key: part.slice(0, eq), value: part.slice(eq + 1) });
  }
  return out;
}

/** True when `pattern` covers `crn` (equal, an ancestor, or a wildcard match). */
export function patternCovers(pattern: string, crn: string): boolean {
  const p = parseCrn(pattern);
  const t = parseCrn(crn);
  if (p === undefined || t === undefined || p.length === 0 || p.length > t.length) return false;
  for (let i = 0; i < p.length; i++) {
    const ps = p[i];
    const ts = t[i];
    if (ps === undefined || ts === undefined || ps.key !== ts.key) return false;
    const last = i === p.length - 1;
    if (last && ps.value.endsWith('*')) {
      if (!ts.value.startsWith(ps.value.slice(0, -1))) return false;
    } else if (ps.value !== ts.value) {
      return false;
    }
  }
  return true;
}

/** True when `crn` is a strict ancestor of (some CRN matched by) `pattern`: used for visibility. */
export function isAncestorOf(crn: string, pattern: string): boolean {
  const t = parseCrn(crn);
  const p = parseCrn(pattern);
  if (t === undefined || p === undefined || t.length >= p.length) return false;
  return t.every((s, i) => {
    const ps = p[i];
    return ps !== undefined && ps.key === s.key && ps.value === s.value;
  });
}

/** The key of the last segment (the resource type), e.g. `topic`, `compute-pool`. */
export function resourceTypeOf(crn: string): string | undefined {
  const segs = parseCrn(crn);
  return segs === undefined || segs.length === 0 ? undefined : segs[segs.length - 1]?.key;
}
