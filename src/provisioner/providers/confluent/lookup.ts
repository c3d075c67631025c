/**
 * Data-source helpers: paged list reads (`metadata.next`), lookup by display name with the
 * official "exactly one match" rule, and the exactly-one-of argument check.
 */
import { DiagnosticsError, errorDiag } from '../../../shared/index.js';
import type { Diagnostic } from '../../../shared/index.js';
import { isUnknown } from '../../lang/index.js';
import type { ObjectValue } from '../../lang/index.js';
import { jarr, jstr } from './json-access.js';
import type { ResourceContext, Target } from './types.js';

/** Every item of a paged list (`data` + `metadata.next`), following at most 100 pages. */
export async function listAll(rc: ResourceContext, target: Target, path: string, query: Record<string, string>): Promise<unknown[]> {
  const items: unknown[] = [];
  let token: string | undefined;
  for (let page = 0; page < 100; page++) {
    const q: Record<string, string> = { ...query, page_size: '100' };
    if (token !== undefined) q.page_token = token;
    const r = await rc.http.send(target, 'GET', path, { query: q, signal: rc.ctx.signal });
    items.push(...jarr(r.body, 'data'));
    const next = jstr(r.body, 'metadata.next');
    if (next === undefined || next === '') break;
    const t = new URL(next, 'http://x').searchParams.get('page_token');
    if (t === null || t === '' || t === token) break;
    token = t;
  }
  return items;
}

/** The one item whose display name (`display_name` or `spec.display_name`) matches. */
export async function findOneByName(rc: ResourceContext, target: Target, path: string, query: Record<string, string>, name: string, what: string): Promise<unknown> {
  const items = await listAll(rc, target, path, query);
  const hits = items.filter((i) => (jstr(i, 'display_name') ?? jstr(i, 'spec.display_name')) === name);
  if (hits.length !== 1) {
    throw new DiagnosticsError([errorDiag('confluent-not-found', hits.length === 0 ? `No ${what} named "${name}" was found` : `${hits.length} ${what}s are named "${name}"; use id instead`)]);
  }
  return hits[0];
}

/** Diagnostic unless exactly one of `names` is set (unknown counts as set). */
export function exactlyOneOf(config: ObjectValue, names: readonly string[]): readonly Diagnostic[] {
  const set = names.filter((n) => isUnknown(config[n]) || (config[n] !== null && config[n] !== undefined && config[n] !== ''));
  if (set.length === 1) return [];
  return [errorDiag('confluent-exactly-one-of', `Exactly one of ${names.join(', ')} must be set${set.length > 1 ? ` (got ${set.join(', ')})` : ''}`)];
}
